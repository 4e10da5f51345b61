import { WEB_CONCURRENCY, gunicorn, type PythonFramework } from '../framework.js';
import { APP_PATTERN, PACKAGE_EXAMPLE, PACKAGE_PATTERN } from '../names.js';

const HELP = 'the Django project package (the one holding settings.py and wsgi.py), or its ASGI application as "package.asgi:application"';

/** An ASGI target ("config.asgi:application") runs on uvicorn; a project package on gunicorn, through its wsgi.py. */
const isAsgi = (entrypoint: string) => entrypoint.includes(':');

export const django: PythonFramework = {
  id: 'django',
  title: 'Django',
  defaultPort: 8000,
  entrypoint: { default: 'config', help: HELP, rules: [{ pattern: `${PACKAGE_PATTERN}|${APP_PATTERN}`, must: `${PACKAGE_EXAMPLE}, or "package.asgi:application" (${HELP})` }] },
  // Django's development server, which reloads on a code change.
  dev: (ctx, has) => ({ command: [...(has('manage.py') ? ['python', 'manage.py'] : ['django-admin']), 'runserver', `0.0.0.0:${ctx.port}`], reload: 'Django runserver' }),
  command: (ctx) => (isAsgi(ctx.entrypoint) ? ['uvicorn', ctx.entrypoint, '--host', '0.0.0.0', '--port', String(ctx.port)] : gunicorn(`${ctx.entrypoint}.wsgi`, ctx.port)),
  requirements: ['django', 'gunicorn'],
  server: (entrypoint) => (isAsgi(entrypoint) ? { requirement: 'uvicorn', providedBy: ['uvicorn'] } : { requirement: 'gunicorn', providedBy: ['gunicorn'] }),
  packages: ['django'],
  entry: 'package',
  env: [
    WEB_CONCURRENCY,
    { key: 'DJANGO_SECRET_KEY', comment: 'Django signs sessions and tokens with this key', secretLength: 50 },
    { key: 'DJANGO_ALLOWED_HOSTS', comment: 'Host names Django answers to (comma-separated)', value: () => 'localhost,127.0.0.1' },
  ],
  writablePaths: ['/tmp'],
  // Django answers only to DJANGO_ALLOWED_HOSTS; the kubelet probes the pod IP, so name a host it allows.
  probeHeaders: { Host: 'localhost' },
  starter: {
    appMarkers: (ctx) => ['manage.py', `${ctx.entrypoint.split(/[.:]/)[0]}/wsgi.py`],
    files: (ctx) => {
      const pkg = ctx.entrypoint.split('.').join('/');
      return [
        { path: 'manage.py', template: 'django/manage.py.ejs' },
        { path: `${pkg}/__init__.py`, template: 'common/__init__.py.ejs' },
        { path: `${pkg}/settings.py`, template: 'django/settings.py.ejs' },
        { path: `${pkg}/urls.py`, template: 'django/urls.py.ejs' },
        { path: `${pkg}/wsgi.py`, template: 'django/wsgi.py.ejs' },
        { path: `${pkg}/views.py`, template: 'django/views.py.ejs' },
        { path: `${pkg}/health.py`, template: 'common/health.py.ejs' },
      ];
    },
    view: (ctx) => ({ djangoPackage: ctx.entrypoint }),
  },
};
