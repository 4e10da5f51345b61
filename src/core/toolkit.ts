/**
 * Small pure helpers the core and the language providers share. Nothing here
 * looks up a language or a service.
 */
import type { ResolvedAnswers } from './answers.js';
import type { EntryContext } from './provider.js';
import type { ProjectSnapshot } from './project.js';

/** An exec-form instruction argument: a JSON array, so quotes, `$`, backslashes and newlines stay literal. */
export function execForm(args: readonly string[]): string {
  return `[${args.map((a) => JSON.stringify(a)).join(', ')}]`;
}

export function entryContext(r: ResolvedAnswers): EntryContext {
  return { name: r.name, port: r.port, entrypoint: r.entrypoint, healthPath: r.healthPath, services: r.services };
}

/** A file's path inside a folder ("" is the folder itself). */
export function inDir(dir: string, file: string): string {
  return dir ? `${dir}/${file}` : file;
}

/** A JSON object file, or undefined when it is missing or not a JSON object. */
export function readJson(project: ProjectSnapshot, path: string): Record<string, unknown> | undefined {
  const text = project.read(path);
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Route names apps give their health or readiness endpoint, best first. */
const HEALTH_NAMES = ['health', 'healthz', 'health-check', 'healthcheck', 'ready', 'readyz', 'readiness', 'livez', 'liveness', 'ping', 'status', 'up', 'heartbeat'];

/**
 * The app's own health route among the paths its code declares (each with the
 * file it is in): the best-named path whose last part is a health name, so
 * "/api/health" and "/healthz/" qualify but "/users/status/edit" does not.
 */
export function healthRoute(paths: ReadonlyArray<{ path: string; file: string }>): { path: string; file: string } | undefined {
  const named = paths
    .map((p) => ({ ...p, path: `/${p.path.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '/') }))
    .map((p) => ({ ...p, rank: HEALTH_NAMES.indexOf(p.path.split('/').pop()?.toLowerCase() ?? '') }))
    .filter((p) => p.rank >= 0 && /^\/[A-Za-z0-9_~./-]*$/.test(p.path) && !p.path.includes('..'));
  named.sort((a, b) => a.rank - b.rank || a.path.length - b.path.length);
  const best = named[0];
  return best ? { path: best.path, file: best.file } : undefined;
}

/** A Dockerfile RUN that installs Debian packages, without recommends, leaving no package lists in the layer. */
export function aptInstall(packages: readonly string[]): string {
  return `RUN apt-get update \\\n    && apt-get install -y --no-install-recommends ${packages.join(' ')} \\\n    && rm -rf /var/lib/apt/lists/*`;
}

/** A list as people write it: "a", "a and b", "a, b and c". */
export function humanList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One POSIX shell word: as it is when plain, else single-quoted. */
export const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** A value Compose (and docker stack deploy) must not interpolate, such as a shell's $VAR in a command: every `$` doubled. */
export const literal = (s: string) => s.replace(/\$/g, '$$$$');

/** Never looked into: dependencies, virtual environments, caches, build output, version control. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.venv', 'venv', '.git', 'dist', 'build', '.next', '__pycache__', '.tox', 'target', 'vendor', 'coverage', '.cache']);

/**
 * The .env variable that chooses the app's port on the host: APP_PORT, unless
 * the app reads APP_PORT itself (its own listening port: env_file would hand
 * it our value), then HOST_PORT.
 */
export const hostPortVar = (r: Pick<ResolvedAnswers, 'appEnv'>) => (r.appEnv.some((e) => e.key === 'APP_PORT' && e.inCode) ? 'HOST_PORT' : 'APP_PORT');

/** The user distroless images run as ("nonroot"). */
export const DISTROLESS_UID = 65532;

/**
 * README.Docker.md's lines for a binary on a distroless image: who runs it,
 * the probe binary the HEALTHCHECK runs (`probe`: how the language's
 * probe stage compiles it, and why it stays cached), how to debug without a shell, and the exec-form start.
 */
export function distrolessReadme(r: Pick<ResolvedAnswers, 'healthPath' | 'healthCheck' | 'port'>, finalImage: string, probe: string): string[] {
  const debug = finalImage.replace(/:nonroot$/, ':debug-nonroot');
  return [
    `The app runs as distroless's nonroot user (uid ${DISTROLESS_UID}); the binary is owned by root.`,
    `\`HEALTHCHECK\` runs \`/usr/local/bin/healthcheck\`, since the image has no shell, curl or runtime to check with:
  ${probe}. It calls
  \`${r.healthPath}\` on the container's own host name and passes on ${r.healthCheck === 'any-response' ? 'any answer below 500' : '2xx or 3xx'}. Compose and Swarm use it;
  Kubernetes probes the route over HTTP itself.`,
    `No shell to \`exec\` into: to debug, build with \`${debug}\` as the final image (busybox at
  /busybox/sh), or \`docker compose exec app /usr/local/bin/healthcheck ${r.port} ${r.healthPath} 400\` to run the check by hand.`,
    "The start command is in exec form, so the binary receives `docker stop`'s SIGTERM.",
  ];
}
