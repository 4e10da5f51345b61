/**
 * What a user does: `npm pack`, install the tarball and `yo` into a fresh
 * prefix, then run the real `yo dockerize --answers` and the package's own bin
 * in a fresh folder. Packages come from the npm cache that `npm ci` filled
 * (--prefer-offline), so this tier normally needs no network.
 *
 * Run as root (CI), `yo` drops to uid 1000 and can't read /root: the prefix,
 * HOME and the work folders are made readable/writable for it.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { allCases, planOf } from '../helpers/cases.js';
import { REPO, installPacked, sh, type Installed } from '../helpers/install.js';

let pkg: Installed;
beforeAll(() => {
  pkg = installPacked();
});
afterAll(() => {
  if (pkg) rmSync(pkg.root, { recursive: true, force: true });
});
const workdir = (name: string, files?: Record<string, string>) => pkg.workdir(name, files);
const userEnv = () => pkg.env;

describe('the published package', () => {
  it('contains what users need and nothing of the development setup', () => {
    const list = sh('tar', ['-tzf', pkg.tarball], { cwd: pkg.root }).stdout.split('\n').filter(Boolean);
    for (const f of ['package/generators/app/index.js', 'package/dist/bundle/generator.js', 'package/dist/bundle/dockerize.js', 'package/dist/core/index.js', 'package/bin/dockerize.js', 'package/schema/answers.schema.json', 'package/dist/templates/python/Dockerfile.ejs', 'package/dist/templates/core/README.Docker.md.ejs', 'package/dist/templates/node/lockfiles/express+postgres.json']) {
      expect(list).toContain(f);
    }
    expect(list.filter((f) => /^package\/(test|src|scripts)\//.test(f))).toEqual([]);
  });

  it('yo dockerize --answers writes the stack with no question asked', () => {
    const dir = workdir('yo-run', { 'answers.json': readFileSync(join(REPO, 'examples/fastapi-postgres-redis.json'), 'utf8') });
    const r = sh(pkg.yo, ['dockerize', '--answers', 'answers.json', '--no-insight'], { cwd: dir, env: userEnv() });
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
    const again = sh(pkg.yo, ['dockerize', '--no-insight'], { cwd: dir, env: userEnv() });
    expect(again.status, `${again.stdout}\n${again.stderr}`).toBe(0);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(before);
  });

  it('yo dockerize with bad answers exits 2, names the field and writes nothing', () => {
    const dir = workdir('yo-bad', { 'answers.json': JSON.stringify({ name: 'x', language: 'python', framework: 'express' }) });
    const r = sh(pkg.yo, ['dockerize', '--answers', 'answers.json', '--no-insight'], { cwd: dir, env: userEnv() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('answers.json/framework: "express" is a node framework');
    expect(readdirSync(dir)).toEqual(['answers.json']);
  });

  it('npx generator-dockerize (the package bin) works without yo', () => {
    const dir = workdir('bin-run', { 'answers.json': readFileSync(join(REPO, 'examples/express-postgres-redis.json'), 'utf8') });
    const r = sh(join(pkg.prefix, 'node_modules/.bin/generator-dockerize'), ['--answers', 'answers.json', '--out', 'out'], { cwd: dir, env: userEnv() });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['Dockerfile', 'docker-compose.yml', '.env', 'package.json', 'package-lock.json', 'src/server.js']) expect(existsSync(join(dir, 'out', f)), f).toBe(true);
    const version = sh(join(pkg.prefix, 'node_modules/.bin/dockerize'), ['--version'], { cwd: dir });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });

  it("the benchmark's baseline, an empty generator, runs under the same yo", () => {
    const dir = workdir('yo-empty');
    const r = sh(pkg.yo, ['empty', '--no-insight'], { cwd: dir, env: userEnv() });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  });

  it('the bundled CLI writes byte for byte what the core renders from the sources, for every test case', () => {
    // The bundle precompiles the templates and tree-shakes yaml: prove the output is unchanged.
    const bin = join(pkg.prefix, 'node_modules/.bin/dockerize');
    for (const c of allCases) {
      const dir = workdir(`same-${c.name.replace(/[^a-z0-9]+/gi, '-')}`, { 'answers.json': JSON.stringify(c.answers) });
      const out = c.folderName ?? 'out';
      for (const [p, text] of Object.entries(c.project ?? {})) {
        mkdirSync(dirname(join(dir, out, p)), { recursive: true });
        writeFileSync(join(dir, out, p), text);
      }
      const r = sh(bin, ['--answers', 'answers.json', '--out', out, '--force'], { cwd: dir });
      expect(r.status, `${c.name}: ${r.stderr}`).toBe(0);
      const plan = planOf({ ...c, folderName: out });
      for (const f of plan.files) {
        if (f.sensitive) continue; // random secrets
        expect(readFileSync(join(dir, out, f.path), 'utf8'), `${c.name}: ${f.path}`).toBe(f.content);
      }
    }
  });
});
