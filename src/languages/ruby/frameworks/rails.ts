import type { RubyFramework } from '../framework.js';

/**
 * Ruby on Rails: config/application.rb and the rails (or railties) gem. Served
 * by `bin/rails server` (Puma, with config/puma.rb) on every interface.
 */
export const rails: RubyFramework = {
  id: 'rails',
  title: 'Ruby on Rails',
  defaultPort: 3000,
  gems: ['rails', 'railties'],
  entrypoint: { default: 'config.ru', help: 'fixed: a Rails app starts through bin/rails server', rules: [] },
  command: (ctx) => ['bin/rails', 'server', '--binding', '0.0.0.0', '--port', String(ctx.port)],
  env: [{ key: 'SECRET_KEY_BASE', comment: 'Rails signs and encrypts cookies and messages with this key (it wins over the credentials file)', secretLength: 64 }],
  // Rails writes server.pid and caches under tmp/, and may log to log/.
  writablePaths: ['/tmp', '/app/tmp', '/app/log'],
};
