import { fileEntry, type NodeFramework } from '../framework.js';

/** The build output folder: the entry file's top folder (dist/main.js -> dist). */
const outDir = (entrypoint: string) => entrypoint.split('/')[0] ?? 'dist';

export const nestjs: NodeFramework = {
  id: 'nestjs',
  title: 'NestJS',
  defaultPort: 3000,
  entrypoint: fileEntry('dist/main.js', 'the compiled JavaScript file `node` runs (after `npm run build`)', {
    // Starters compile src/ into the entry file's folder, so the file must be inside one.
    pattern: '^[^/]+/.+\\.js$',
    must: 'the compiled .js file inside the build output folder, for example "dist/main.js"',
  }),
  command: (ctx) => ['node', ctx.entrypoint],
  build: { kind: 'script', outputs: (entrypoint) => [outDir(entrypoint)] },
  packages: ['@nestjs/core'],
  files: ['nest-cli.json'],
  wraps: ['express', 'fastify'],
  writablePaths: ['/tmp'],
  starter: {
    files: (ctx) => [
      { path: 'tsconfig.json', template: 'nestjs/tsconfig.json.ejs' },
      { path: `src/${ctx.entrypoint.split('/').slice(1).join('/').replace(/\.js$/, '.ts')}`, template: 'nestjs/main.ts.ejs' },
      { path: 'src/app.module.ts', template: 'nestjs/app.module.ts.ejs' },
      { path: 'src/health.controller.ts', template: 'nestjs/health.controller.ts.ejs' },
      { path: 'src/health.js', template: 'common/health.js.ejs' },
    ],
    view: (ctx) => ({ outDir: outDir(ctx.entrypoint) }),
    dependencies: ['@nestjs/common', '@nestjs/core', '@nestjs/platform-express', 'reflect-metadata', 'rxjs'],
    devDependencies: ['typescript', '@types/node'],
    scripts: { build: 'tsc -p tsconfig.json', start: 'node {entrypoint}' },
  },
};
