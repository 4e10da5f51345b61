import { rackup, rackupEntry, type RubyFramework } from '../framework.js';

/** Any Rack app with a config.ru (Roda, Grape, Hanami, a bare lambda): served by rackup, or Puma when the bundle has it. */
export const rack: RubyFramework = {
  id: 'rack',
  title: 'Rack',
  defaultPort: 9292,
  gems: [],
  entrypoint: rackupEntry,
  command: (ctx) => rackup(ctx.entrypoint, ctx.port),
  writablePaths: ['/tmp'],
};
