/**
 * What a Python app runs from its image besides the server: its database
 * migrations (Django's migrate, Flask-Migrate, Alembic), once per deploy
 * before the app starts, and its Celery (worker, and beat when it has a
 * schedule) or RQ workers beside it.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { Process } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import type { PythonFramework } from './framework.js';
import type { PythonManifests } from './manifests.js';
import { SKIPPED_FOLDERS } from '../../core/toolkit.js';
import { moduleOf } from './detect.js';

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

/** Where a Celery app is usually built: the module names, in the order they are tried. */
const CELERY_FILES = ['celery.py', 'celery_app.py', 'make_celery.py', 'worker.py', 'tasks.py', '__init__.py', 'app.py', 'main.py'];
/** `app = Celery(...)`, Flask's `celery_app = flask_app.extensions["celery"]`, and the make_celery()/celery_init_app() helpers. */
const CELERY_APP = /^([A-Za-z_]\w*)\s*(?::\s*\w+\s*)?=\s*(?:Celery\(|[\w.]+\.extensions\[["']celery["']\]|make_celery\(|celery_init_app\()/m;
const SKIP = new Set([...SKIPPED_FOLDERS, 'tests', 'test', 'docs', 'migrations', 'static', 'templates']);

/** The Celery app as `celery -A` takes it (`proj.celery`, or `module:name` when the name is not app/celery), and the file. */
export function findCelery(project: ProjectSnapshot): { target: string; file: string; text: string } | undefined {
  const below = (dir: string) => (project.list(dir) ?? []).filter((e) => e.endsWith('/') && !e.startsWith('.') && !SKIP.has(e.slice(0, -1))).map((e) => (dir ? `${dir}/${e.slice(0, -1)}` : e.slice(0, -1)));
  const top = below('');
  // The root, its packages, then one level further down (app/celery_worker/tasks.py), a bounded walk.
  const dirs = ['', ...top, ...top.flatMap(below)].slice(0, 200);
  for (const d of dirs) {
    for (const name of CELERY_FILES) {
      const file = d ? `${d}/${name}` : name;
      const text = project.read(file);
      const m = text === undefined ? null : CELERY_APP.exec(text);
      if (!m || text === undefined) continue;
      const module = moduleOf(file, project);
      // A root celery.py would shadow the celery package itself.
      if (module === 'celery') continue;
      const variable = m[1] as string;
      return { target: variable === 'app' || variable === 'celery' ? module : `${module}:${variable}`, file, text };
    }
  }
  return undefined;
}

/** A periodic schedule: beat_schedule in code or settings, add_periodic_task, or django-celery-beat's database scheduler. */
function beatSchedule(project: ProjectSnapshot, celery: { text: string }, settingsFiles: readonly string[], m: PythonManifests): { evidence: string; database: boolean } | undefined {
  if (has(m, 'django-celery-beat')) return { evidence: 'django-celery-beat in the dependencies', database: true };
  if (/\bbeat_schedule\b|add_periodic_task|@\w+\.on_after_configure/.test(celery.text)) return { evidence: 'a beat schedule beside the Celery app', database: false };
  for (const f of settingsFiles) if (/^\s*CELERY_?BEAT_SCHEDULE\s*=/m.test(project.read(f) ?? '')) return { evidence: `${f}: CELERY_BEAT_SCHEDULE`, database: false };
  return undefined;
}

/** Celery or RQ workers, when the app has a queue library and a broker service to run it on. */
export function workers(project: ProjectSnapshot, m: PythonManifests, hasBroker: boolean, settingsFiles: readonly string[] = []): Process[] {
  if (!hasBroker) return [];
  const out: Process[] = [];
  const celery = m.dependencies.some((d) => !d.dev && d.name === 'celery') ? findCelery(project) : undefined;
  if (celery) {
    const a = ['celery', '-A', celery.target];
    out.push({
      name: 'worker',
      command: [...a, 'worker', '--loglevel=INFO'],
      lifecycle: 'always',
      purpose: 'Runs the Celery worker: the tasks the app queues',
      evidence: `${celery.file}: the Celery app`,
      // The worker answers a ping addressed to its own node name (celery@<container hostname>).
      healthcheck: ['sh', '-c', `celery -A ${celery.target} inspect ping --destination "celery@$HOSTNAME" --timeout 10`],
    });
    const beat = beatSchedule(project, celery, settingsFiles, m);
    if (beat) {
      out.push({
        name: 'beat',
        // One beat at a time (it sends each periodic task once); its schedule file goes to /tmp (the code is read-only to the app user).
        command: [...a, 'beat', '--loglevel=INFO', ...(beat.database ? ['--scheduler', 'django_celery_beat.schedulers:DatabaseScheduler'] : ['--schedule', '/tmp/celerybeat-schedule'])],
        lifecycle: 'always',
        purpose: 'Runs Celery beat, which queues the periodic tasks on schedule (one beat per stack)',
        evidence: beat.evidence,
      });
    }
  }
  if (has(m, 'rq') || has(m, 'django-rq') || has(m, 'flask-rq2')) {
    out.push({
      name: celery ? 'rq-worker' : 'worker',
      // rq reads RQ_REDIS_URL; Swarm gives the URL as a secret file instead.
      command: ['sh', '-c', 'export RQ_REDIS_URL="${REDIS_URL:-$(cat "$REDIS_URL_FILE")}" && exec rq worker --with-scheduler'],
      lifecycle: 'always',
      purpose: 'Runs the RQ worker: the jobs the app enqueues',
      evidence: 'rq in the dependencies',
      healthcheck: ['sh', '-c', 'export RQ_REDIS_URL="${REDIS_URL:-$(cat "$REDIS_URL_FILE")}" && python -c "import os, socket, sys, redis, rq; c = redis.from_url(os.environ[\'RQ_REDIS_URL\']); sys.exit(0 if any(w.hostname == socket.gethostname() for w in rq.Worker.all(connection=c)) else 1)"'],
    });
  }
  return out;
}
