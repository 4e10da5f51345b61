import { RUBY_FILE, type RubyFramework } from '../framework.js';

const HELP = 'the Ruby file that starts the server ("app.rb")';

/** A server written with Ruby's standard library (TCPServer): `ruby <file>`. The starter app is one. */
export const plainRuby: RubyFramework = {
  id: 'ruby-stdlib',
  title: 'Ruby standard library server',
  defaultPort: 8080,
  gems: [],
  entrypoint: { default: 'app.rb', help: HELP, rules: [{ pattern: RUBY_FILE, must: `${HELP}, inside the app` }] },
  command: (ctx) => ['ruby', ctx.entrypoint],
  writablePaths: ['/tmp'],
};
