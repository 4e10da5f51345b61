import type { EntrypointSpec, Framework } from '../../core/provider.js';

/** What a Ruby web framework adds to the core's Framework. */
export interface RubyFramework extends Framework {
  /** Gems whose presence in the Gemfile (or Gemfile.lock) means this framework; none for the Rack and plain-Ruby fallbacks. */
  gems: readonly string[];
}

/** A relative path inside the app (no `..`, no leading /) ending in one of the extensions. */
const relativeFile = (ext: string) => `^(?!.*(?:^|/)\\.\\.?(?:/|$))[A-Za-z0-9_][A-Za-z0-9._-]*(?:/[A-Za-z0-9_][A-Za-z0-9._-]*)*\\.(?:${ext})$`;

export const RACKUP_FILE = relativeFile('ru');
export const RUBY_FILE = relativeFile('rb');

/** The rackup file (config.ru): Rack apps, and Sinatra apps that have one. */
export const rackupEntry: EntrypointSpec = {
  default: 'config.ru',
  help: 'the rackup file the server loads (config.ru)',
  rules: [{ pattern: RACKUP_FILE, must: 'a rackup file inside the app, such as "config.ru"' }],
};

/** `rackup` on every interface of the container, on the image's port (Rack 3 moved it to the rackup gem). */
export const rackup = (file: string, port: number) => ['bundle', 'exec', 'rackup', file, '--host', '0.0.0.0', '--port', String(port)];

/** Puma serving a rackup file on every interface (its config file, when there is one, for threads and workers). */
export const puma = (file: string, port: number, config?: string) => ['bundle', 'exec', 'puma', ...(config ? ['--config', config] : []), '--bind', `tcp://0.0.0.0:${port}`, file];
