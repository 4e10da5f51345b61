import type { NodeFramework } from '../framework.js';

export const nextjs: NodeFramework = {
  id: 'nextjs',
  title: 'Next.js',
  defaultPort: 3000,
  entrypoint: { default: 'server.js', help: 'fixed: Next.js standalone output starts with server.js', rules: [] },
  command: () => ['node', 'server.js'],
  build: { kind: 'nextjs' },
  packages: ['next'],
  files: ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'],
  wraps: ['express', 'fastify'],
  writablePaths: ['/tmp', '/app/.next/cache'],
  starter: {
    files: (ctx) => [
      { path: 'next.config.mjs', template: 'nextjs/next.config.mjs.ejs' },
      { path: 'instrumentation.js', template: 'nextjs/instrumentation.js.ejs' },
      { path: 'app/layout.js', template: 'nextjs/layout.js.ejs' },
      // A route handler and a page can't share a path: the health route wins "/".
      ...(ctx.healthPath === '/' ? [] : [{ path: 'app/page.js', template: 'nextjs/page.js.ejs' }]),
      { path: `app${ctx.healthPath === '/' ? '' : ctx.healthPath}/route.js`, template: 'nextjs/route.js.ejs' },
      { path: 'lib/health.js', template: 'common/health.js.ejs' },
      { path: 'public/robots.txt', template: 'nextjs/robots.txt.ejs' },
    ],
    view: (ctx) => {
      const depth = ctx.healthPath === '/' ? 0 : ctx.healthPath.split('/').length - 1;
      return { healthImport: `${'../'.repeat(depth + 1)}lib/health.js` };
    },
    dependencies: ['next', 'react', 'react-dom'],
    scripts: { dev: 'next dev', build: 'next build', start: 'next start' },
  },
};
