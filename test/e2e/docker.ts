/** Talking to a Docker Engine from the e2e tier: docker compose v2 or docker-compose v1, waits, timings. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', timeout: opts.timeoutMs ?? 900_000, maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`, seconds };
}

export function must(r: Run, what: string): Run {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r;
}

/**
 * The uids of every process in a container, as the host sees them. Asked of the
 * engine, not of the image: a distroless image has no `id` to exec, and `exec`
 * would also show the exec's user rather than the one the app runs as.
 */
export function processUids(id: string): number[] {
  // Engine 26 refuses a ps format without the pid column ("Couldn't find PID field in ps output").
  const lines = must(run('docker', ['top', id, '-eo', 'pid,uid,comm']), 'docker top').stdout.trim().split('\n').slice(1);
  const uids = lines.map((l) => Number(l.trim().split(/\s+/)[1]));
  if (!uids.length || uids.some((u) => !Number.isInteger(u))) throw new Error(`docker top ${id} printed no uids:\n${lines.join('\n')}`);
  return uids;
}

/** Why no engine answers, or undefined when one does. */
export function engineProblem(): string | undefined {
  const r = run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 20_000 });
  if (r.status === 0 && r.stdout.trim()) return undefined;
  return (r.stderr.trim().split('\n').pop() ?? 'docker info failed').slice(0, 300);
}

/** `docker compose` (v2 plugin) when it exists, else `docker-compose` (v1). */
export function composeCommand(): string[] | undefined {
  if (run('docker', ['compose', 'version'], { timeoutMs: 20_000 }).status === 0) return ['docker', 'compose'];
  if (run('docker-compose', ['version'], { timeoutMs: 20_000 }).status === 0) return ['docker-compose'];
  return undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function waitFor<T>(what: string, seconds: number, check: () => T | undefined | Promise<T | undefined>): Promise<{ value: T; seconds: number }> {
  const start = Date.now();
  let last: unknown;
  while (Date.now() - start < seconds * 1000) {
    try {
      const v = await check();
      if (v !== undefined) return { value: v, seconds: (Date.now() - start) / 1000 };
    } catch (err) {
      last = err;
    }
    await sleep(500);
  }
  throw new Error(`timed out after ${seconds}s waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export async function httpGet(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

/** The docker-rig's Python stand-in carries this label (its wheelhouse key). */
export function isRigPythonImage(image: string): boolean {
  const r = run('docker', ['image', 'inspect', '-f', '{{index .Config.Labels "docker-rig.wheels"}}', image], { timeoutMs: 20_000 });
  return r.status === 0 && r.stdout.trim() !== '' && r.stdout.trim() !== '<no value>';
}

/**
 * docker-rig only: its Python stand-in serves Debian's gunicorn 20.1 relabelled
 * with our pin, and that old code imports pkg_resources, which the wheelhouse
 * can't provide. Real gunicorn (>= 23) doesn't. So, for a gunicorn stack built
 * FROM the rig's image, add an empty pkg_resources module through a compose
 * override: the shim stays in the tests, out of the generated files.
 */
export function addRigShims(dir: string): void {
  // A monorepo's Dockerfile is in the app's folder: no Python stack of ours is one.
  if (!existsSync(join(dir, 'Dockerfile'))) return;
  const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
  const base = /^FROM\s+(\S+)/m.exec(dockerfile)?.[1];
  if (!base || !/"gunicorn"/.test(dockerfile) || !isRigPythonImage(base)) return;
  mkdirSync(join(dir, '.rig-shims'), { recursive: true });
  writeFileSync(join(dir, '.rig-shims/pkg_resources.py'), '# docker-rig only: Debian gunicorn 20.1 imports pkg_resources\n');
  writeFileSync(join(dir, 'docker-compose.override.yml'), 'services:\n  app:\n    environment:\n      PYTHONPATH: /app/.rig-shims\n');
}
