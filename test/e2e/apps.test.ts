/**
 * Real-shaped apps (test/e2e/python-apps.ts, node-apps.ts), dockerized as a user would:
 * `dockerize --yes` in the app's folder, so detection decides the framework,
 * services, entry point, installer and migrations. Each must build, run its
 * migrations, become healthy (with the check it got: its own route, or the
 * fallback), and answer one of its own routes with what the migrations wrote.
 */
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { addRigShims, composeCommand, engineProblem, freePort, httpGet, must, processUids, run, waitFor } from './docker.js';
import { dotnetApps } from './dotnet-apps.js';
import { goApps } from './go-apps.js';
import { rustApps } from './rust-apps.js';
import { javaApps } from './java-apps.js';
import { rubyApps } from './ruby-apps.js';
import { phpApps } from './php-apps.js';
import { nodeApps } from './node-apps.js';
import { pythonApps, type App } from './python-apps.js';

const required = process.env.DOCKERIZE_E2E === 'required';
const problem = engineProblem();
const compose = problem ? undefined : composeCommand();
const unavailable = problem ? `no Docker Engine answers (${problem})` : compose ? undefined : 'no docker compose';
/** Apps without a health route whose fallback check must turn unhealthy when the app hangs (SIGSTOP) and healthy again (SIGCONT). */
const HANG_CHECK = new Set(['node-express-pg-npm', 'py-flask-poetry']);
const runTag = `a${process.pid.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const work = mkdtempSync(join(tmpdir(), 'dockerize-apps-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes the app's files and runs `dockerize --yes` in its folder; returns the folder and what the CLI printed. */
export async function dockerizeApp(root: string, app: App & { lock?: (dir: string) => void }): Promise<{ dir: string; stdout: string }> {
  const dir = join(root, app.id);
  for (const [p, text] of Object.entries(app.files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  app.lock?.(dir);
  let stdout = '';
  let stderr = '';
  const code = await main(['--yes', ...(app.args ?? [])], { fs, cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
  if (code !== 0) throw new Error(`dockerize --yes in ${app.id} exited ${code}:\n${stderr}`);
  return { dir, stdout };
}

describe.skipIf(unavailable !== undefined && !required)('real-shaped apps build, migrate and serve their own routes', () => {
  it.runIf(unavailable !== undefined)('has a Docker Engine (DOCKERIZE_E2E=required)', () => {
    throw new Error(`e2e tier required but ${unavailable}`);
  });

  describe.each(unavailable === undefined ? [...pythonApps, ...nodeApps, ...goApps, ...rustApps, ...rubyApps, ...dotnetApps, ...phpApps, ...javaApps] : [])('$id', (app) => {
    it('dockerize --yes, then build, migrate, healthy, and its own route answers', async (ctx) => {
      // An app that needs what this machine lacks (a package registry) says so, and is skipped.
      const why = (app as { unavailable?: () => string | undefined }).unavailable?.();
      if (why) return ctx.skip(why);
      const { dir, stdout } = await dockerizeApp(work, app);
      addRigShims(dir);
      const composeFile = parseYaml(fs.readFileSync(join(dir, 'docker-compose.yml'), 'utf8'));
      // Compose itself accepts the file, whether or not its images can be had here.
      must(run(compose![0]!, [...compose!.slice(1), 'config', '-q'], { cwd: dir }), 'docker compose config');
      const missing = (app.pullOnly ?? []).filter((image) => run('docker', ['image', 'inspect', image]).status !== 0 && run('docker', ['pull', image], { timeoutMs: 180_000 }).status !== 0);
      // A dependency the rig can't serve (Packagist for Laravel and Symfony): the compose file was checked, the build is skipped.
      const cannot = (app as { unavailable?: () => string | undefined }).unavailable?.();
      if (cannot) return ctx.skip(cannot);
      if (missing.length) return ctx.skip(`${missing.join(', ')} can't be pulled here (and the rig has no stand-in): only its compose file was checked`);
      expect(Object.keys(composeFile.services).sort(), stdout).toEqual(['app', ...app.services, ...(app.migrates ? ['migrate'] : []), ...(app.workers ?? [])].sort());
      const port = await freePort();
      const project = `dz${app.id.replace(/[^a-z0-9]/g, '')}${runTag}`;
      const dc = (args: string[]) => run(compose![0]!, [...compose!.slice(1), '-p', project, ...args], { cwd: dir, env: { APP_PORT: String(port) } });
      try {
        must(dc(['up', '-d', '--build']), 'up -d --build');
        const id = must(dc(['ps', '-q', 'app']), 'ps').stdout.trim();
        await waitFor('the app container to be healthy', 240, () => (run('docker', ['inspect', '-f', '{{.State.Health.Status}}', id]).stdout.trim() === 'healthy' ? true : undefined));
        if (app.migrates) {
          const migrate = must(dc(['ps', '-a', '-q', 'migrate']), 'ps migrate').stdout.trim();
          expect(run('docker', ['inspect', '-f', '{{.State.ExitCode}}', migrate]).stdout.trim(), 'migrate exit code').toBe('0');
        }
        for (const w of app.workers ?? []) {
          const wid = must(dc(['ps', '-q', w]), `ps ${w}`).stdout.trim();
          // Healthy when it has a healthcheck (Celery, RQ), else running.
          const state = () => run('docker', ['inspect', '-f', '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}', wid]).stdout.trim();
          await waitFor(`the ${w} container to be healthy`, 180, () => (['healthy', 'running'].includes(state()) ? true : undefined));
        }
        const r = await httpGet(`http://127.0.0.1:${port}${app.route}`);
        expect(r).toEqual({ status: 200, body: app.expect });
        expect(processUids(id), 'no process of the app runs as root').not.toContain(0);
        for (const p of app.imageLacks ?? []) expect(run('docker', ['exec', id, 'test', '-e', p]).status, `${p} is in the image`).not.toBe(0);
        if (HANG_CHECK.has(app.id)) {
          // No health route here: the fallback check must still tell a hung app from a serving one.
          const compose = parseYaml(fs.readFileSync(join(dir, 'docker-compose.yml'), 'utf8'));
          expect(JSON.stringify(compose.services.app), 'the fallback healthcheck').not.toContain('/health');
          const pids = run('docker', ['top', id, '-eo', 'pid,comm']).stdout.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/)).filter(([, comm]) => comm !== 'docker-init' && comm !== 'tini').map(([pid]) => pid as string);
          expect(pids.length, 'app processes').toBeGreaterThan(0);
          const health = () => run('docker', ['inspect', '-f', '{{.State.Health.Status}}', id]).stdout.trim();
          try {
            must(run('kill', ['-STOP', ...pids]), 'kill -STOP');
            await waitFor('the hung app to turn unhealthy', 90, () => (health() === 'unhealthy' ? true : undefined));
          } finally {
            run('kill', ['-CONT', ...pids]);
          }
          await waitFor('the resumed app to be healthy again', 90, () => (health() === 'healthy' ? true : undefined));
        }
      } catch (err) {
        const logs = dc(['logs', '--no-color', '--tail', '60']);
        throw new Error(`${(err as Error).message}\n--- dockerize ---\n${stdout}\n--- compose logs ---\n${logs.stdout.slice(-6000)}`);
      } finally {
        dc(['down', '-v', '--remove-orphans']);
      }
    });
  });
});
