import { inDir } from '../../../core/toolkit.js';
import { dirOf, fileEntry, healthName, type NodeFramework } from '../framework.js';

export const fastify: NodeFramework = {
  id: 'fastify',
  title: 'Fastify',
  defaultPort: 3000,
  entrypoint: fileEntry('src/server.js', 'the JavaScript file `node` runs'),
  command: (ctx) => ['node', ctx.entrypoint],
  build: { kind: 'none' },
  packages: ['fastify'],
  writablePaths: ['/tmp'],
  starter: {
    files: (ctx) => [
      { path: ctx.entrypoint, template: 'fastify/server.js.ejs' },
      { path: inDir(dirOf(ctx.entrypoint), `${healthName(ctx.entrypoint)}.js`), template: 'common/health.js.ejs' },
    ],
    view: (ctx) => ({ healthImport: `./${healthName(ctx.entrypoint)}.js` }),
    dependencies: ['fastify'],
    scripts: { start: 'node {entrypoint}' },
  },
};
