/**
 * Python apps for the e2e tier, one per way of declaring dependencies
 * (requirements with includes, hash mode, PEP 621, uv, Poetry, Pipenv, PDM)
 * and per framework: written by us, shaped like real projects (their own
 * settings, entry modules, migrations, a route that reads the database), with
 * no health route and no Docker files. The e2e tier runs `dockerize --yes`
 * in each, so detection decides everything.
 */
import { pipfileLock, pdmLock, poetryLock, uvLock, type Closure } from './locks.js';

export interface App {
  id: string;
  files: Record<string, string>;
  /** One of the app's own routes, and what it answers once migrations ran. */
  route: string;
  expect: unknown;
  /** Services the generated compose file must hold. */
  services: string[];
  /** Whether a migrate service must have run. */
  migrates: boolean;
  /** Files the app's image must not hold (a workspace's other apps). */
  imageLacks?: string[];
  /** Arguments for `dockerize --yes` (a monorepo's --app). */
  args?: string[];
  /** Images the rig can't build (MongoDB): the app runs only where they can be pulled, else only `docker compose config` checks it. */
  pullOnly?: string[];
  /** Worker services the compose file must hold; each must become healthy, or run when it has no healthcheck (the route needs them). */
  workers?: string[];
}

/** The packages the rig's wheelhouse has (Debian's code under these labels), with what each needs. */
const PY: Closure = {
  fastapi: { version: '0.115.6', deps: ['starlette', 'pydantic', 'typing-extensions'] },
  starlette: { version: '0.46.1', deps: ['anyio'] },
  pydantic: { version: '2.10.6', deps: ['pydantic-core', 'typing-extensions', 'annotated-types'] },
  'pydantic-core': { version: '2.27.2', deps: ['typing-extensions'] },
  'typing-extensions': { version: '4.12.2' },
  'annotated-types': { version: '0.7.0' },
  anyio: { version: '4.8.0', deps: ['idna', 'sniffio'] },
  idna: { version: '3.10' },
  sniffio: { version: '1.3.1' },
  uvicorn: { version: '0.32.1', deps: ['click', 'h11'] },
  click: { version: '8.1.8' },
  h11: { version: '0.14.0' },
  flask: { version: '3.1.1', deps: ['werkzeug', 'jinja2', 'itsdangerous', 'click', 'blinker'] },
  werkzeug: { version: '3.1.3', deps: ['markupsafe'] },
  jinja2: { version: '3.1.6', deps: ['markupsafe'] },
  markupsafe: { version: '2.1.5' },
  itsdangerous: { version: '2.2.0' },
  blinker: { version: '1.9.0' },
  django: { version: '4.2.28', deps: ['asgiref', 'sqlparse'] },
  asgiref: { version: '3.8.1' },
  sqlparse: { version: '0.5.3' },
  gunicorn: { version: '23.0.0', deps: ['packaging'] },
  packaging: { version: '25.0' },
  sqlalchemy: { version: '2.0.40', deps: ['greenlet', 'typing-extensions'] },
  greenlet: { version: '3.1.0' },
  alembic: { version: '1.13.2', deps: ['sqlalchemy', 'mako', 'typing-extensions'] },
  mako: { version: '1.3.9', deps: ['markupsafe'] },
  psycopg: { version: '3.2.6', deps: ['typing-extensions'] },
  'dj-database-url': { version: '0.5.0' },
  redis: { version: '6.1.0' },
};

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** A Django project: settings from the environment, one app with a model, its migration and a JSON view. */
function djangoProject(pkg: string): Record<string, string> {
  return {
    'manage.py': lines(
      '#!/usr/bin/env python',
      'import os',
      'import sys',
      '',
      'if __name__ == "__main__":',
      `    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${pkg}.settings")`,
      '    from django.core.management import execute_from_command_line',
      '',
      '    execute_from_command_line(sys.argv)',
    ),
    [`${pkg}/__init__.py`]: '',
    [`${pkg}/settings.py`]: lines(
      'import os',
      '',
      'import dj_database_url',
      '',
      'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
      'DEBUG = os.environ.get("DJANGO_DEBUG") == "1"',
      'ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")',
      'INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "notes"]',
      'MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]',
      `ROOT_URLCONF = "${pkg}.urls"`,
      `WSGI_APPLICATION = "${pkg}.wsgi.application"`,
      'DATABASES = {"default": dj_database_url.config(conn_max_age=60)}',
      'USE_TZ = True',
      'DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"',
    ),
    [`${pkg}/urls.py`]: lines('from django.urls import path', '', 'from notes import views', '', 'urlpatterns = [path("notes/", views.notes)]'),
    [`${pkg}/wsgi.py`]: lines('import os', '', 'from django.core.wsgi import get_wsgi_application', '', `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${pkg}.settings")`, 'application = get_wsgi_application()'),
    'notes/__init__.py': '',
    'notes/models.py': lines('from django.db import models', '', '', 'class Note(models.Model):', '    text = models.CharField(max_length=200)'),
    'notes/views.py': lines('from django.http import JsonResponse', '', 'from .models import Note', '', '', 'def notes(request):', '    return JsonResponse({"notes": list(Note.objects.values_list("text", flat=True))})'),
    'notes/migrations/__init__.py': '',
    'notes/migrations/0001_initial.py': lines(
      'from django.db import migrations, models',
      '',
      '',
      'def first_note(apps, schema_editor):',
      '    apps.get_model("notes", "Note").objects.create(text="migrated")',
      '',
      '',
      'class Migration(migrations.Migration):',
      '    initial = True',
      '    dependencies = []',
      '    operations = [',
      '        migrations.CreateModel(name="Note", fields=[("id", models.BigAutoField(primary_key=True, serialize=False)), ("text", models.CharField(max_length=200))]),',
      '        migrations.RunPython(first_note),',
      '    ]',
    ),
  };
}

