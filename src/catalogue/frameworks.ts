import type { EntryContext, FrameworkEntry, FrameworkId, StarterFile } from './types.js';

/**
 * Python starters put their files beside the entry module: `app.main:app`
 * gives app/__init__.py, app/main.py and app/health.py.
 */
export function pythonModuleLayout(entrypoint: string): { moduleFile: string; packageInits: string[]; dir: string; attribute: string } {
  const [modulePath = '', attribute = 'app'] = entrypoint.split(':');
  const parts = modulePath.split('.');
  const dirParts = parts.slice(0, -1);
  const packageInits = dirParts.map((_, i) => [...dirParts.slice(0, i + 1), '__init__.py'].join('/'));
  return { moduleFile: `${parts.join('/')}.py`, packageInits, dir: dirParts.join('/'), attribute };
}

function inDir(dir: string, file: string): string {
  return dir ? `${dir}/${file}` : file;
}

/** The starter's health helper sits beside the entry file, under another name if the entry itself is called health. */
export function healthModuleName(entryBase: string): string {
  return entryBase === 'health' ? 'service_health' : 'health';
}

function pythonAppStarter(template: string) {
  return {
    appMarkers: (ctx: EntryContext) => {
      const { moduleFile } = pythonModuleLayout(ctx.entrypoint);
      return [moduleFile, moduleFile.replace(/\.py$/, '/__init__.py')];
    },
    files: (ctx: EntryContext): StarterFile[] => {
      const layout = pythonModuleLayout(ctx.entrypoint);
      return [
        ...layout.packageInits.map((path) => ({ path, template: 'python/__init__.py.ejs' })),
        { path: layout.moduleFile, template },
        { path: inDir(layout.dir, `${healthModuleName(layout.moduleFile.split('/').pop()!.replace(/\.py$/, ''))}.py`), template: 'python/health.py.ejs' },
      ];
    },
  };
}

function nodeDir(entrypoint: string): string {
  return entrypoint.split('/').slice(0, -1).join('/');
}

/** health, or service-health when the entry file itself is health.js. */
export function nodeHealthName(entrypoint: string): string {
  return /^health\.[cm]?js$/.test(entrypoint.split('/').pop() ?? '') ? 'service-health' : 'health';
}

const gunicorn = (target: string, port: number) => [
  'gunicorn',
  '--bind',
  `0.0.0.0:${port}`,
  // One line per request on stdout, so `docker compose logs` shows traffic.
  '--access-logfile',
  '-',
  target,
];

