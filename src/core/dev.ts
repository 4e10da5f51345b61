/**
 * docker-compose.override.yml: the development setup (answers' `dev`).
 * docker compose merges it into docker-compose.yml by itself, so
 * `docker compose up --watch` runs the app with its framework's live reload
 * and copies each changed file into the container; a changed manifest
 * rebuilds the image. The code is copied, never bind-mounted: .env and the
 * other ignored files stay out of the container, and the image's own
 * node_modules or .venv are not hidden by the host's.
 */
import type { ResolvedAnswers } from './answers.js';
import type { BuildSpec } from './compose.js';
import type { DevSetup, Process } from './provider.js';
import { literal } from './toolkit.js';
import { toYaml, type Path } from './yaml.js';

/** Never copied into the container by a watch rule, whatever the language: secrets, version control, the Docker files. */
const ALWAYS_IGNORED = ['.env', '.env.*', '.git', 'Dockerfile', '.dockerignore', 'docker-compose*.yml', 'README.Docker.md'];

/** What README.Docker.md and the run's report say of the development setup. */
export interface DevSummary {
  file: string;
  reload: string | null;
  rebuildOn: readonly string[];
  debug?: { port: number; how: string };
  target?: { stage: string; why: string };
}

/** The override file docker compose merges into a compose file by itself: docker-compose.yml -> docker-compose.override.yml. */
export const devFileOf = (composePath: string) => composePath.replace(/\.(ya?ml)$/, '.override.$1');

export function renderDevOverride(r: ResolvedAnswers, dev: DevSetup | undefined, processes: readonly Process[], spec: BuildSpec, composePath: string, healthcheck: readonly string[]): string {
  // Watch paths are relative to this file (the repository's root); the app may be in a folder below it.
  const at = (p: string) => (r.app === '.' ? (p === '.' ? '.' : `./${p}`) : p === '.' ? `./${r.app}` : `./${r.app}/${p}`);
  const comments: [Path, string][] = [];
  const flow: Path[] = [];
  const app: Record<string, unknown> = {};
  if (dev) {
    if (dev.target) {
      app.build = { ...(spec.dockerfile ? { dockerfile: spec.dockerfile } : {}), target: dev.target.stage };
      comments.push([['services', 'app', 'build'], dev.target.why]);
      // The HEALTHCHECK is the final stage's: this stage gets the same check here.
      app.healthcheck = { test: ['CMD', ...healthcheck.map(literal)], interval: '5s', timeout: '5s', retries: 3, start_period: '60s' };
      flow.push(['services', 'app', 'healthcheck', 'test']);
      comments.push([['services', 'app', 'healthcheck'], "The image's own check, which this stage does not inherit; a longer start: the dev server compiles on its first request"]);
    }
    app.command = dev.command.map(literal);
    flow.push(['services', 'app', 'command']);
    comments.push([['services', 'app', 'command'], `${dev.reload}: the app restarts by itself when a file Compose copies in changes`]);
    if (dev.environment && Object.keys(dev.environment).length) app.environment = { ...dev.environment };
    if (dev.debug) {
      app.ports = [`127.0.0.1:${dev.debug.port}:${dev.debug.port}`];
      comments.push([['services', 'app', 'ports'], `The debugger, on this machine only: ${dev.debug.how}`]);
    }
    app.develop = {
      watch: [
        { action: 'sync', path: at('.'), target: dev.workdir, ignore: [...dev.ignore, ...ALWAYS_IGNORED] },
        ...[...dev.rebuildOn, 'Dockerfile'].map((f) => ({ action: 'rebuild', path: at(f) })),
      ],
    };
    comments.push([
      ['services', 'app', 'develop'],
      `docker compose up --watch: a changed source file is copied into ${dev.workdir} (never .env or what the image builds itself), a changed ${[...dev.rebuildOn, 'Dockerfile'].join(', ')} rebuilds the image`,
    ]);
  } else {
    // A compiled app: nothing reloads in the container, so a change rebuilds the image (the build caches make it quick).
    app.develop = { watch: [{ action: 'rebuild', path: at('.'), ignore: ALWAYS_IGNORED }] };
    comments.push([['services', 'app', 'develop'], 'docker compose up --watch: the app is compiled into its image, so a changed file rebuilds it (the build caches keep that quick)']);
  }
  const services: Record<string, unknown> = { app };
  // Workers run the same code: they get the same copies (a worker does not reload by itself, so a change restarts it).
  // (Only when the image runs the code as written: a build's workers run what was compiled into the image.)
  for (const p of processes.filter((x) => x.lifecycle === 'always')) {
    if (!dev || dev.target) continue;
    services[p.name] = {
      develop: { watch: [{ action: 'sync+restart', path: at('.'), target: dev.workdir, ignore: [...dev.ignore, ...ALWAYS_IGNORED] }, ...[...dev.rebuildOn].map((f) => ({ action: 'rebuild', path: at(f) }))] },
    };
    comments.push([['services', p.name], `${p.name} runs the same code: a changed file is copied in and ${p.name} restarted`]);
  }
  return toYaml(
    { services },
    {
      header: [
        `Development setup for ${r.name}, written by generator-dockerize.`,
        'docker compose merges this file into docker-compose.yml by itself:',
        '  docker compose up --build --watch      the app with live reload',
        `  docker compose -f ${composePath} up --build    production only, without this file`,
        'See README.Docker.md, "Development".',
      ],
      comments,
      flow,
    },
  );
}

export function devSummary(dev: DevSetup | undefined, composePath: string): DevSummary {
  const file = devFileOf(composePath);
  return dev
    ? { file, reload: dev.reload, rebuildOn: [...dev.rebuildOn, 'Dockerfile'], ...(dev.debug ? { debug: dev.debug } : {}), ...(dev.target ? { target: dev.target } : {}) }
    : { file, reload: null, rebuildOn: [] };
}
