import { RACKUP_FILE, RUBY_FILE, rackup, type RubyFramework } from '../framework.js';

const HELP = 'the rackup file (config.ru), or the Ruby file that runs the app ("app.rb")';

/**
 * Sinatra: the sinatra gem. With a config.ru it runs like any Rack app; a
 * classic `ruby app.rb` app is started the same way, with Sinatra's own
 * -o (bind) and -p (port) options.
 */
export const sinatra: RubyFramework = {
  id: 'sinatra',
  title: 'Sinatra',
  defaultPort: 4567,
  gems: ['sinatra'],
  entrypoint: { default: 'config.ru', help: HELP, rules: [{ pattern: `${RACKUP_FILE}|${RUBY_FILE}`, must: `${HELP}, inside the app` }] },
  command: (ctx) => (ctx.entrypoint.endsWith('.ru') ? rackup(ctx.entrypoint, ctx.port) : ['bundle', 'exec', 'ruby', ctx.entrypoint, '-o', '0.0.0.0', '-p', String(ctx.port)]),
  writablePaths: ['/tmp'],
};
