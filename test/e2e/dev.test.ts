/**
 * The development setup (answers' `dev`) on a real engine: `docker compose up
 * --build --watch` runs the app with its framework's live reload; a saved
 * source file reaches the running app without a rebuild (the test edits it
 * and polls a route until the answer changes, and the container stays the
 * same); a changed manifest rebuilds the image (a new container).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { addRigShims, composeCommand, engineProblem, freePort, httpGet, must, run, waitFor } from './docker.js';

const required = process.env.DOCKERIZE_E2E === 'required';
const problem = engineProblem();
const compose = problem ? undefined : composeCommand();
// `up --watch` is Compose v2 (2.22 and later).
const v2 = compose !== undefined && compose[0] === 'docker' && run('docker', ['compose', 'version', '--short']).status === 0;
const unavailable = problem ? `no Docker Engine answers (${problem})` : v2 ? undefined : 'docker compose v2 (for up --watch) is not installed';
if (unavailable && !required) console.log(`SKIPPED dev-mode e2e: ${unavailable}. Set DOCKERIZE_E2E=required to make this a failure.`);

const work = mkdtempSync(join(tmpdir(), 'dockerize-dev-'));
const runTag = `d${process.pid.toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const watchers: ChildProcess[] = [];
afterAll(() => {
  for (const w of watchers) w.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

interface DevApp {
  id: string;
  answers: Record<string, unknown>;
  /** The starter file whose answer the test changes, what it says, and what it will say. */
  edit: { file: string; from: string; to: string };
  /** A manifest whose change must rebuild the image, and a harmless line to add to it. */
  manifest: { file: string; append: string };
}

const apps: DevApp[] = [
  {
    id: 'dev-fastapi',
    answers: { language: 'python', framework: 'fastapi', services: ['postgres'], dev: true },
    edit: { file: 'app/health.py', from: '"ok" if healthy', to: '"live" if healthy' },
    manifest: { file: 'requirements.txt', append: '# a comment: a changed manifest all the same\n' },
  },
  {
    id: 'dev-express',
    answers: { language: 'node', framework: 'express', services: ['redis'], dev: true },
    edit: { file: 'src/health.js', from: "healthy ? 'ok'", to: "healthy ? 'live'" },
    manifest: { file: 'package.json', append: '' },
  },
];

describe.skipIf(unavailable !== undefined && !required)('dev mode: live reload with docker compose up --watch', () => {
  it.runIf(unavailable !== undefined)('has Docker Compose v2 (DOCKERIZE_E2E=required)', () => {
    throw new Error(`dev-mode e2e required but ${unavailable}`);
  });

  describe.each(unavailable === undefined ? apps : [])('$id', (app) => {
    it('a saved source file reaches the running app without a rebuild; a changed manifest rebuilds it', async () => {
      const dir = join(work, app.id);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(work, `${app.id}.json`), JSON.stringify({ name: app.id, ...app.answers }));
      let err = '';
      expect(await main(['--answers', `${app.id}.json`, '--out', app.id], { fs, cwd: work, stdout: () => {}, stderr: (t) => (err += t), interactive: false }), err).toBe(0);
      addRigShims(dir);
      expect(fs.existsSync(join(dir, 'docker-compose.override.yml'))).toBe(true);
      const port = await freePort();
      const project = `${app.id.replace(/[^a-z0-9]/g, '')}${runTag}`;
      const env = { ...process.env, APP_PORT: String(port), COMPOSE_PROJECT_NAME: project };
      const dc = (args: string[]) => run('docker', ['compose', '-p', project, ...args], { cwd: dir, env });
      let log = '';
      const watcher = spawn('docker', ['compose', '-p', project, 'up', '--build', '--watch'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      watchers.push(watcher);
      watcher.stdout.on('data', (b) => (log += b));
      watcher.stderr.on('data', (b) => (log += b));
      const url = `http://127.0.0.1:${port}/health`;
      const status = async () => {
        try {
          const r = await httpGet(url);
          return r.status === 200 ? (r.body as { status?: string }).status : undefined;
        } catch {
          return undefined;
        }
      };
      try {
        await waitFor('the app to answer /health', 300, async () => ((await status()) === 'ok' ? true : undefined));
        const first = must(dc(['ps', '-q', 'app']), 'ps').stdout.trim();
        expect(first).not.toBe('');

        // A source change: copied in, reloaded, the same container.
        const source = join(dir, app.edit.file);
        const text = readFileSync(source, 'utf8');
        expect(text).toContain(app.edit.from);
        writeFileSync(source, text.replace(app.edit.from, app.edit.to));
        await waitFor('the edited answer', 90, async () => ((await status()) === 'live' ? true : undefined));
        expect(must(dc(['ps', '-q', 'app']), 'ps').stdout.trim(), 'no rebuild, no new container').toBe(first);

        // A manifest change: a new image, so a new container.
        const manifest = join(dir, app.manifest.file);
        if (app.manifest.file === 'package.json') {
          const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
          writeFileSync(manifest, `${JSON.stringify({ ...pkg, description: 'changed by the dev-mode test' }, null, 2)}\n`);
        } else appendFileSync(manifest, app.manifest.append);
        await waitFor('a rebuilt app container', 300, async () => {
          const now = dc(['ps', '-q', 'app']).stdout.trim();
          return now && now !== first && (await status()) === 'live' ? true : undefined;
        });
        expect(log).toMatch(/Rebuilding service "app"|rebuild/i);
      } catch (e) {
        throw new Error(`${(e as Error).message}\n--- compose up --watch ---\n${log.slice(-6000)}`);
      } finally {
        watcher.kill('SIGINT');
        await new Promise((r) => setTimeout(r, 1000));
        dc(['down', '-v', '--remove-orphans']);
      }
    }, 900_000);
  });
});
