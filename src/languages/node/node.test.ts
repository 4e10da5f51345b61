import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../core/project.js';
import { pickLine } from '../../core/version-range.js';
import { node } from './index.js';
import { nodeLine, parseRange } from './semver.js';

const pkg = (p: Record<string, unknown>) => JSON.stringify(p);
const detect = (files: Record<string, string>, modified?: Record<string, number>, root?: Record<string, string>) =>
  node.detect(snapshotOf(files, modified), root ? snapshotOf(root) : undefined);

describe('npm ranges for the Node.js line', () => {
  const pick = (range: string) => {
    const r = parseRange(range);
    return r && pickLine(['22', '24', '26'], '24', r, nodeLine);
  };
  it.each([
    ['>=20', '24'],
    ['>= 22', '24'],
    ['^22.1.0', '22'],
    ['~24.1', '24'],
    ['20.x || 22.x', '22'],
    ['18 - 22', '22'],
    ['>=18 <23', '22'],
    ['^20.18 || ^22.12 || >=24', '24'],
    ['*', '24'],
    ['26', '26'],
    ['16.x', undefined],
    ['>=18 <21', undefined],
  ])('%s -> %s', (range, line) => {
    expect(pick(range)).toBe(line);
  });
});

describe('detecting a Node.js app', () => {
  it('is nothing without package.json', () => {
    expect(detect({ 'index.js': '' })).toBeUndefined();
  });

  it('prefers the framework built on another (NestJS on Express, Next.js with a custom Express server)', () => {
    expect(detect({ 'package.json': pkg({ dependencies: { express: '4', '@nestjs/core': '10' } }) })?.framework?.value).toBe('nestjs');
    expect(detect({ 'package.json': pkg({ dependencies: { express: '4', next: '15' } }) })?.framework?.value).toBe('nextjs');
    expect(detect({ 'package.json': pkg({ dependencies: {} }), 'nest-cli.json': '{}' })?.framework?.value).toBe('nestjs');
  });

  it('warns about a framework it does not write for', () => {
    expect(detect({ 'package.json': pkg({ dependencies: { hono: '4' } }) })?.warnings).toEqual(['Hono found (package.json: hono): not a framework the generator writes for (Express, Fastify, NestJS, Next.js)']);
  });

  it('takes the entry file from the start script, past flags and env assignments', () => {
    const entry = (start: string, files: Record<string, string> = {}) => detect({ 'package.json': pkg({ scripts: { start }, dependencies: { express: '5' } }), ...files })?.entrypoint;
    expect(entry('node -r dotenv/config dist/index.js')?.value).toBe('dist/index.js');
    expect(entry('NODE_ENV=production node --enable-source-maps ./server.mjs')?.value).toBe('server.mjs');
    expect(entry('cross-env PORT=4000 node app.js')?.value).toBe('app.js');
    expect(entry('npm run build && node --env-file=.env build/main.cjs')?.value).toBe('build/main.cjs');
  });

  it('maps a TypeScript start file to what tsc writes (tsconfig with comments and trailing commas)', () => {
    const d = detect({
      'package.json': pkg({ scripts: { start: 'ts-node src/api/server.ts' }, dependencies: { fastify: '5' } }),
      'tsconfig.json': '{\n  // output\n  "compilerOptions": { "outDir": "./build", "rootDir": "./src", },\n}\n',
    });
    expect(d?.entrypoint).toEqual({ value: 'build/api/server.js', evidence: 'package.json scripts.start: ts-node src/api/server.ts (TypeScript, compiled to build/api/server.js)' });
  });

  it('falls back to main, then the usual files; NestJS to nest-cli.json and its compiled main', () => {
    expect(detect({ 'package.json': pkg({ main: 'lib/app.js', dependencies: { express: '5' } }), 'lib/app.js': '' })?.entrypoint?.value).toBe('lib/app.js');
    expect(detect({ 'package.json': pkg({ dependencies: { express: '5' } }), 'src/index.js': '' })?.entrypoint).toEqual({ value: 'src/index.js', evidence: 'src/index.js (the usual entry file)' });
    expect(detect({ 'package.json': pkg({ dependencies: { '@nestjs/core': '11' } }), 'nest-cli.json': '{"sourceRoot": "apps/api/src", "entryFile": "bootstrap"}', 'tsconfig.json': '{"compilerOptions": {"outDir": "./dist"}}' })?.entrypoint?.value).toBe(
      'dist/bootstrap.js',
    );
  });

  it('finds the port the app picks itself', () => {
    const port = (files: Record<string, string>) => detect({ 'package.json': pkg({ scripts: { start: 'node server.js' }, dependencies: { express: '5' } }), ...files })?.port;
    expect(port({ 'server.js': 'app.listen(process.env.PORT || 8080)\n' })).toEqual({ value: 8080, evidence: 'server.js: process.env.PORT || 8080' });
    expect(port({ 'server.js': 'await app.listen({ port: 4000 })\n' })?.value).toBe(4000);
    expect(port({ 'server.js': 'app.listen(port)\n', '.env.example': 'PORT=5050\n' })?.value).toBe(5050);
    expect(port({ 'server.js': '' })).toBeUndefined();
  });

  it('chooses the package manager: the packageManager field, else the lockfile, else the newest of two, and says so', () => {
    const base = { 'package.json': pkg({ dependencies: { express: '5' } }) };
    expect(detect({ ...base, 'yarn.lock': '' })?.packageManager).toEqual({ value: 'yarn', evidence: 'yarn.lock' });
    const field = detect({ 'package.json': pkg({ packageManager: 'pnpm@9.15.0', dependencies: { express: '5' } }), 'package-lock.json': '{}' });
    expect(field?.packageManager?.value).toBe('pnpm');
    expect(field?.warnings).toEqual(["package-lock.json is here too: the image installs with pnpm, as package.json's packageManager says; delete the stale lockfile"]);
    const newest = detect({ ...base, 'yarn.lock': '', 'package-lock.json': '{}' }, { 'yarn.lock': 1000, 'package-lock.json': 2000 });
    expect(newest?.packageManager).toEqual({ value: 'npm', evidence: 'package-lock.json (the newest lockfile)' });
    expect(newest?.warnings[0]).toBe('yarn.lock and package-lock.json are both here: using package-lock.json, the newest; delete the other, or set "packageManager" in package.json or the answers');
    expect(detect({ ...base, 'bun.lock': '{}' })?.packageManager).toEqual({ value: 'bun', evidence: 'bun.lock' });
    const binary = detect({ ...base, 'bun.lockb': 'binary' })?.problems?.[0];
    expect(binary?.key).toBe('packageManager');
    expect(binary?.message).toMatch(/bun install --save-text-lockfile/);
  });

  it('reads the Node.js line from .nvmrc (versions and LTS names), .node-version, .tool-versions, volta and engines', () => {
    const rt = (files: Record<string, string>, p: Record<string, unknown> = {}) => detect({ 'package.json': pkg({ dependencies: { express: '5' }, ...p }), ...files });
    expect(rt({ '.nvmrc': 'v22.12.0\n' })?.runtimeVersion).toEqual({ value: '22', evidence: '.nvmrc: v22.12.0' });
    expect(rt({ '.nvmrc': 'lts/krypton\n' })?.runtimeVersion?.value).toBe('24');
    expect(rt({ '.nvmrc': 'lts/*\n' })?.runtimeVersion?.value).toBe('24');
    expect(rt({ '.node-version': '26.1.0' })?.runtimeVersion?.value).toBe('26');
    expect(rt({ '.tool-versions': 'nodejs 22.11.0\n' })?.runtimeVersion?.value).toBe('22');
    expect(rt({}, { volta: { node: '22.12.0' } })?.runtimeVersion?.evidence).toBe('package.json volta.node: 22.12.0');
    expect(rt({}, { engines: { node: '>=22 <24' } })?.runtimeVersion?.value).toBe('22');
    expect(rt({ '.nvmrc': 'lts/iron' })?.runtimeVersion?.value).toBe('20');
    expect(rt({ '.nvmrc': 'lts/hydrogen' })?.problems).toEqual([
      { key: 'runtimeVersion', message: '.nvmrc: lts/hydrogen asks for Node.js 18, which no image here serves (supported: 20, 22, 24, 26); set "runtimeVersion" to one of these' },
    ]);
    expect(detect({ 'package.json': pkg({ dependencies: { express: '5' } }) }, undefined, { '.nvmrc': '26\n' })?.runtimeVersion).toEqual({ value: '26', evidence: '/.nvmrc: 26' });
  });

  it("reads the database an ORM names: Prisma's datasource (also where package.json says), Drizzle, TypeORM, Sequelize", () => {
    const base = { 'package.json': pkg({ dependencies: { express: '5' } }) };
    expect(detect({ ...base, 'prisma/schema.prisma': 'datasource db {\n  provider = "mysql"\n  url = env("DATABASE_URL")\n}\n' })?.services).toEqual([{ value: 'mysql', evidence: 'prisma/schema.prisma: datasource provider = "mysql"' }]);
    expect(detect({ 'package.json': pkg({ prisma: { schema: 'db/app.prisma' } }), 'db/app.prisma': 'datasource db {\n provider = "postgresql"\n}' })?.services?.[0]?.value).toBe('postgres');
    expect(detect({ ...base, 'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './src/db' };\n" })?.services?.[0]?.value).toBe('postgres');
    expect(detect({ ...base, 'config/config.json': '{"production": {"dialect": "mariadb"}}' })?.services?.[0]?.value).toBe('mariadb');
  });

  it('lists the workspaces a monorepo root declares (package.json and pnpm-workspace.yaml)', () => {
    expect(detect({ 'package.json': pkg({ workspaces: ['apps/*'] }), 'pnpm-workspace.yaml': "packages:\n  - 'services/*'\n" })?.workspaces).toEqual(['apps/*', 'services/*']);
    expect(detect({ 'package.json': pkg({ workspaces: { packages: ['packages/*'] } }) })?.workspaces).toEqual(['packages/*']);
  });

  it('says when package.json is not an object, instead of failing', () => {
    expect(detect({ 'package.json': '[1, 2' })?.warnings).toEqual(['package.json is not a JSON object: nothing in it was read']);
  });

  it("finds the app's own health route: on the app in the entry file, in NestJS controllers (with the global prefix), in Next.js route handlers", () => {
    const express = detect({ 'package.json': pkg({ scripts: { start: 'node server.js' }, dependencies: { express: '5' } }), 'server.js': "app.get('/users', h);\napp.get('/healthz', h);\nrouter.get('/health', h);\n" });
    expect(express?.healthPath).toEqual({ value: '/healthz', evidence: 'server.js: a route for /healthz' });
    const nest = detect({
      'package.json': pkg({ dependencies: { '@nestjs/core': '11', '@nestjs/terminus': '11' } }),
      'src/main.ts': "app.setGlobalPrefix('api');\n",
      'src/health/health.controller.ts': "@Controller('health')\nexport class HealthController {\n  @Get()\n  check() {}\n}\n",
    });
    expect(nest?.healthPath).toEqual({ value: '/api/health', evidence: 'src/health/health.controller.ts: a route for /api/health' });
    expect(detect({ 'package.json': pkg({ dependencies: { next: '15' } }), 'app/api/health/route.ts': 'export function GET() {}\n' })?.healthPath?.value).toBe('/api/health');
    expect(detect({ 'package.json': pkg({ dependencies: { next: '15' } }), 'pages/api/ping.js': '' })?.healthPath?.value).toBe('/api/ping');
  });
});
