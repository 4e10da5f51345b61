import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../core/project.js';
import { lifecycleScripts, nodeApp, resolveScript, startCommand } from './build.js';
import { express } from './frameworks/express.js';
import { fastify } from './frameworks/fastify.js';
import { nextjs } from './frameworks/nextjs.js';
import { parseStart } from './start.js';
import { node } from './index.js';
import type { ResolvedAnswers } from '../../core/answers.js';

const pkg = (p: Record<string, unknown>) => JSON.stringify({ name: 'app', version: '1.0.0', ...p });

describe('start scripts', () => {
  it('keeps the variables, node flags, file and arguments of the last command; drops watch and env-file flags', () => {
    expect(parseStart('npm run build && NODE_ENV=production node --enable-source-maps --env-file=.env --watch dist/main.js --cluster')).toEqual({
      env: [['NODE_ENV', 'production']],
      runner: 'node',
      nodeFlags: ['--enable-source-maps'],
      options: [],
      file: 'dist/main.js',
      args: ['--cluster'],
    });
    expect(parseStart('cross-env TZ=UTC node -r dotenv/config server.js')).toMatchObject({ env: [['TZ', 'UTC']], nodeFlags: ['-r', 'dotenv/config'], file: 'server.js' });
    expect(parseStart('nodemon src/index.ts')).toMatchObject({ runner: 'nodemon', file: 'src/index.ts' });
    expect(parseStart('fastify start -l info app.js')).toMatchObject({ runner: 'fastify', subcommand: 'start', options: ['-l', 'info'], file: 'app.js' });
    expect(parseStart('   ')).toBeUndefined();
  });

  it('starts node itself with the flags kept, and fastify-cli on every interface at the app port', () => {
    const r = { command: null, entrypoint: 'server.js', port: 8080 } as unknown as ResolvedAnswers;
    const app = (script: string, files: Record<string, string> = {}) => nodeApp(snapshotOf({ 'package.json': pkg({ scripts: { start: script } }), ...files }), express);
    expect(startCommand(r, express, app('node --enable-source-maps server.js --cluster'), [])).toEqual(['node', '--enable-source-maps', 'server.js', '--cluster']);
    // Arguments belong to the file they were written for.
    expect(startCommand(r, express, app('node other.js --cluster'), [])).toEqual(['node', 'server.js']);
    const f = nodeApp(snapshotOf({ 'package.json': pkg({ scripts: { start: 'fastify start -a 127.0.0.1 -p 3000 -l info server.js' } }) }), fastify);
    expect(startCommand(r, fastify, f, [])).toEqual(['node_modules/.bin/fastify', 'start', '--address', '0.0.0.0', '--port', '8080', '-l', 'info', 'server.js']);
    expect(startCommand({ ...r, command: ['node', 'x.js'] }, express, app('node server.js'), [])).toEqual(['node', 'x.js']);
  });
});

describe('install lifecycle scripts', () => {
  it('sets every one aside and keeps, for after the code is copied, only what an image needs', () => {
    expect(lifecycleScripts({ start: 'node a.js' })).toEqual({ names: [], commands: [] });
    expect(lifecycleScripts({ prepare: 'husky', postinstall: 'prisma generate' })).toEqual({ names: ['postinstall', 'prepare'], commands: [] });
    expect(lifecycleScripts({ postinstall: 'husky install && patch-package', preinstall: 'npx only-allow pnpm' })).toEqual({
      names: ['preinstall', 'postinstall'],
      commands: ['patch-package'],
    });
    expect(lifecycleScripts({ postinstall: 'is-ci || husky install; node scripts/copy-assets.js' }).commands).toEqual(['node scripts/copy-assets.js']);
  });

  it('makes an app that builds nothing else build, so the kept commands run on its code', () => {
    const plain = nodeApp(snapshotOf({ 'package.json': pkg({ scripts: { start: 'node a.js', prepare: 'husky' } }) }), express);
    expect(plain.builds).toBe(false);
    const patched = nodeApp(snapshotOf({ 'package.json': pkg({ scripts: { start: 'node a.js', postinstall: 'patch-package' } }) }), express);
    expect(patched.builds).toBe(true);
  });
});

describe('what the image needs to know about the app', () => {
  it("finds Prisma's schema and migrations, the standalone Next.js output, and a migrate script", () => {
    const prisma = nodeApp(snapshotOf({ 'package.json': pkg({ dependencies: { '@prisma/client': '6' } }), 'prisma/schema.prisma': '', 'prisma/migrations/0_init/migration.sql': '' }), express);
    expect(prisma).toMatchObject({ builds: true, prisma: { schema: 'prisma/schema.prisma', migrations: true } });
    expect(prisma.migrateScript).toBeUndefined();
    const knex = nodeApp(snapshotOf({ 'package.json': pkg({ scripts: { 'migrate:make': 'knex migrate:make', migrate: 'knex migrate:latest' } }) }), express);
    expect(knex.migrateScript).toBe('migrate');
    const dev = nodeApp(snapshotOf({ 'package.json': pkg({ scripts: { 'db:migrate': 'drizzle-kit generate' } }) }), express);
    expect(dev.migrateScript).toBeUndefined();
    const next = (config: string) => nodeApp(snapshotOf({ 'package.json': pkg({ dependencies: { next: '16' } }), 'next.config.mjs': config }), nextjs).nextStandalone;
    expect(next("export default { output: 'standalone' };")).toBe(true);
    expect(next('export default {};')).toBe(false);
  });
});

