/**
 * Node.js apps for the e2e tier: written by us, shaped like real projects
 * (their own start scripts, a TypeScript build, an install script, a
 * migration script, a route that reads the database or the cache), with no
 * health route and no Docker files. Their lockfiles are made when the test
 * runs, by the package manager itself (npm, pnpm, Yarn 4) from the npm
 * registry, the way the app's author made theirs.
 */
import { run, must } from './docker.js';
import type { App } from './python-apps.js';
import { versions } from '../../src/versions.js';

export interface NodeApp extends App {
  /** Writes the lockfile into the app's folder. */
  lock(dir: string): void;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

const npmLock = (dir: string) => must(run('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, timeoutMs: 300_000 }), `npm install --package-lock-only in ${dir}`);
const pnpmLock = (dir: string) =>
  must(run('npx', ['--yes', `pnpm@${versions.tools.pnpm}`, 'install', '--lockfile-only', '--ignore-scripts'], { cwd: dir, timeoutMs: 300_000 }), `pnpm install --lockfile-only in ${dir}`);
const yarn1Lock = (dir: string) =>
  must(run('npx', ['--yes', `yarn@${versions.tools.yarn}`, 'install', '--ignore-scripts', '--non-interactive', '--no-progress'], { cwd: dir, timeoutMs: 300_000 }), `yarn install in ${dir}`);
const berryLock = (version: string) => (dir: string) =>
  must(
    run('npx', ['--yes', `corepack@${versions.tools.corepack}`, `yarn@${version}`, 'install', '--mode=update-lockfile'], {
      cwd: dir,
      timeoutMs: 300_000,
      env: { COREPACK_ENABLE_DOWNLOAD_PROMPT: '0', COREPACK_NPM_REGISTRY: 'https://registry.npmjs.org', YARN_ENABLE_TELEMETRY: '0' },
    }),
    `yarn ${version} install --mode=update-lockfile in ${dir}`,
  );

export const nodeApps: NodeApp[] = [
  {
    // Express in plain JavaScript, npm: a migration script of its own (node + pg), and a postinstall that writes a file the app reads.
    id: 'node-express-pg-npm',
    files: {
      'package.json': json({
        name: 'todo-service',
        version: '1.4.0',
        private: true,
        main: 'src/index.js',
        scripts: {
          start: 'node src/index.js',
          dev: 'node --watch src/index.js',
          migrate: 'node scripts/migrate.js',
          postinstall: 'node scripts/build-info.js',
          test: 'node --test',
        },
        dependencies: { express: '^4.21.2', pg: '^8.13.1' },
      }),
      '.nvmrc': '22\n',
      'scripts/build-info.js': lines(
        "const fs = require('node:fs');",
        "fs.mkdirSync('generated', { recursive: true });",
        "fs.writeFileSync('generated/build-info.json', JSON.stringify({ built: 'postinstall' }));",
      ),
      'scripts/migrate.js': lines(
        "const { Client } = require('pg');",
        '',
        'async function main() {',
        '  const client = new Client({ connectionString: process.env.DATABASE_URL });',
        '  await client.connect();',
        "  await client.query('CREATE TABLE IF NOT EXISTS todos (id serial PRIMARY KEY, title text NOT NULL)');",
        "  const { rows } = await client.query('SELECT count(*)::int AS n FROM todos');",
        "  if (rows[0].n === 0) await client.query(\"INSERT INTO todos (title) VALUES ('write the README')\");",
        '  await client.end();',
        "  console.log('migrations applied');",
        '}',
        '',
        'main().catch((err) => {',
        '  console.error(err);',
        '  process.exit(1);',
        '});',
      ),
      'src/index.js': lines(
        "const express = require('express');",
        "const { Pool } = require('pg');",
        "const info = require('../generated/build-info.json');",
        '',
        'const pool = new Pool({ connectionString: process.env.DATABASE_URL });',
        'const app = express();',
        'app.use(express.json());',
        '',
        "app.get('/todos', async (req, res, next) => {",
        '  try {',
        "    const { rows } = await pool.query('SELECT id, title FROM todos ORDER BY id');",
        '    res.json({ ...info, todos: rows });',
        '  } catch (err) {',
        '    next(err);',
        '  }',
        '});',
        '',
        'const port = process.env.PORT || 8080;',
        "app.listen(port, () => console.log(`todo-service listening on ${port}`));",
      ),
    },
    lock: npmLock,
    route: '/todos',
    expect: { built: 'postinstall', todos: [{ id: 1, title: 'write the README' }] },
    services: ['postgres'],
    migrates: true,
  },
  {
    // Fastify in TypeScript with pnpm: tsc builds dist/, redis counts visits, husky in prepare (an image has no git hooks).
    id: 'node-fastify-ts-pnpm',
    files: {
      'package.json': json({
        name: 'visits',
        version: '0.2.0',
        private: true,
        type: 'module',
        scripts: { build: 'tsc -p tsconfig.json', start: 'node dist/server.js', dev: 'tsx watch src/server.ts', prepare: 'husky' },
        dependencies: { fastify: '^5.2.1', redis: '^4.7.0' },
        devDependencies: { typescript: '~5.7.3', '@types/node': '^22.10.7', husky: '^9.1.7' },
      }),
      'tsconfig.json': json({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'dist', rootDir: 'src', strict: true, skipLibCheck: true } }),
      'src/server.ts': lines(
        "import Fastify from 'fastify';",
        "import { createClient } from 'redis';",
        '',
        'const redis = createClient({ url: process.env.REDIS_URL });',
        'await redis.connect();',
        '',
        'const app = Fastify({ logger: true });',
        '',
        "app.get('/visits', async () => ({ visits: await redis.incr('visits') }));",
        '',
        "await app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 3000) });",
      ),
    },
    lock: pnpmLock,
    route: '/visits',
    expect: { visits: 1 },
    services: ['redis'],
    migrates: false,
  },
  {
    // Express with Yarn 4 (node-modules linker) and knex: a knexfile, a migration folder, `knex migrate:latest` as its migrate script.
    id: 'node-express-knex-yarn4',
    files: {
      'package.json': json({
        name: 'catalog',
        version: '2.0.0',
        private: true,
        packageManager: 'yarn@4.6.0',
        scripts: { start: 'node server.js', 'migrate:make': 'knex migrate:make', migrate: 'knex migrate:latest', 'migrate:rollback': 'knex migrate:rollback' },
        dependencies: { express: '^5.0.1', knex: '^3.1.0', pg: '^8.13.1' },
      }),
      '.yarnrc.yml': 'nodeLinker: node-modules\n',
      'knexfile.js': lines("module.exports = { client: 'pg', connection: process.env.DATABASE_URL, migrations: { directory: './migrations' } };"),
      'migrations/20250101120000_products.js': lines(
        'exports.up = async (knex) => {',
        "  await knex.schema.createTable('products', (t) => {",
        "    t.increments('id');",
        "    t.string('name').notNullable();",
        '  });',
        "  await knex('products').insert({ name: 'kettle' });",
        '};',
        '',
        "exports.down = (knex) => knex.schema.dropTable('products');",
      ),
      'server.js': lines(
        "const express = require('express');",
        "const knex = require('knex')(require('./knexfile'));",
        '',
        'const app = express();',
        "app.get('/products', async (req, res) => res.json(await knex('products').select('id', 'name').orderBy('id')));",
        'app.listen(process.env.PORT || 3000);',
      ),
    },
    lock: berryLock('4.6.0'),
    route: '/products',
    expect: [{ id: 1, name: 'kettle' }],
    services: ['postgres'],
    migrates: true,
  },
  {
    // Express and a BullMQ worker (its own script) on Redis: the route queues a job and waits for the worker's result.
    id: 'node-express-bullmq-worker',
    files: {
      'package.json': json({
        name: 'doubler',
        version: '1.0.0',
        private: true,
        scripts: { start: 'node server.js', worker: 'node worker.js' },
        dependencies: { express: '^4.21.2', bullmq: '^5.34.0', ioredis: '^5.4.2' },
      }),
      'connection.js': lines("const IORedis = require('ioredis');", '', 'module.exports = () => new IORedis(process.env.REDIS_URL, { maxRetriesPerRequest: null });'),
      'worker.js': lines(
        "const { Worker } = require('bullmq');",
        "const connection = require('./connection');",
        '',
        "const worker = new Worker('math', async (job) => job.data.n * 2, { connection: connection() });",
        "worker.on('ready', () => console.log('worker ready'));",
        "process.on('SIGTERM', () => worker.close().then(() => process.exit(0)));",
      ),
      'server.js': lines(
        "const express = require('express');",
        "const { Queue, QueueEvents } = require('bullmq');",
        "const connection = require('./connection');",
        '',
        "const queue = new Queue('math', { connection: connection() });",
        "const events = new QueueEvents('math', { connection: connection() });",
        'const app = express();',
        '',
        "app.get('/double', async (req, res) => {",
        "  const job = await queue.add('double', { n: Number(req.query.n) });",
        '  res.json({ result: await job.waitUntilFinished(events, 30000) });',
        '});',
        '',
        'app.listen(process.env.PORT || 3000);',
      ),
    },
    lock: npmLock,
    route: '/double?n=21',
    expect: { result: 42 },
    services: ['redis'],
    migrates: false,
    workers: ['worker'],
  },
  {
    // An npm workspace: apps/api uses packages/prices (plain JavaScript); apps/web is another app the image must not hold.
    id: 'node-npm-workspace',
    args: ['--app', 'apps/api'],
    files: {
      'package.json': json({ name: 'shop', private: true, workspaces: ['apps/*', 'packages/*'], devDependencies: { prettier: '^3.4.2' } }),
      'apps/api/package.json': json({ name: '@shop/api', version: '1.0.0', private: true, scripts: { start: 'node src/server.js' }, dependencies: { express: '^4.21.2', '@shop/prices': '*' } }),
      'apps/api/src/server.js': lines(
        "const express = require('express');",
        "const { format } = require('@shop/prices');",
        '',
        'const app = express();',
        "app.get('/price', (req, res) => res.json({ price: format(1999) }));",
        'app.listen(process.env.PORT || 4000);',
      ),
      'apps/web/package.json': json({ name: '@shop/web', version: '1.0.0', private: true, scripts: { start: 'node server.js' }, dependencies: { express: '^4.21.2' } }),
      'apps/web/server.js': lines("require('express')().listen(3000);"),
      'packages/prices/package.json': json({ name: '@shop/prices', version: '1.0.0', main: 'index.js' }),
      'packages/prices/index.js': lines('exports.format = (cents) => `$${(cents / 100).toFixed(2)}`;'),
    },
    lock: npmLock,
    route: '/price',
    expect: { price: '$19.99' },
    services: [],
    migrates: false,
    // Checked after the build: the image holds apps/api and packages/prices, not apps/web's code.
    imageLacks: ['/app/apps/web/server.js'],
  },
  {
    // A pnpm workspace in TypeScript: apps/api (Fastify) uses packages/greet (workspace:*), both compiled by tsc; pnpm deploy makes the image.
    id: 'node-pnpm-workspace-ts',
    files: {
      'package.json': json({ name: 'acme', private: true, packageManager: `pnpm@${versions.tools.pnpm}`, devDependencies: { typescript: '~5.7.3' } }),
      'pnpm-workspace.yaml': lines('packages:', "  - 'apps/*'", "  - 'packages/*'"),
      'tsconfig.base.json': json({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, declaration: true, skipLibCheck: true } }),
      'packages/greet/package.json': json({ name: '@acme/greet', version: '0.1.0', type: 'module', main: 'dist/index.js', types: 'dist/index.d.ts', scripts: { build: 'tsc -p tsconfig.json' }, devDependencies: { typescript: '~5.7.3' } }),
      'packages/greet/tsconfig.json': json({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist', rootDir: 'src' }, include: ['src'] }),
      'packages/greet/src/index.ts': lines('export const greet = (name: string): string => `hello, ${name}`;'),
      'apps/api/package.json': json({
        name: '@acme/api',
        version: '0.1.0',
        private: true,
        type: 'module',
        scripts: { build: 'tsc -p tsconfig.json', start: 'node dist/main.js', dev: 'tsx watch src/main.ts' },
        dependencies: { fastify: '^5.2.1', '@acme/greet': 'workspace:*' },
        devDependencies: { typescript: '~5.7.3', '@types/node': '^22.10.7' },
      }),
      'apps/api/tsconfig.json': json({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist', rootDir: 'src' }, include: ['src'] }),
      'apps/api/src/main.ts': lines(
        "import Fastify from 'fastify';",
        "import { greet } from '@acme/greet';",
        '',
        'const app = Fastify();',
        "app.get('/hello', async () => ({ message: greet('docker') }));",
        "await app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 3000) });",
      ),
    },
    lock: pnpmLock,
    route: '/hello',
    expect: { message: 'hello, docker' },
    services: [],
    migrates: false,
  },
  {
    // NestJS with Yarn 1 and node-postgres: nest build compiles src/ (the migration script too); start:prod runs the compiled main.
    id: 'node-nestjs-yarn1-pg',
    files: {
      'package.json': json({
        name: 'inventory',
        version: '0.0.1',
        private: true,
        scripts: {
          build: 'nest build',
          start: 'nest start',
          'start:dev': 'nest start --watch',
          'start:prod': 'node dist/main',
          'db:migrate': 'node dist/db/migrate.js',
        },
        dependencies: { '@nestjs/common': '^11.0.1', '@nestjs/core': '^11.0.1', '@nestjs/platform-express': '^11.0.1', pg: '^8.13.1', 'reflect-metadata': '^0.2.2', rxjs: '^7.8.1' },
        devDependencies: { '@nestjs/cli': '^11.0.0', '@types/node': '^22.10.7', '@types/pg': '^8.11.10', typescript: '~5.7.3' },
      }),
      'nest-cli.json': json({ collection: '@nestjs/schematics', sourceRoot: 'src', compilerOptions: { deleteOutDir: true } }),
      'tsconfig.json': json({ compilerOptions: { module: 'commonjs', target: 'ES2022', outDir: './dist', rootDir: './src', experimentalDecorators: true, emitDecoratorMetadata: true, strict: true, skipLibCheck: true, esModuleInterop: true } }),
      'tsconfig.build.json': json({ extends: './tsconfig.json', exclude: ['node_modules', 'dist', 'test'] }),
      'src/db/pool.ts': lines("import { Pool } from 'pg';", '', 'export const pool = new Pool({ connectionString: process.env.DATABASE_URL });'),
      'src/db/migrate.ts': lines(
        "import { pool } from './pool';",
        '',
        'async function main() {',
        "  await pool.query('CREATE TABLE IF NOT EXISTS items (sku text PRIMARY KEY, qty int NOT NULL)');",
        "  await pool.query(\"INSERT INTO items (sku, qty) VALUES ('kettle', 3) ON CONFLICT DO NOTHING\");",
        '  await pool.end();',
        '}',
        '',
        'main().catch((err) => {',
        '  console.error(err);',
        '  process.exit(1);',
        '});',
      ),
      'src/items.controller.ts': lines(
        "import { Controller, Get } from '@nestjs/common';",
        "import { pool } from './db/pool';",
        '',
        "@Controller('items')",
        'export class ItemsController {',
        '  @Get()',
        '  async list() {',
        "    const { rows } = await pool.query('SELECT sku, qty FROM items ORDER BY sku');",
        '    return rows;',
        '  }',
        '}',
      ),
      'src/app.module.ts': lines("import { Module } from '@nestjs/common';", "import { ItemsController } from './items.controller';", '', '@Module({ controllers: [ItemsController] })', 'export class AppModule {}'),
      'src/main.ts': lines(
        "import 'reflect-metadata';",
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        '',
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  app.enableShutdownHooks();',
        '  await app.listen(process.env.PORT ?? 3000);',
        '}',
        'bootstrap();',
      ),
    },
    lock: yarn1Lock,
    route: '/items',
    expect: [{ sku: 'kettle', qty: 3 }],
    services: ['postgres'],
    migrates: true,
  },
  {
    // Next.js (app router) on pnpm without output: 'standalone': next start serves the build; a route handler answers JSON.
    id: 'node-nextjs-pnpm',
    files: {
      'package.json': json({
        name: 'storefront',
        version: '0.1.0',
        private: true,
        scripts: { dev: 'next dev', build: 'next build', start: 'next start', lint: 'next lint' },
        dependencies: { next: versions.node.next, react: versions.node.react, 'react-dom': versions.node['react-dom'] },
      }),
      'next.config.mjs': lines('/** @type {import(\'next\').NextConfig} */', 'const nextConfig = { poweredByHeader: false };', '', 'export default nextConfig;'),
      'app/layout.js': lines('export const metadata = { title: "Storefront" };', '', 'export default function RootLayout({ children }) {', '  return (', '    <html lang="en">', '      <body>{children}</body>', '    </html>', '  );', '}'),
      'app/page.js': lines('export default function Home() {', '  return <h1>Storefront</h1>;', '}'),
      'app/api/products/route.js': lines("export const dynamic = 'force-dynamic';", '', 'export function GET() {', "  return Response.json([{ id: 1, name: 'kettle' }]);", '}'),
    },
    lock: pnpmLock,
    route: '/api/products',
    expect: [{ id: 1, name: 'kettle' }],
    services: [],
    migrates: false,
  },
];
