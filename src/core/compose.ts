import type { ResolvedAnswers } from './answers.js';
import type { Process } from './provider.js';
import { servicesOf } from './registry.js';
import { entryContext, hostPortVar, literal } from './toolkit.js';
import { toYaml, type Path } from './yaml.js';

/** docker-compose.yml as data (the Compose Specification, no `version:` key), with its comments and YAML styling. */
/** What the app's image is built from: a context folder (relative to the repository root) and, when the Dockerfile is not at its top, the Dockerfile's path inside it. */
export interface BuildSpec {
  context: string;
  dockerfile?: string;
}

function composeModel(r: ResolvedAnswers, processes: readonly Process[], spec: BuildSpec): { doc: Record<string, unknown>; comments: [Path, string][]; quoted: Path[]; flow: Path[] } {
  const ctx = entryContext(r);
  const dir = spec.context === '.' ? '.' : `./${spec.context}`;
  const build = spec.dockerfile ? { context: dir, dockerfile: spec.dockerfile } : dir;
  const named = r.image.includes('/');
  const app: Record<string, unknown> = {
    build,
    ...(named ? { image: r.image } : {}),
    init: true,
    restart: 'unless-stopped',
    env_file: '.env',
    ports: [`\${${hostPortVar(r)}:-${r.port}}:${r.port}`],
  };
  const comments: [Path, string][] = [
    [
      ['services', 'app', 'build'],
      spec.dockerfile
        ? `Built from ${r.app}/Dockerfile, with ${spec.context === '.' ? 'this folder (the workspace root)' : `${spec.context}/ (the workspace root)`} as the build context`
        : r.app === '.'
          ? 'Built from the Dockerfile in this folder'
          : `Built from ${r.app}/Dockerfile, with ${r.app}/ as the build context`,
    ],
    ...(named ? ([[['services', 'app', 'image'], 'The name docker compose build tags the image with, and docker compose push pushes']] as [Path, string][]) : []),
    [['services', 'app', 'init'], 'A tiny init as PID 1 forwards stop signals to the app and reaps zombie processes'],
    [['services', 'app', 'env_file'], 'Settings and secrets, read when the container starts (never baked into the image)'],
    [['services', 'app', 'ports'], `host:container. Set ${hostPortVar(r)} in .env to use another host port`],
  ];
  const used = servicesOf(r);
  const healthy = Object.fromEntries(used.map((s) => [s.id, { condition: 'service_healthy' }]));
  const once = processes.filter((p) => p.lifecycle === 'once');
  if (used.length > 0 || once.length > 0) {
    app.depends_on = { ...healthy, ...Object.fromEntries(once.map((p) => [p.name, { condition: 'service_completed_successfully' }])) };
    comments.push([['services', 'app', 'depends_on'], once.length ? `Start the app only once its services pass their healthchecks and ${once.map((p) => p.name).join(', ')} has finished` : 'Start the app only once its services pass their healthchecks']);
  }
  const data = r.dataPaths.map((d) => ({ ...d, volume: dataVolume(d.path) }));
  if (data.length) {
    app.volumes = data.map((d) => `${d.volume}:${d.path}`);
    comments.push([['services', 'app', 'volumes'], `What the app writes (${data.map((d) => d.evidence).join('; ')}) outlives the container`]);
  }
  const quoted: Path[] = [['services', 'app', 'ports']];
  const flow: Path[] = [];
  const all: Record<string, unknown> = { app };
  for (const p of processes) {
    all[p.name] = {
      // The app's own image (built from the same context: Docker's cache makes the second build free).
      build: p.target ? { ...(typeof build === 'string' ? { context: build } : build), target: p.target.stage } : build,
      init: true,
      restart: p.lifecycle === 'once' ? 'no' : 'unless-stopped',
      env_file: '.env',
      ...(p.environment ? { environment: { ...p.environment } } : {}),
      command: p.command.map(literal),
      ...(used.length ? { depends_on: healthy } : {}),
      ...(data.length && p.lifecycle === 'always' ? { volumes: data.map((d) => `${d.volume}:${d.path}`) } : {}),
      healthcheck: p.healthcheck ? { test: ['CMD', ...p.healthcheck.map(literal)], interval: '10s', timeout: '10s', retries: 5, start_period: '20s' } : { disable: true },
    };
    comments.push([['services', p.name], `${p.purpose} (${p.evidence})`]);
    if (p.target) comments.push([['services', p.name, 'build', 'target'], p.target.why]);
    flow.push(['services', p.name, 'command']);
    if (p.healthcheck) flow.push(['services', p.name, 'healthcheck', 'test']);
    else comments.push([['services', p.name, 'healthcheck'], "The image's HTTP healthcheck is the app's: this container serves no port"]);
  }
  const volumes: Record<string, object> = {};
  for (const entry of used) {
    const id = entry.id;
    const service = entry.compose(ctx);
    if (Array.isArray(service.command)) flow.push(['services', id, 'command']);
    if (Array.isArray((service.healthcheck as { test?: unknown } | undefined)?.test)) flow.push(['services', id, 'healthcheck', 'test']);
    for (const [key, text] of Object.entries(entry.composeComments ?? {})) comments.push([['services', id, ...key.split('.')], text]);
    if (r.exposeServices) {
      service.ports = [`127.0.0.1:${entry.port}:${entry.port}`];
      comments.push([['services', id, 'ports'], 'Published on this machine only (127.0.0.1), for local tools']);
      quoted.push(['services', id, 'ports']);
    }
    all[id] = service;
    if (entry.volume) volumes[entry.volume.name] = {};
  }
  const first = used[0];
  if (first && !r.exposeServices) {
    comments.push([['services', first.id], 'Not published on the host: only containers of this project reach it']);
  }
  for (const d of data) volumes[d.volume] = {};
  const doc = Object.keys(volumes).length > 0 ? { services: all, volumes } : { services: all };
  return { doc, comments, quoted, flow };
}

/** The image docker compose builds for the app: the answers' reference when it names a registry, else Compose's own <project>-app. */
export const composeImage = (r: ResolvedAnswers) => (r.image.includes('/') ? r.image : `${r.name}-app`);

/** The named volume of a data folder: /app/uploads -> app-uploads. */
export const dataVolume = (path: string) => `app-${path.replace(/^\/app\/?/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase() || 'data'}`;

export function renderCompose(r: ResolvedAnswers, processes: readonly Process[] = [], spec: BuildSpec = { context: r.app }): string {
  const { doc, comments, quoted, flow } = composeModel(r, processes, spec);
  return toYaml(doc, {
    header: [
      `Docker Compose for ${r.name}, written by generator-dockerize.`,
      'Start: docker compose up --build    Stop: docker compose down    See README.Docker.md.',
      'Every ${VARIABLE} comes from .env, which docker compose reads by itself.',
    ],
    comments,
    quoted,
    flow,
  });
}
