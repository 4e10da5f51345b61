/**
 * What a user does: `npm pack`, install the tarball and `yo` into a fresh
 * prefix, then run the real `yo dockerize --answers` and the package's own bin
 * in a fresh folder. Packages come from the npm cache that `npm ci` filled
 * (--prefer-offline), so this tier normally needs no network.
 *
 * Run as root (CI), `yo` drops to uid 1000 and can't read /root: the prefix,
 * HOME and the work folders are made readable/writable for it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
const YO_VERSION = lock.packages['node_modules/yo'].version as string;

let root = '';
let prefix = '';
let home = '';
let tarball = '';

function sh(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', timeout: 300_000 });
}

function chmodTree(dir: string, mode: number) {
  chmodSync(dir, mode);
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) chmodTree(join(dir, e.name), mode);
}

/** A fresh folder inside the prefix (so yo finds the generator in ../node_modules), writable by yo's user. */
function workdir(name: string, files: Record<string, string> = {}): string {
  const dir = join(prefix, name);
  mkdirSync(dir);
  for (const [p, text] of Object.entries(files)) writeFileSync(join(dir, p), text);
  chmodTree(dir, 0o777);
  for (const p of Object.keys(files)) chmodSync(join(dir, p), 0o666);
  return dir;
}

const userEnv = () => ({ HOME: home, NO_UPDATE_NOTIFIER: '1', CI: '1', npm_config_update_notifier: 'false' });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dockerize-pack-'));
  chmodSync(root, 0o755);
  home = join(root, 'home');
  mkdirSync(home, { mode: 0o777 });
  chmodSync(home, 0o777);
  prefix = join(root, 'prefix');
  mkdirSync(prefix);

  const pack = sh('npm', ['pack', '--pack-destination', root, '--silent'], { cwd: REPO });
  expect(pack.status, pack.stderr).toBe(0);
  tarball = join(root, pack.stdout.trim().split('\n').pop() as string);
  expect(existsSync(tarball)).toBe(true);

  const install = sh('npm', ['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, `yo@${YO_VERSION}`], { cwd: root });
  expect(install.status, install.stderr).toBe(0);
  chmodTree(prefix, 0o755);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the published package', () => {
  it('contains what users need and nothing of the development setup', () => {
    const list = sh('tar', ['-tzf', tarball], { cwd: root }).stdout.split('\n').filter(Boolean);
    for (const f of ['package/generators/app/index.js', 'package/dist/generator/index.js', 'package/dist/cli/main.js', 'package/bin/dockerize.js', 'package/schema/answers.schema.json', 'package/templates/Dockerfile.python.ejs', 'package/templates/starters/lockfiles/express+postgres.json']) {
      expect(list).toContain(f);
    }
    expect(list.filter((f) => /^package\/(test|src|scripts)\//.test(f))).toEqual([]);
  });

  it('yo dockerize --answers writes the stack with no question asked', () => {
    const dir = workdir('yo-run', { 'answers.json': readFileSync(join(REPO, 'examples/fastapi-postgres-redis.json'), 'utf8') });
    const r = sh(join(prefix, 'node_modules/.bin/yo'), ['dockerize', '--answers', 'answers.json', '--no-insight'], { cwd: dir, env: userEnv() });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    for (const f of ['Dockerfile', 'docker-compose.yml', '.env', '.env.example', '.dockerignore', 'requirements.txt', 'README.Docker.md', 'app/main.py', '.yo-rc.json']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(parseYaml(readFileSync(join(dir, 'docker-compose.yml'), 'utf8')).services.app.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(parseDotenv(readFileSync(join(dir, '.env'), 'utf8')).REDIS_PASSWORD).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-dockerize']).toMatchObject({ name: 'shop-api', framework: 'fastapi' });
    if (process.getuid?.() === 0) expect(statSync(join(dir, 'Dockerfile')).uid).toBe(1000);

    // A second run asks nothing (.yo-rc.json) and changes nothing.
    const before = readFileSync(join(dir, '.env'), 'utf8');
    const again = sh(join(prefix, 'node_modules/.bin/yo'), ['dockerize', '--no-insight'], { cwd: dir, env: userEnv() });
    expect(again.status, `${again.stdout}\n${again.stderr}`).toBe(0);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(before);
  });

  it('yo dockerize with bad answers exits 2, names the field and writes nothing', () => {
    const dir = workdir('yo-bad', { 'answers.json': JSON.stringify({ name: 'x', language: 'python', framework: 'express' }) });
    const r = sh(join(prefix, 'node_modules/.bin/yo'), ['dockerize', '--answers', 'answers.json', '--no-insight'], { cwd: dir, env: userEnv() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('answers.json/framework: "express" is a node framework');
    expect(readdirSync(dir)).toEqual(['answers.json']);
  });

  it('npx generator-dockerize (the package bin) works without yo', () => {
    const dir = workdir('bin-run', { 'answers.json': readFileSync(join(REPO, 'examples/express-postgres-redis.json'), 'utf8') });
    const r = sh(join(prefix, 'node_modules/.bin/generator-dockerize'), ['--answers', 'answers.json', '--out', 'out'], { cwd: dir, env: userEnv() });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['Dockerfile', 'docker-compose.yml', '.env', 'package.json', 'package-lock.json', 'src/server.js']) expect(existsSync(join(dir, 'out', f)), f).toBe(true);
    const version = sh(join(prefix, 'node_modules/.bin/dockerize'), ['--version'], { cwd: dir });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });
});
