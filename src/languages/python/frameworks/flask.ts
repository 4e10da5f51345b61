import { WEB_CONCURRENCY, gunicorn, type PythonFramework } from '../framework.js';
import { appEntry } from '../names.js';
import { appStarter } from '../starter.js';

export const flask: PythonFramework = {
  id: 'flask',
  title: 'Flask',
  defaultPort: 8000,
  entrypoint: appEntry('app:app', 'the WSGI app as module:attribute'),
  // gunicorn calls an app factory written as "module:create_app()" itself.
  command: (ctx) => gunicorn(ctx.entrypoint, ctx.port),
  // Flask's development server with its reloader; not --debug, whose in-browser debugger runs code for whoever reaches the port.
  dev: (ctx) => ({ command: ['flask', '--app', ctx.entrypoint, 'run', '--host', '0.0.0.0', '--port', String(ctx.port), '--reload'], reload: 'flask run --reload' }),
  requirements: ['flask', 'gunicorn'],
  server: () => ({ requirement: 'gunicorn', providedBy: ['gunicorn'] }),
  packages: ['flask'],
  appClass: 'Flask',
  entry: 'app',
  env: [
    WEB_CONCURRENCY,
  ],
  writablePaths: ['/tmp'],
  starter: appStarter('flask/app.py.ejs'),
};
