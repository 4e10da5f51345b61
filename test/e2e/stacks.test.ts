/**
 * The Docker tier: for each stack of the matrix, generate into a fresh folder
 * (with the starter app), build, start, wait for the app to be healthy, check
 * GET /health, take a service down and up again, restart the app, stop it,
 * rebuild after editing one source file, and tear everything down.
 *
 * No engine: prints a SKIPPED line. DOCKERIZE_E2E=required turns that into a
 * failure (CI). Works with `docker compose` (v2) and `docker-compose` (v1).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseEnv } from '../../src/core/dotenv.js';
import { addRigShims, composeCommand, engineProblem, freePort, httpGet, must, processUids, run, waitFor } from './docker.js';
import { stacks, type Stack } from './matrix.js';

const required = process.env.DOCKERIZE_E2E === 'required';
const problem = engineProblem();
const compose = problem ? undefined : composeCommand();
const unavailable = problem ? `no Docker Engine answers (${problem})` : compose ? undefined : 'neither `docker compose` nor `docker-compose` is installed';

if (unavailable && !required) console.log(`SKIPPED e2e tier: ${unavailable}. Set DOCKERIZE_E2E=required to make this a failure.`);

interface Result {
  stack: string;
  imageMB: number;
  coldBuild: number;
  rebuild: number;
  upToHealthy: number;
  stop: number;
  stopExit: number;
}
const results: Result[] = [];
/** Tells this run's Compose projects apart from any other run's on the same engine. */
const runTag = `x${process.pid.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const work = mkdtempSync(join(tmpdir(), 'dockerize-e2e-'));

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (results.length === 0) return;
  const rows = results.map((r) => `| ${r.stack} | ${r.imageMB.toFixed(0)} MB | ${r.coldBuild.toFixed(1)} s | ${r.rebuild.toFixed(1)} s | ${r.upToHealthy.toFixed(1)} s | ${r.stop.toFixed(2)} s (exit ${r.stopExit}) |`);
  const table = ['| stack | image size | cold build | rebuild after a code change | up to healthy | docker stop |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
  console.log(`\ne2e results (${compose?.join(' ')}):\n${table}\n`);
  if (process.env.DOCKERIZE_E2E_REPORT) writeFileSync(process.env.DOCKERIZE_E2E_REPORT, `${JSON.stringify(results, null, 2)}\n`);
});

/** Generate a stack with the CLI (real file system) into a fresh folder. */
async function generateStack(s: Stack): Promise<string> {
  const dir = join(work, s.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(work, `${s.id}.json`), JSON.stringify(s.answers));
  let err = '';
  const code = await main(['--answers', `${s.id}.json`, '--out', s.id], { fs, cwd: work, stdout: () => {}, stderr: (t) => (err += t), interactive: false });
  expect(code, err).toBe(0);
  addRigShims(dir);
  return dir;
}

describe.skipIf(unavailable !== undefined && !required)('every generated stack builds and serves', () => {
  it.runIf(unavailable !== undefined)('has a Docker Engine (DOCKERIZE_E2E=required)', () => {
    throw new Error(`e2e tier required but ${unavailable}`);
  });

  describe.each(unavailable === undefined ? stacks : [])('$id', (s) => {
    it('builds, becomes healthy, serves /health with every check ok, survives outages and restarts, stops cleanly', async () => {
      const dir = await generateStack(s);
      const port = await freePort();
      // Unique per run: a leftover volume from an aborted or concurrent run would hold another
      // run's Postgres password (it is set only when the volume is first created).
      const project = `dz${s.id.replace(/[^a-z0-9]/g, '')}${runTag}`;
      const env = { APP_PORT: String(port) };
      const dc = (args: string[], timeoutMs?: number) => run(compose![0]!, [...compose!.slice(1), '-p', project, ...args], { cwd: dir, env, ...(timeoutMs ? { timeoutMs } : {}) });
      const url = `http://127.0.0.1:${port}${s.answers.healthPath ?? '/health'}`;
      const services = [...(s.answers.services ?? [])];
      const allOk = Object.fromEntries(services.map((x) => [x, 'ok']));
      const containerId = () => must(dc(['ps', '-q', 'app']), 'compose ps').stdout.trim();
      const health = (id: string) => run('docker', ['inspect', '-f', '{{.State.Health.Status}}', id]).stdout.trim();
      try {
        dc(['down', '-v', '--remove-orphans']);
        const cold = must(dc(['build', '--no-cache']), 'cold build');

        const upStart = Date.now();
        must(dc(['up', '-d']), 'up -d');
        const id = containerId();
        await waitFor('the app container to be healthy', 240, () => (health(id) === 'healthy' ? true : undefined));
        const upToHealthy = (Date.now() - upStart) / 1000;

        const first = await httpGet(url);
        expect(first).toEqual({ status: 200, body: { status: 'ok', checks: allOk } });

        // Secure defaults, checked on what really runs.
        expect(processUids(id), 'the app runs as a non-root user').not.toContain(0);
        const secrets = Object.entries(parseEnv(readFileSync(join(dir, '.env'), 'utf8'))).filter(([k]) => /PASSWORD|SECRET/.test(k));
        const image = run('docker', ['inspect', '-f', '{{.Image}}', id]).stdout.trim();
        const saved = spawnSync('docker', ['save', image], { maxBuffer: 4 * 1024 * 1024 * 1024 }).stdout;
        expect(saved.length).toBeGreaterThan(1_000_000);
        for (const [k, v] of secrets) expect(saved.includes(Buffer.from(v)), `${k} is in an image layer`).toBe(false);
        for (const svc of services) {
          const sid = must(dc(['ps', '-q', svc]), `ps ${svc}`).stdout.trim();
          expect(run('docker', ['port', sid]).stdout.trim(), `${svc} publishes no port`).toBe('');
        }
        if (services.includes('redis')) {
          const rid = must(dc(['ps', '-q', 'redis']), 'ps redis').stdout.trim();
          const anonymous = run('docker', ['exec', rid, 'sh', '-c', 'unset REDISCLI_AUTH; redis-cli ping']);
          expect(`${anonymous.stdout}${anonymous.stderr}`, 'Redis refuses a client without the password').toMatch(/NOAUTH/);
        }

        // A service going away: 503 naming it; back again: 200, without restarting the app.
        for (const down of services) {
          must(dc(['stop', down]), `stop ${down}`);
          const failing = await waitFor(`503 while ${down} is down`, 60, async () => {
            const r = await httpGet(url);
            return r.status === 503 ? r : undefined;
          });
          expect(failing.value.body).toEqual({ status: 'error', checks: { ...allOk, [down]: 'error' } });
          must(dc(['start', down]), `start ${down}`);
          await waitFor(`200 after ${down} is back`, 120, async () => ((await httpGet(url)).status === 200 ? true : undefined));
        }

        must(dc(['restart', 'app']), 'restart app');
        await waitFor('the app to be healthy after a restart', 240, () => (health(containerId()) === 'healthy' ? true : undefined));
        expect(await httpGet(url)).toEqual({ status: 200, body: { status: 'ok', checks: allOk } });

        const stopped = must(run('docker', ['stop', containerId()]), 'docker stop');
        const stopExit = Number(run('docker', ['inspect', '-f', '{{.State.ExitCode}}', containerId()]).stdout.trim());
        expect(stopExit, 'exit code after docker stop').toBe(0);

        const imageId = run('docker', ['inspect', '-f', '{{.Image}}', containerId()]).stdout.trim();
        const imageMB = Number(run('docker', ['image', 'inspect', '-f', '{{.Size}}', imageId]).stdout.trim()) / 1e6;

        const source = join(dir, s.sourceFile);
        // A unique edit: the same bytes as an earlier run would hit BuildKit's cache and time nothing.
        writeFileSync(source, `${readFileSync(source, 'utf8')}\n${s.sourceFile.endsWith('.py') ? '#' : '//'} edited by the e2e tier at ${Date.now()}-${Math.random()}\n`);
        const rebuild = must(dc(['build']), 'rebuild after a code change');

        results.push({ stack: s.id, imageMB, coldBuild: cold.seconds, rebuild: rebuild.seconds, upToHealthy, stop: stopped.seconds, stopExit });
      } catch (err) {
        const logs = dc(['logs', '--no-color', '--tail', '80']);
        throw new Error(`${(err as Error).message}\n--- compose logs ---\n${logs.stdout.slice(-6000)}`);
      } finally {
        dc(['down', '-v', '--remove-orphans']);
      }
    });
  });
});
