/**
 * Docker Swarm on a real engine: generate a stack with `deploy: ["swarm"]`,
 * build the image, `docker stack deploy`, wait for every task to converge, call
 * /health on each app replica, remove the stack.
 *
 * Test-only change (never in what users get): the engine here has no IPVS, so
 * service VIPs and the ingress routing mesh don't route. The test deploys a
 * copy of the stack file with `endpoint_mode: dnsrr` on every service and the
 * app's port published in host mode on a random port per task.
 */
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Answers } from '../../src/core/index.js';
import { engineProblem, httpGet, must, run, waitFor } from './docker.js';
import { swarmStacks } from './matrix.js';
import { starterServices } from '../../src/services/index.js';

const required = process.env.DOCKERIZE_E2E === 'required';
const problem = engineProblem();
const work = mkdtempSync(join(tmpdir(), 'dockerize-swarm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A docker client whose `stack deploy` reads Compose Specification files (no `version:` key): 23 or later. */
function stackClient(): string | undefined {
  const candidates = ['docker', '/usr/local/bin/docker', '/usr/bin/docker'];
  const versions = candidates
    .map((c) => ({ c, v: run(c, ['version', '--format', '{{.Client.Version}}'], { timeoutMs: 20_000 }).stdout.trim() }))
    .filter((x) => /^\d+\./.test(x.v))
    .sort((a, b) => Number(b.v.split('.')[0]) - Number(a.v.split('.')[0]));
  return versions.find((x) => Number(x.v.split('.')[0]) >= 23)?.c;
}

const client = problem ? undefined : stackClient();
const swarmState = problem ? '' : run('docker', ['info', '--format', '{{.Swarm.LocalNodeState}}']).stdout.trim();
const unavailable = problem
  ? `no Docker Engine answers (${problem})`
  : !client
    ? 'no docker client 23+ for `docker stack deploy` of a Compose Specification file'
    : swarmState === 'active'
      ? 'this engine is already part of a swarm: not touching it'
      : undefined;
if (unavailable && !required) console.log(`SKIPPED swarm e2e: ${unavailable}.`);

const stacks = swarmStacks;

describe.skipIf(unavailable !== undefined && !required)('the stack deploys on Docker Swarm', () => {
  it.runIf(unavailable !== undefined)('has a Docker Engine that can run a swarm (DOCKERIZE_E2E=required)', () => {
    throw new Error(`swarm e2e required but ${unavailable}`);
  });

  it.runIf(unavailable === undefined)('deploys, converges, serves /health on every replica, and is removed', async () => {
    must(run('docker', ['swarm', 'init', '--advertise-addr', '127.0.0.1']), 'swarm init');
    try {
      for (const s of stacks) await deployAndCheck(s);
    } finally {
      run('docker', ['swarm', 'leave', '--force']);
    }
  });
});

async function deployAndCheck(s: { id: string; answers: Answers }) {
  const dir = join(work, s.id);
  writeFileSync(join(work, `${s.id}.json`), JSON.stringify(s.answers));
  let err = '';
  expect(await main(['--answers', `${s.id}.json`, '--out', s.id], { fs, cwd: work, stdout: () => {}, stderr: (t) => (err += t), interactive: false }), err).toBe(0);
  const stackFile = parseYaml(readFileSync(join(dir, 'docker-stack.yml'), 'utf8'));

  // The test-only override (see the file comment).
  for (const svc of Object.values<Record<string, any>>(stackFile.services)) svc.deploy = { ...svc.deploy, endpoint_mode: 'dnsrr' };
  stackFile.services.app.ports = [{ target: stackFile.services.app.ports[0].target, protocol: 'tcp', mode: 'host' }];
  writeFileSync(join(dir, 'stack.e2e.yml'), stringify(stackFile));

  must(run('docker', ['build', '-t', s.answers.image as string, '.'], { cwd: dir }), 'docker build');
  const help = run(client!, ['stack', 'deploy', '--help']).stdout;
  const detach = help.includes('--detach') ? ['--detach=true'] : [];
  try {
    must(run(client!, ['stack', 'deploy', ...detach, '-c', 'stack.e2e.yml', s.id], { cwd: dir }), 'stack deploy');
    const replicas = s.answers.replicas ?? 2;
    // Converged: every service runs all its replicas.
    await waitFor('every service to converge', 300, () => {
      const lines = run('docker', ['stack', 'services', s.id, '--format', '{{.Name}} {{.Replicas}}']).stdout.trim().split('\n');
      const ready = lines.length === 1 + (s.answers.services?.length ?? 0) && lines.every((l) => /(\d+)\/\1\b/.test(l.split(' ')[1] ?? ''));
      return ready ? true : undefined;
    });
    const containers = () =>
      run('docker', ['ps', '--filter', `label=com.docker.swarm.service.name=${s.id}_app`, '--format', '{{.ID}}']).stdout.trim().split('\n').filter(Boolean);
    // The starter's /health checks the services it has a client for; the others only have to run (above).
    const allOk = Object.fromEntries(starterServices({ services: s.answers.services ?? [] }, s.answers.language!).map((x) => [x, 'ok']));
    const healthy = await waitFor(`${replicas} app replicas answering 200 on /health`, 300, async () => {
      const ids = containers();
      if (ids.length !== replicas) return undefined;
      const bodies = [];
      for (const id of ids) {
        const port = run('docker', ['inspect', '-f', '{{(index (index .NetworkSettings.Ports "' + stackFile.services.app.ports[0].target + '/tcp") 0).HostPort}}', id]).stdout.trim();
        if (!/^\d+$/.test(port)) return undefined;
        const r = await httpGet(`http://127.0.0.1:${port}/health`);
        if (r.status !== 200) return undefined;
        bodies.push(r.body);
      }
      return bodies;
    });
    for (const body of healthy.value) expect(body).toEqual({ status: 'ok', checks: allOk });
  } catch (e) {
    const tasks = run('docker', ['stack', 'ps', s.id, '--no-trunc', '--format', '{{.Name}} {{.CurrentState}} {{.Error}}']).stdout;
    const logs = run('docker', ['service', 'logs', '--tail', '40', `${s.id}_app`]).stdout;
    throw new Error(`${(e as Error).message}\n--- tasks ---\n${tasks}\n--- app logs ---\n${logs.slice(-4000)}`);
  } finally {
    run(client!, ['stack', 'rm', s.id]);
    // stack rm returns at once; the task containers (stopped ones too) hold the volumes until they are gone.
    await waitFor('the stack to be removed', 120, () => (run('docker', ['ps', '-aq', '--filter', `label=com.docker.stack.namespace=${s.id}`]).stdout.trim() === '' ? true : undefined)).catch(() => {});
    const volumes = () => run('docker', ['volume', 'ls', '-q', '--filter', `label=com.docker.stack.namespace=${s.id}`]).stdout.trim().split('\n').filter(Boolean);
    await waitFor('the stack volumes to be removed', 60, () => {
      for (const v of volumes()) run('docker', ['volume', 'rm', '-f', v]);
      return volumes().length === 0 ? true : undefined;
    }).catch(() => {});
  }
}
