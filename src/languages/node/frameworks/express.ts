import { inDir } from '../../../core/toolkit.js';
import { dirOf, fileEntry, healthName, type NodeFramework } from '../framework.js';

export const express: NodeFramework = {
  id: 'express',
  title: 'Express',
  defaultPort: 3000,
  entrypoint: fileEntry('src/server.js', 'the JavaScript file `node` runs'),
  command: (ctx) => ['node', ctx.entrypoint],
  build: { kind: 'none' },
  packages: ['express'],
  writablePaths: ['/tmp'],
  starter: {
    files: (ctx) => [
      { path: ctx.entrypoint, template: 'express/server.js.ejs' },
      { path: inDir(dirOf(ctx.entrypoint), `${healthName(ctx.entrypoint)}.js`), template: 'common/health.js.ejs' },
    ],
    view: (ctx) => ({ healthImport: `./${healthName(ctx.entrypoint)}.js` }),
    dependencies: ['express'],
    scripts: { start: 'node {entrypoint}' },
  },
};
