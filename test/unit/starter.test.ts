import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/core/resolve.js';
import { frameworkOf } from '../../src/languages/node/index.js';
import { lockfileKey, starterLockfile, starterPackageJson, starterServices } from '../../src/languages/node/starter.js';
import { loadTemplates } from '../../src/node/templates.js';
import { caseName, matrix, planOf, type Case } from '../helpers/cases.js';
import { lockProblems } from '../helpers/lockfile.js';

const templates = loadTemplates();
const work = mkdtempSync(join(tmpdir(), 'dockerize-starter-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeOut(c: Case): { dir: string; files: string[] } {
  const dir = join(work, c.name);
  const plan = planOf(c);
  const files = plan.files.filter((f) => f.kind === 'starter');
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return { dir, files: files.map((f) => f.path) };
}

const nodeCases = matrix.filter((c) => c.answers.language === 'node');
const pythonCases = matrix.filter((c) => c.answers.language === 'python');
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('Node starters', () => {
  it.each(nodeCases.map((c) => [c.name, c] as const))('%s: the captured lockfile locks exactly the starter package.json', (_n, c) => {
    const r = resolveAnswers(c.answers, {});
    const pkg = starterPackageJson(r, frameworkOf(r));
    const lock = JSON.parse(starterLockfile(r, templates));
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.name).toBe(r.name);
    const root = lock.packages[''];
    expect(root.name).toBe(r.name);
    // A mismatch here means versions.ts changed without `npm run lockfiles:update`.
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    for (const dep of Object.keys(pkg.dependencies as object)) expect(lock.packages[`node_modules/${dep}`]?.version, dep).toBe((pkg.dependencies as Record<string, string>)[dep]);
    // Named by the services the starter connects to (the others have no starter client).
    expect(lockfileKey(r)).toBe(caseName(r.framework, starterServices(r)));
  });

  it.each(nodeCases.map((c) => [c.name, c] as const))('%s: npm ci accepts the captured lockfile (every dependency, optional ones of other platforms too, is recorded)', (_n, c) => {
    const lock = JSON.parse(starterLockfile(resolveAnswers(c.answers, {}), templates));
    // A problem here: run `npm run lockfiles:update` (npm records every platform's optional packages).
    expect(lockProblems(lock)).toEqual([]);
  });

  it.each(nodeCases.map((c) => [c.name, c] as const))('%s: every plain JavaScript file passes node --check', (_n, c) => {
    const { dir, files } = writeOut(c);
    // Next.js pages use JSX and Nest's main is TypeScript: node can't check those on its own.
    const plain = files.filter((f) => /\.(m?js)$/.test(f) && !/^app\/(layout|page)\.js$/.test(f));
    expect(plain.length).toBeGreaterThan(0);
    for (const f of plain) execFileSync(process.execPath, ['--check', join(dir, f)]);
  });

  it('the health helper never takes the entry file name', () => {
    const plan = planOf({ name: 'x', answers: { name: 'x', language: 'node', framework: 'express', entrypoint: 'lib/health.js' } });
    const paths = plan.files.map((f) => f.path);
    expect(paths).toContain('lib/health.js');
    expect(paths).toContain('lib/service-health.js');
    expect(plan.files.find((f) => f.path === 'lib/health.js')?.content).toContain("from './service-health.js'");
  });
});

describe.skipIf(!hasPython)('Python starters', () => {
  it.each(pythonCases.map((c) => [c.name, c] as const))('%s: every file compiles (py_compile)', (_n, c) => {
    const { dir, files } = writeOut(c);
    const py = files.filter((f) => f.endsWith('.py'));
    expect(py.length).toBeGreaterThan(1);
    execFileSync('python3', ['-m', 'py_compile', ...py.map((f) => join(dir, f))]);
  });

  it('lays the app out along a custom entrypoint and keeps the helper apart from a module called health', () => {
    const plan = planOf({ name: 'x', answers: { name: 'x', language: 'python', framework: 'fastapi', entrypoint: 'svc.health:api' } });
    const paths = plan.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['svc/__init__.py', 'svc/health.py', 'svc/service_health.py']));
    expect(plan.files.find((f) => f.path === 'svc/health.py')?.content).toContain('from svc.service_health import run_checks');
    expect(plan.files.find((f) => f.path === 'svc/health.py')?.content).toMatch(/^api = FastAPI\(/m);
  });
});

describe('the lockfile check', () => {
  const lock = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'x', dependencies: { next: '16.4.6' } },
      'node_modules/next': {
        version: '16.4.6',
        dependencies: { '@swc/helpers': '^0.5.15' },
        optionalDependencies: { '@next/swc-linux-x64-gnu': '16.4.6', '@next/swc-darwin-arm64': '16.4.6' },
        peerDependencies: { react: '^19.0.0', sass: '^1.3.0' },
        peerDependenciesMeta: { sass: { optional: true } },
      },
      'node_modules/@swc/helpers': { version: '0.5.23' },
      'node_modules/@next/swc-linux-x64-gnu': { version: '16.4.6' },
      'node_modules/next/node_modules/react': { version: '19.3.1' },
    },
  };

  it("names what npm ci would call missing: another platform's optional package", () => {
    expect(lockProblems(lock)).toEqual(['Missing: @next/swc-darwin-arm64@16.4.6 from lock file (needed by node_modules/next)']);
  });

  it('finds packages nested below the dependent one, and checks versions against ranges', () => {
    const withAll = structuredClone(lock) as typeof lock & { packages: Record<string, { version: string }> };
    withAll.packages['node_modules/@next/swc-darwin-arm64'] = { version: '16.4.6' };
    expect(lockProblems(withAll)).toEqual([]);
    withAll.packages['node_modules/@swc/helpers'] = { version: '0.4.0' };
    expect(lockProblems(withAll)).toEqual(["Invalid: lock file's @swc/helpers@0.4.0 does not satisfy @swc/helpers@^0.5.15 (needed by node_modules/next)"]);
  });
});

// Go starters use only the standard library: `go vet` builds each one with no module to fetch (when Go is on this machine).
const goCases = matrix.filter((c) => c.answers.language === 'go' && c.answers.framework === 'nethttp');
const hasGo = spawnSync('go', ['version']).status === 0;

describe.skipIf(!hasGo)('Go starters', () => {
  it.each(goCases.map((c) => [c.name, c] as const))('%s: go vet passes', (_n, c) => {
    const { dir } = writeOut(c);
    const r = spawnSync('go', ['vet', './...'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