describe('migrations', () => {
  const input = (files: Record<string, string>, services: string[] = ['postgres']) => ({
    r: { framework: 'express', services, command: null, entrypoint: 'server.js', port: 3000, app: '.' } as unknown as ResolvedAnswers,
    project: snapshotOf(files),
    repository: snapshotOf(files),
    buildPlaceholders: [],
    templates: {},
    starter: false,
  });
  const migrations = { 'prisma/schema.prisma': '', 'prisma/migrations/0_init/migration.sql': '' };

  it('run from the app image when the CLI is a production dependency, else from the tools stage', () => {
    const prod = node.processes?.(input({ 'package.json': pkg({ dependencies: { '@prisma/client': '6', prisma: '6' } }), ...migrations })) ?? [];
    expect(prod).toMatchObject([{ name: 'migrate', lifecycle: 'once', command: ['node_modules/.bin/prisma', 'migrate', 'deploy'] }]);
    expect(prod[0]?.target).toBeUndefined();
    const dev = node.processes?.(input({ 'package.json': pkg({ dependencies: { '@prisma/client': '6' }, devDependencies: { prisma: '6' } }), ...migrations })) ?? [];
    expect(dev[0]?.target?.stage).toBe('tools');
    const knex = node.processes?.(input({ 'package.json': pkg({ dependencies: { knex: '3' }, scripts: { migrate: 'knex migrate:latest' } }) })) ?? [];
    expect(knex).toMatchObject([{ command: ['npm', 'run', 'migrate'], evidence: 'package.json: the migrate script' }]);
    expect(knex[0]?.target).toBeUndefined();
    const typeorm = node.processes?.(input({ 'package.json': pkg({ dependencies: { typeorm: '0.3' }, devDependencies: { 'ts-node': '10' }, scripts: { 'migration:run': 'typeorm-ts-node-commonjs migration:run -d src/data-source.ts' } }) })) ?? [];
    expect(typeorm[0]?.target?.why).toContain('ts-node');
  });

  it('need a database to apply them to, and are not part of a starter', () => {
    const files = { 'package.json': pkg({ dependencies: { '@prisma/client': '6', prisma: '6' } }), ...migrations };
    expect(node.processes?.(input(files, ['redis']))).toEqual([]);
    expect(node.processes?.({ ...input(files), starter: true })).toEqual([]);
  });

  it('follow a migration script through npm run / yarn and past env-cmd, to what the image can run', () => {
    const scripts = {
      typeorm: 'env-cmd -f .env ts-node -r tsconfig-paths/register ./node_modules/typeorm/cli.js',
      'migration:run': 'npm run typeorm -- --dataSource=src/data-source.ts migration:run',
      'db:migrate': 'yarn migration:run',
    };
    expect(resolveScript(scripts, 'migration:run')).toEqual({ command: 'ts-node -r tsconfig-paths/register ./node_modules/typeorm/cli.js --dataSource=src/data-source.ts migration:run', indirect: true });
    expect(resolveScript(scripts, 'db:migrate').command).toMatch(/^ts-node .* migration:run$/);
    expect(resolveScript({ migrate: 'knex migrate:latest' }, 'migrate')).toEqual({ command: 'knex migrate:latest', indirect: false });
    const p = node.processes?.(input({ 'package.json': pkg({ dependencies: { typeorm: '0.3', pg: '8' }, devDependencies: { 'ts-node': '10', 'env-cmd': '10' }, scripts }) })) ?? [];
    expect(p[0]?.command).toEqual(['npm', 'exec', '-c', 'ts-node -r tsconfig-paths/register ./node_modules/typeorm/cli.js --dataSource=src/data-source.ts migration:run']);
    expect(p[0]?.target?.stage).toBe('tools');
  });
});

describe('folders the app writes into', () => {
  it("are found from multer's dest, mkdirSync and upload-dir settings; code and build folders are not", async () => {
    const { nodeDataDirs } = await import('./data.js');
    const files = {
      'package.json': pkg({ dependencies: { express: '5', multer: '1' } }),
      'src/server.js': "const upload = require('multer')({ dest: 'uploads/' });\nfs.mkdirSync(path.join(__dirname, '..', 'files'), { recursive: true });\nfs.mkdirSync('dist');\nconst x = { dest: '/tmp/x' };\n",
    };
    expect(nodeDataDirs(snapshotOf(files), undefined).map((d) => d.dir)).toEqual(['uploads', 'files']);
    expect(nodeDataDirs(snapshotOf({ 'package.json': pkg({}), 'src/a.js': 'x' }), undefined)).toEqual([]);
  });
});