/** SQLAlchemy and Alembic: one table created by the first migration, which also inserts a row. */
function alembicProject(module: string): Record<string, string> {
  return {
    'alembic.ini': lines('[alembic]', 'script_location = migrations', 'prepend_sys_path = .', '', '[loggers]', 'keys = root', '', '[handlers]', 'keys = console', '', '[formatters]', 'keys = generic', '', '[logger_root]', 'level = WARN', 'handlers = console', '', '[handler_console]', 'class = StreamHandler', 'args = (sys.stderr,)', 'formatter = generic', '', '[formatter_generic]', 'format = %(levelname)s %(message)s'),
    'migrations/env.py': lines(
      'from alembic import context',
      'from sqlalchemy import create_engine',
      '',
      `from ${module} import database_url`,
      '',
      'with create_engine(database_url()).connect() as connection:',
      '    context.configure(connection=connection)',
      '    with context.begin_transaction():',
      '        context.run_migrations()',
    ),
    'migrations/script.py.mako': lines('"""${message}"""', 'revision = ${repr(up_revision)}', 'down_revision = ${repr(down_revision)}', '', '', 'def upgrade():', '    ${upgrades if upgrades else "pass"}'),
    'migrations/versions/0001_items.py': lines(
      '"""items"""',
      'import sqlalchemy as sa',
      'from alembic import op',
      '',
      'revision = "0001"',
      'down_revision = None',
      '',
      '',
      'def upgrade():',
      '    items = op.create_table("items", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(100)))',
      '    op.bulk_insert(items, [{"name": "migrated"}])',
    ),
  };
}

/** database_url() for SQLAlchemy with psycopg 3 (the URL names the driver). */
const sqlalchemyUrl = lines('import os', '', '', 'def database_url():', '    return os.environ["DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1)');

const pep621 = (name: string, deps: string[], extra = '') =>
  lines('[project]', `name = "${name}"`, 'version = "0.1.0"', 'requires-python = ">=3.11"', 'dependencies = [', ...deps.map((d) => `    "${d}",`), ']', '', '[dependency-groups]', 'dev = ["pytest>=8"]', ...(extra ? ['', extra] : []));

const fakeHash = (name: string) => `--hash=sha256:${Buffer.from(name.padEnd(32, '0')).toString('hex').slice(0, 64)}`;

