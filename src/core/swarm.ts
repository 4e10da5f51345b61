import type { ResolvedAnswers } from './answers.js';
import { deployedVariables, isSecret } from './env.js';
import { processImage, swarmSecretName, swarmSecretPath, type Process } from './provider.js';
import { frameworkOf, servicesOf } from './registry.js';
import { entryContext, literal } from './toolkit.js';
import { toYaml, type Path } from './yaml.js';
import { dataVolume } from './compose.js';


/** The Docker secrets of the stack: .env key -> file under secrets/ (same values as .env). */
export function swarmSecrets(r: ResolvedAnswers, values: ReadonlyMap<string, string>): Array<{ key: string; name: string; file: string; value: string }> {
  return deployedVariables(r, values)
    .filter((v) => isSecret(v.spec))
    .map((v) => ({ key: v.spec.key, name: swarmSecretName(v.spec.key), file: `secrets/${swarmSecretName(v.spec.key)}`, value: v.value }));
}

/** docker-stack.yml as data: what `docker stack deploy` accepts (image, deploy:, secrets; no build or depends_on). */
export function stackModel(r: ResolvedAnswers, values: ReadonlyMap<string, string>, processes: readonly Process[] = []): { doc: Record<string, unknown>; comments: [Path, string][]; flow: Path[] } {
  const ctx = entryContext(r);
  const appVars = deployedVariables(r, values).filter((v) => (v.spec.readBy ?? 'app') === 'app');
  const environment: Record<string, string> = {};
  for (const v of appVars) {
    if (isSecret(v.spec)) environment[`${v.spec.key}_FILE`] = swarmSecretPath(v.spec.key);
    else environment[v.spec.key] = literal(v.value);
  }
  const appSecrets = appVars.filter((v) => isSecret(v.spec)).map((v) => swarmSecretName(v.spec.key));
  const app: Record<string, unknown> = {
    image: r.image,
    init: true,
    ports: [{ target: r.port, published: r.port, protocol: 'tcp', mode: 'ingress' }],
    ...(Object.keys(environment).length ? { environment } : {}),
    ...(appSecrets.length ? { secrets: appSecrets } : {}),
    ...(r.dataPaths.length ? { volumes: r.dataPaths.map((d) => `${dataVolume(d.path)}:${d.path}`) } : {}),
    deploy: {
      replicas: r.replicas,
      update_config: { parallelism: 1, delay: '10s', order: 'start-first', failure_action: 'rollback', monitor: '30s' },
      rollback_config: { parallelism: 1, order: 'stop-first' },
      restart_policy: { condition: 'on-failure', delay: '5s', max_attempts: 5, window: '60s' },
      resources: { limits: { cpus: '1', memory: '512M' }, reservations: { cpus: '0.1', memory: '128M' } },
    },
  };
  const all: Record<string, unknown> = { app };
  const comments: [Path, string][] = [
    [['services', 'app', 'image'], 'Swarm pulls images: build and push this one first (see README.Docker.md)'],
    [['services', 'app', 'init'], 'A tiny init as PID 1 forwards stop signals to the app and reaps zombie processes'],
    [['services', 'app', 'deploy', 'update_config'], 'Rolling updates: one task at a time, the new one started (and healthy) before the old one stops; roll back on failure'],
  ];
  if (appSecrets.length) comments.push([['services', 'app', 'secrets'], 'Files under /run/secrets/: the app reads NAME_FILE when NAME is not set'], [['services', 'app', 'environment'], 'Settings; passwords come from the Docker secrets below, never from this file']);
  const flow: Path[] = [];
  for (const p of processes) {
    all[p.name] = {
      image: p.target ? processImage(r.image, p.target.stage) : r.image,
      init: true,
      command: p.command.map(literal),
      ...(Object.keys(environment).length || p.environment ? { environment: { ...environment, ...p.environment } } : {}),
      ...(appSecrets.length ? { secrets: appSecrets } : {}),
      healthcheck: p.healthcheck ? { test: ['CMD', ...p.healthcheck.map(literal)], interval: '30s', timeout: '10s', retries: 3, start_period: '20s' } : { disable: true },
      deploy:
        p.lifecycle === 'once'
          ? // A job: runs to completion at each `docker stack deploy`, retried if it fails (while the database starts, say).
            { mode: 'replicated-job', restart_policy: { condition: 'on-failure', delay: '5s', max_attempts: 10 }, resources: { limits: { cpus: '1', memory: '512M' } } }
          : { replicas: 1, restart_policy: { condition: 'on-failure', delay: '5s', max_attempts: 5, window: '60s' }, resources: { limits: { cpus: '1', memory: '512M' } } },
    };
    comments.push([['services', p.name], `${p.purpose} (${p.evidence})${p.lifecycle === 'once' ? '. Swarm has no "after it finished": the app retries until the schema is there' : ''}`]);
    flow.push(['services', p.name, 'command']);
    if (p.healthcheck) flow.push(['services', p.name, 'healthcheck', 'test']);
    else comments.push([['services', p.name, 'healthcheck'], "The image's HTTP healthcheck is the app's: this container serves no port"]);
  }
  const volumes: Record<string, object> = {};
  const secrets: Record<string, object> = {};
  for (const entry of servicesOf(r)) {
    const id = entry.id;
    const part = entry.swarm(ctx);
    all[id] = part.service;
    if (entry.volume) volumes[entry.volume.name] = {};
    for (const [key, text] of Object.entries(part.comments ?? {})) comments.push([['services', id, ...key.split('.')], text]);
    if (Array.isArray(part.service.command)) flow.push(['services', id, 'command']);
    flow.push(['services', id, 'healthcheck', 'test']);
  }
  for (const d of r.dataPaths) volumes[dataVolume(d.path)] = {};
  if (r.dataPaths.length) comments.push([['services', 'app', 'volumes'], 'Named volumes are per node: replicas on several nodes do not share these files (use a shared volume driver or object storage)']);
  for (const s of swarmSecrets(r, values)) secrets[s.name] = { file: `./${s.file}` };
  const doc: Record<string, unknown> = { services: all };
  if (Object.keys(volumes).length) doc.volumes = volumes;
  if (Object.keys(secrets).length) {
    doc.secrets = secrets;
    comments.push([['secrets'], 'Created from the files under secrets/ (git-ignored, same values as .env) when the stack is deployed'], [['volumes'], 'Named volumes keep data on the node that runs the service']);
  }
  return { doc, comments, flow };
}

export function renderStack(r: ResolvedAnswers, values: ReadonlyMap<string, string>, processes: readonly Process[] = []): string {
  const { doc, comments, flow } = stackModel(r, values, processes);
  return toYaml(doc, {
    header: [
      `Docker Swarm stack for ${r.name} (${frameworkOf(r).title}), written by generator-dockerize.`,
      `Deploy: docker stack deploy -c docker-stack.yml ${r.name}    Remove: docker stack rm ${r.name}`,
      'Build and push the image first, and keep secrets/ next to this file: see README.Docker.md.',
    ],
    comments,
    flow,
  });
}
