import { gunicorn, type PythonFramework } from '../framework.js';
import { packageEntry } from '../names.js';

export const django: PythonFramework = {
  id: 'django',
  title: 'Django',
  defaultPort: 8000,
  entrypoint: packageEntry('config', 'the Django project package (the one holding settings.py and wsgi.py)'),
  command: (ctx) => gunicorn(`${ctx.entrypoint}.wsgi`, ctx.port),
  requirements: ['django', 'gunicorn'],
  packages: ['django'],
  entry: 'package',
  env: [
    { key: 'DJANGO_SECRET_KEY', comment: 'Django signs sessions and tokens with this key', secretLength: 50 },
    { key: 'DJANGO_ALLOWED_HOSTS', comment: 'Host names Django answers to (comma-separated)', value: () => 'localhost,127.0.0.1' },
  ],
  writablePaths: ['/tmp'],
  // Django answers only to DJANGO_ALLOWED_HOSTS; the kubelet probes the pod IP, so name a host it allows.
  probeHeaders: { Host: 'localhost' },
  starter: {
    appMarkers: () => ['manage.py'],
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