export const pythonApps: App[] = [
  {
    id: 'py-django-requirements',
    route: '/notes/',
    expect: { notes: ['migrated'] },
    services: ['postgres'],
    migrates: true,
    files: {
      'requirements.txt': lines('# What the platform installs: the production set.', '-r requirements/production.txt'),
      'requirements/base.txt': lines('Django==4.2.28', 'dj-database-url==0.5.0'),
      'requirements/production.txt': lines('-r base.txt', 'gunicorn==23.0.0', 'psycopg[binary]==3.2.6'),
      'requirements/local.txt': lines('-r base.txt', 'pytest==8.3.4'),
      ...djangoProject('blog'),
    },
  },
  {
    id: 'py-flask-hashes',
    route: '/items',
    expect: { items: ['migrated'] },
    services: ['postgres'],
    migrates: true,
    files: {
      // pip's hash mode: every package pinned with a hash (the rig's wheels are taken whatever the hash says; the
      // rig relabels no pin of a hash-mode line, so these are the versions its wheelhouse has).
      'requirements.txt': lines(
        ...['flask==3.1.1', 'werkzeug==3.1.3', 'jinja2==3.1.6', 'markupsafe==2.1.5', 'itsdangerous==2.2.0', 'click==8.1.8', 'blinker==1.9.0', 'sqlalchemy==2.0.40', 'greenlet==3.1.0', 'typing-extensions==4.12.2', 'alembic==1.13.2.dev0', 'mako==1.3.9.dev0', 'psycopg[binary]==3.2.6'].map(
          (p) => `${p} \\\n    ${fakeHash(p)}`,
        ),
      ),
      '.flaskenv': lines('FLASK_APP=inventory.py'),
      'inventory.py': lines(
        'from flask import Flask, jsonify',
        'from sqlalchemy import create_engine, text',
        '',
        'from settings import database_url',
        '',
        'app = Flask(__name__)',
        'engine = create_engine(database_url(), pool_pre_ping=True)',
        '',
        '',
        '@app.get("/items")',
        'def items():',
        '    with engine.connect() as db:',
        '        return jsonify(items=[r[0] for r in db.execute(text("SELECT name FROM items"))])',
      ),
      'settings.py': sqlalchemyUrl,
      ...alembicProject('settings'),
    },
  },
  {
    id: 'py-fastapi-pep621',
    route: '/ready',
    expect: { database: 'ready' },
    services: ['postgres'],
    migrates: false,
    files: {
      'pyproject.toml': pep621('catalog', ['fastapi>=0.115', 'uvicorn>=0.32', 'sqlalchemy>=2.0', 'psycopg[binary]>=3.2'], lines('[build-system]', 'requires = ["hatchling"]', 'build-backend = "hatchling.build"', '', '[tool.hatch.build.targets.wheel]', 'packages = ["src/catalog"]').trimEnd()),
      'README.md': '# catalog\n',
      'src/catalog/__init__.py': '',
      'src/catalog/db.py': sqlalchemyUrl,
      'src/catalog/main.py': lines(
        'from fastapi import FastAPI',
        'from sqlalchemy import create_engine, text',
        '',
        'from catalog.db import database_url',
        '',
        'app = FastAPI(title="catalog")',
        'engine = create_engine(database_url(), pool_pre_ping=True)',
        '',
        '',
        '@app.get("/ready")',
        'def ready():',
        '    with engine.connect() as db:',
        '        return {"database": db.execute(text("SELECT \'ready\'")).scalar()}',
      ),
    },
  },
  {
    id: 'py-fastapi-uv',
    route: '/notes',
    expect: [{ id: 1, text: 'hello' }],
    services: [],
    migrates: false,
    files: {
      'pyproject.toml': pep621('notes-api', ['fastapi>=0.115', 'uvicorn>=0.32']),
      'uv.lock': uvLock(pep621('notes-api', ['fastapi>=0.115', 'uvicorn>=0.32']), { ...PY, pytest: { version: '8.3.4' } }, ['fastapi', 'uvicorn']),
      '.python-version': '3.13\n',
      'app/__init__.py': '',
      'app/main.py': lines('from fastapi import FastAPI', '', 'app = FastAPI(title="notes")', '', '', '@app.get("/notes")', 'def notes():', '    return [{"id": 1, "text": "hello"}]'),
    },
  },
  (() => {
    const pyproject = lines(
      '[tool.poetry]',
      'name = "wiki"',
      'version = "0.1.0"',
      'description = "A wiki"',
      'authors = ["Team <team@example.com>"]',
      'package-mode = false',
      '',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'flask = "^3.1"',
      'gunicorn = "^23.0"',
      'redis = "^6.1"',
      '',
      '[tool.poetry.group.dev.dependencies]',
      'pytest = "^8.3"',
      '',
      '[build-system]',
      'requires = ["poetry-core>=2.0"]',
      'build-backend = "poetry.core.masonry.api"',
    );
    return {
      id: 'py-flask-poetry',
      route: '/hits',
      expect: { hits: 1 },
      services: ['redis'],
      migrates: false,
      files: {
        'pyproject.toml': pyproject,
        'poetry.lock': poetryLock(pyproject, PY, ['flask', 'gunicorn', 'redis']),
        'wiki/__init__.py': '',
        'wiki/app.py': lines(
          'import os',
          '',
          'import redis',
          'from flask import Flask, jsonify',
          '',
          'app = Flask(__name__)',
          'store = redis.Redis.from_url(os.environ["REDIS_URL"])',
          '',
          '',
          '@app.get("/hits")',
          'def hits():',
          '    return jsonify(hits=store.incr("hits"))',
        ),
      },
    };
  })(),
  {
    // Flask with a Celery worker on Redis (broker and result backend): the route waits for the worker's answer.
    id: 'py-flask-celery',
    route: '/sum',
    expect: { sum: 5 },
    services: ['redis'],
    migrates: false,
    workers: ['worker'],
    files: {
      'requirements.txt': lines('flask==3.1.1', 'celery[redis]==5.5.2', 'redis==6.1.0', 'gunicorn==23.0.0'),
      'tasks.py': lines(
        'import os',
        '',
        'from celery import Celery',
        '',
        'celery = Celery("jobs", broker=os.environ["REDIS_URL"], backend=os.environ["REDIS_URL"])',
        '',
        '',
        '@celery.task',
        'def add(a, b):',
        '    return a + b',
      ),
      'app.py': lines(
        'from flask import Flask, jsonify',
        '',
        'from tasks import add',
        '',
        'app = Flask(__name__)',
        '',
        '',
        '@app.get("/sum")',
        'def total():',
        '    return jsonify(sum=add.delay(2, 3).get(timeout=30))',
      ),
    },
  },
  {
    // Flask with a Celery worker on RabbitMQ (no result backend): the route asks the workers over the broker, so it needs both.
    id: 'py-flask-celery-rabbitmq',
    route: '/workers',
    expect: { workers: 1 },
    services: ['rabbitmq'],
    migrates: false,
    workers: ['worker'],
    files: {
      'requirements.txt': lines('flask==3.1.1', 'celery==5.5.2', 'gunicorn==23.0.0'),
      'jobs/__init__.py': '',
      'jobs/celery_app.py': lines(
        'import os',
        '',
        'from celery import Celery',
        '',
        'celery = Celery("jobs", broker=os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@localhost:5672//"))',
        '',
        '',
        '@celery.task',
        'def noop():',
        '    return None',
      ),
      'app.py': lines(
        'from flask import Flask, jsonify',
        '',
        'from jobs.celery_app import celery',
        '',
        'app = Flask(__name__)',
        '',
        '',
        '@app.get("/workers")',
        'def workers():',
        '    return jsonify(workers=len(celery.control.ping(timeout=5)))',
      ),
    },
  },
  (() => {
    const pipfile = lines(
      '[[source]]',
      'url = "https://pypi.org/simple"',
      'verify_ssl = true',
      'name = "pypi"',
      '',
      '[packages]',
      'django = "~=4.2"',
      'dj-database-url = "*"',
      'psycopg = {extras = ["binary"], version = "*"}',
      '',
      '[dev-packages]',
      'pytest = "*"',
      '',
      '[requires]',
      'python_version = "3.13"',
    );
    return {
      id: 'py-django-pipenv',
      route: '/notes/',
      expect: { notes: ['migrated'] },
      services: ['postgres'],
      migrates: true,
      files: { Pipfile: pipfile, 'Pipfile.lock': pipfileLock(pipfile, PY, ['django', 'dj-database-url', 'psycopg']), ...djangoProject('site1') },
    };
  })(),
  (() => {
    const pyproject = pep621('stock', ['fastapi>=0.115', 'uvicorn>=0.32']);
    return {
      id: 'py-fastapi-pdm',
      route: '/stock',
      expect: { stock: 42 },
      services: [],
      migrates: false,
      files: {
        'pyproject.toml': pyproject,
        'pdm.lock': pdmLock(pyproject, PY, ['fastapi', 'uvicorn']),
        'stock/__init__.py': '',
        'stock/api.py': lines('from fastapi import FastAPI', '', 'api = FastAPI()', '', '', '@api.get("/stock")', 'def stock():', '    return {"stock": 42}'),
      },
    };
  })(),
];
