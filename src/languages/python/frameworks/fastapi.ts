import { WEB_CONCURRENCY, type PythonFramework } from '../framework.js';
import { appEntry, moduleLayout } from '../names.js';
import { appStarter } from '../starter.js';

export const fastapi: PythonFramework = {
  id: 'fastapi',
  title: 'FastAPI',
  defaultPort: 8000,
  entrypoint: appEntry('app.main:app', 'the ASGI app as module:attribute'),
  command: (ctx) => {
    const { factory } = moduleLayout(ctx.entrypoint);
    // uvicorn calls an app factory itself when told so; the target then names the function.
    return ['uvicorn', ...(factory ? ['--factory', ctx.entrypoint.replace(/\(\)$/, '')] : [ctx.entrypoint]), '--host', '0.0.0.0', '--port', String(ctx.port)];
  },
  // uvicorn restarts the app when a .py file under the working folder changes.
  dev: (ctx) => ({ command: [...fastapi.command(ctx), '--reload'], reload: 'uvicorn --reload' }),
  requirements: ['fastapi', 'uvicorn'],
  // fastapi[standard] brings uvicorn[standard].
  server: () => ({ requirement: 'uvicorn', providedBy: ['uvicorn', 'fastapi[standard]', 'fastapi[all]'] }),
  packages: ['fastapi'],
  appClass: 'FastAPI',
  entry: 'app',
  env: [
    WEB_CONCURRENCY,
  ],
  writablePaths: ['/tmp'],
  starter: appStarter('fastapi/main.py.ejs'),
};