export const frameworks: Record<FrameworkId, FrameworkEntry> = {
  fastapi: {
    id: 'fastapi',
    language: 'python',
    title: 'FastAPI',
    defaultPort: 8000,
    entrypoint: { kind: 'python-app', default: 'app.main:app', help: 'the ASGI app as module:attribute' },
    command: (ctx) => ['uvicorn', ctx.entrypoint, '--host', '0.0.0.0', '--port', String(ctx.port)],
    requirements: ['fastapi', 'uvicorn'],
    writablePaths: ['/tmp'],
    starter: pythonAppStarter('fastapi/main.py.ejs'),
  },
  flask: {
    id: 'flask',
    language: 'python',
    title: 'Flask',
    defaultPort: 8000,
    entrypoint: { kind: 'python-app', default: 'app:app', help: 'the WSGI app as module:attribute' },
    command: (ctx) => gunicorn(ctx.entrypoint, ctx.port),
    requirements: ['flask', 'gunicorn'],
    writablePaths: ['/tmp'],
    starter: pythonAppStarter('flask/app.py.ejs'),
  },
  django: {
    id: 'django',
    language: 'python',
    title: 'Django',
    defaultPort: 8000,
    entrypoint: { kind: 'python-package', default: 'config', help: 'the Django project package (the one holding settings.py and wsgi.py)' },
    command: (ctx) => gunicorn(`${ctx.entrypoint}.wsgi`, ctx.port),
    requirements: ['django', 'gunicorn'],
    env: [
      { key: 'DJANGO_SECRET_KEY', comment: 'Django signs sessions and tokens with this key', secretLength: 50 },
      { key: 'DJANGO_ALLOWED_HOSTS', comment: 'Host names Django answers to (comma-separated)', value: () => 'localhost,127.0.0.1' },
    ],
    writablePaths: ['/tmp'],
    starter: {
      appMarkers: () => ['manage.py'],
      files: (ctx) => {
        const pkg = ctx.entrypoint.split('.').join('/');
        return [
          { path: 'manage.py', template: 'django/manage.py.ejs' },
          { path: `${pkg}/__init__.py`, template: 'python/__init__.py.ejs' },
          { path: `${pkg}/settings.py`, template: 'django/settings.py.ejs' },
          { path: `${pkg}/urls.py`, template: 'django/urls.py.ejs' },
          { path: `${pkg}/wsgi.py`, template: 'django/wsgi.py.ejs' },
          { path: `${pkg}/views.py`, template: 'django/views.py.ejs' },
          { path: `${pkg}/health.py`, template: 'python/health.py.ejs' },
        ];
      },
    },
  },
  express: {
    id: 'express',
    language: 'node',
    title: 'Express',
    defaultPort: 3000,
    entrypoint: { kind: 'node-file', default: 'src/server.js', help: 'the JavaScript file `node` runs' },
    command: (ctx) => ['node', ctx.entrypoint],
    build: { kind: 'none' },
    writablePaths: ['/tmp'],
    starter: {
      appMarkers: () => ['package.json'],
      files: (ctx) => [
        { path: ctx.entrypoint, template: 'express/server.js.ejs' },
        { path: inDir(nodeDir(ctx.entrypoint), `${nodeHealthName(ctx.entrypoint)}.js`), template: 'node/health.js.ejs' },
      ],
      dependencies: ['express'],
      scripts: { start: 'node {entrypoint}' },
    },
  },
  fastify: {
    id: 'fastify',
    language: 'node',
    title: 'Fastify',
    defaultPort: 3000,
    entrypoint: { kind: 'node-file', default: 'src/server.js', help: 'the JavaScript file `node` runs' },
    command: (ctx) => ['node', ctx.entrypoint],
    build: { kind: 'none' },
    writablePaths: ['/tmp'],
    starter: {
      appMarkers: () => ['package.json'],
      files: (ctx) => [
        { path: ctx.entrypoint, template: 'fastify/server.js.ejs' },
        { path: inDir(nodeDir(ctx.entrypoint), `${nodeHealthName(ctx.entrypoint)}.js`), template: 'node/health.js.ejs' },
      ],
      dependencies: ['fastify'],
      scripts: { start: 'node {entrypoint}' },
    },
  },
  nestjs: {
    id: 'nestjs',
    language: 'node',
    title: 'NestJS',
    defaultPort: 3000,
    entrypoint: { kind: 'node-file', default: 'dist/main.js', help: 'the compiled JavaScript file `node` runs (after `npm run build`)' },
    command: (ctx) => ['node', ctx.entrypoint],
    build: { kind: 'script', outputs: ['dist'] },
    writablePaths: ['/tmp'],
    starter: {
      appMarkers: () => ['package.json'],
      files: (ctx) => [
        { path: 'tsconfig.json', template: 'nestjs/tsconfig.json.ejs' },
        { path: `src/${ctx.entrypoint.split('/').slice(1).join('/').replace(/\.js$/, '.ts')}`, template: 'nestjs/main.ts.ejs' },
        { path: 'src/app.module.ts', template: 'nestjs/app.module.ts.ejs' },
        { path: 'src/health.controller.ts', template: 'nestjs/health.controller.ts.ejs' },
        { path: 'src/health.js', template: 'node/health.js.ejs' },
      ],
      dependencies: ['@nestjs/common', '@nestjs/core', '@nestjs/platform-express', 'reflect-metadata', 'rxjs'],
      devDependencies: ['typescript', '@types/node'],
      scripts: { build: 'tsc -p tsconfig.json', start: 'node {entrypoint}' },
    },
  },
  nextjs: {
    id: 'nextjs',
    language: 'node',
    title: 'Next.js',
    defaultPort: 3000,
    entrypoint: { kind: 'fixed', default: 'server.js', help: 'fixed: Next.js standalone output starts with server.js' },
    command: () => ['node', 'server.js'],
    build: { kind: 'nextjs' },
    writablePaths: ['/tmp', '/app/.next/cache'],
    starter: {
      appMarkers: () => ['package.json'],
      files: (ctx) => [
        { path: 'next.config.mjs', template: 'nextjs/next.config.mjs.ejs' },
        { path: 'instrumentation.js', template: 'nextjs/instrumentation.js.ejs' },
        { path: 'app/layout.js', template: 'nextjs/layout.js.ejs' },
        // A route handler and a page can't share a path: the health route wins "/".
        ...(ctx.healthPath === '/' ? [] : [{ path: 'app/page.js', template: 'nextjs/page.js.ejs' }]),
        { path: `app${ctx.healthPath === '/' ? '' : ctx.healthPath}/route.js`, template: 'nextjs/route.js.ejs' },
        { path: 'lib/health.js', template: 'node/health.js.ejs' },
        { path: 'public/robots.txt', template: 'nextjs/robots.txt.ejs' },
      ],
      dependencies: ['next', 'react', 'react-dom'],
      scripts: { dev: 'next dev', build: 'next build', start: 'next start' },
    },
  },
};
