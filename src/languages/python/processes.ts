/**
 * What a Python app runs from its image besides the server: its database
 * migrations (Django's migrate, Flask-Migrate, Alembic), once per deploy
 * before the app starts, and its Celery or RQ workers beside it.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { Process } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import type { PythonFramework } from './framework.js';
import type { PythonManifests } from './manifests.js';

const has = (m: PythonManifests, name: string) => m.dependencies.some((d) => !d.dev && d.name === name);

/** The migration step, when the app has migrations and a database to apply them to. */
export function migration(r: ResolvedAnswers, fw: PythonFramework, project: ProjectSnapshot, m: PythonManifests, hasDatabase: boolean): Process | undefined {
  if (!hasDatabase) return undefined;
  const once = (command: string[], evidence: string): Process => ({ name: 'migrate', command, lifecycle: 'once', purpose: 'Applies the database migrations, then exits; the app starts after it succeeds', evidence });
  if (fw.id === 'django' && project.read('manage.py') !== undefined) return once(['python', 'manage.py', 'migrate', '--noinput'], 'manage.py: Django migrations');
  if (fw.id === 'flask' && has(m, 'flask-migrate') && project.list('migrations') !== undefined) {
    return once(['flask', '--app', r.entrypoint, 'db', 'upgrade'], 'Flask-Migrate in the dependencies, and migrations/');
  }
  if (project.read('alembic.ini') !== undefined) return once(['alembic', 'upgrade', 'head'], 'alembic.ini');
  return undefined;
}
