import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../core/project.js';
import { pickLine } from '../../core/version-range.js';
import { python } from './index.js';
import { parseRequirement, readManifests } from './manifests.js';
import { parseSpecifier, pythonLine } from './pep440.js';

const detect = (files: Record<string, string>, root?: Record<string, string>) => python.detect(snapshotOf(files), root ? snapshotOf(root) : undefined);
const deps = (files: Record<string, string>) => readManifests(snapshotOf(files)).dependencies.map((d) => `${d.name}${d.extras.length ? `[${d.extras.join(',')}]` : ''}${d.dev ? ' (dev)' : ''} <- ${d.file}`);

describe('requirements', () => {
  it('reads a requirement line in every spelling', () => {
    expect(parseRequirement('Django>=5.1')).toEqual({ name: 'django', extras: [] });
    expect(parseRequirement('psycopg[binary,pool] ==3.2 ; python_version >= "3.11"')).toEqual({ name: 'psycopg', extras: ['binary', 'pool'] });
    expect(parseRequirement('Flask_SQLAlchemy==3.1.1')).toEqual({ name: 'flask-sqlalchemy', extras: [] });
    expect(parseRequirement('django-push @ git+https://github.com/x/y.git')).toEqual({ name: 'django-push', extras: [] });
    expect(parseRequirement('--hash=sha256:abc')).toBeUndefined();
  });

  it('follows -r includes recursively, relative to the including file, and says how each was reached', () => {
    const files = {
      'requirements.txt': '-r requirements/production.txt\n',
      'requirements/production.txt': '-r base.txt\ngunicorn==23.0.0\n',
      'requirements/base.txt': 'Django==5.1  # the framework\n-c ../constraints.txt\n',
      'constraints.txt': 'sqlparse==0.5.0\n',
    };
    expect(deps(files)).toEqual([
      'django <- requirements/base.txt (via -r from requirements/production.txt)',
      'gunicorn <- requirements/production.txt (via -r from requirements.txt)',
    ]);
    expect(readManifests(snapshotOf(files)).requirementsFiles).toEqual(['requirements.txt', 'requirements/production.txt', 'requirements/base.txt', 'constraints.txt']);
  });

  it('reads --hash mode, continuation lines, editable eggs, and survives include cycles and missing files', () => {
    const files = {
      'requirements.txt': 'fastapi==0.115.6 \\\n    --hash=sha256:aaa \\\n    --hash=sha256:bbb\n-e git+https://example.com/lib.git#egg=my_lib\n-r more.txt\n-r missing.txt\n',
      'more.txt': '-r requirements.txt\nredis==5.2.1\n',
    };
    const m = readManifests(snapshotOf(files));
    expect(m.dependencies.map((d) => `${d.name}: ${d.text}`)).toEqual(['fastapi: fastapi==0.115.6', 'my-lib: -e git+https://example.com/lib.git#egg=my_lib', 'redis: redis==5.2.1']);
    expect(m.warnings).toEqual(['-r from requirements.txt includes missing.txt, which is missing']);
  });

  it('picks the production file of a requirements/ folder', () => {
    const m = readManifests(snapshotOf({ 'requirements/local.txt': 'pytest\n', 'requirements/production.txt': 'django\n', 'requirements/base.txt': 'x\n' }));
    expect(m.requirementsFile).toBe('requirements/production.txt');
  });
});

describe('pyproject.toml, Pipfile, setup.py, setup.cfg', () => {
  it('reads PEP 621 dependencies, optional dependencies and dependency groups (those as dev)', () => {
    const pyproject = '[project]\nname = "x"\nrequires-python = ">=3.11"\ndependencies = ["fastapi[standard]>=0.115", "asyncpg"]\n[project.optional-dependencies]\ntest = ["pytest"]\n[dependency-groups]\ndev = ["ruff"]\n';
    expect(deps({ 'pyproject.toml': pyproject })).toEqual([
      'fastapi[standard] <- pyproject.toml [project.dependencies]',
      'asyncpg <- pyproject.toml [project.dependencies]',
      'pytest (dev) <- pyproject.toml [project.optional-dependencies.test]',
      'ruff (dev) <- pyproject.toml [dependency-groups.dev]',
    ]);
    expect(readManifests(snapshotOf({ 'pyproject.toml': pyproject })).requiresPython).toEqual({ spec: '>=3.11', file: 'pyproject.toml requires-python' });
  });

  it('reads Poetry tables (groups as dev, python as the version) and PDM dev dependencies', () => {
    const pyproject = '[tool.poetry.dependencies]\npython = "^3.12"\nDjango = "^5.1"\nuvicorn = { extras = ["standard"], version = "^0.32" }\n[tool.poetry.group.dev.dependencies]\npytest = "^8"\n[tool.pdm.dev-dependencies]\nlint = ["ruff"]\n';
    const m = readManifests(snapshotOf({ 'pyproject.toml': pyproject }));
    expect(m.dependencies.map((d) => `${d.name}${d.extras.length ? `[${d.extras}]` : ''}${d.dev ? ' (dev)' : ''}`)).toEqual(['django', 'uvicorn[standard]', 'pytest (dev)', 'ruff (dev)']);
    expect(m.requiresPython?.spec).toBe('^3.12');
  });

  it('reads Pipfile packages and its python_version', () => {
    const m = readManifests(snapshotOf({ Pipfile: '[packages]\nflask = "*"\npsycopg = {extras = ["binary"], version = "*"}\n[dev-packages]\npytest = "*"\n[requires]\npython_version = "3.11"\n' }));
    expect(m.dependencies.map((d) => `${d.name}${d.dev ? ' (dev)' : ''}`)).toEqual(['flask', 'psycopg', 'pytest (dev)']);
    expect(m.requiresPython).toEqual({ spec: '==3.11', file: 'Pipfile [requires]' });
  });

  it('reads install_requires of setup.py and setup.cfg', () => {
    expect(deps({ 'setup.py': 'setup(name="x", install_requires=["Flask>=2", \'redis\'], python_requires=">=3.12")\n' })).toEqual(['flask <- setup.py install_requires', 'redis <- setup.py install_requires']);
    expect(deps({ 'setup.cfg': '[metadata]\nname = x\n\n[options]\ninstall_requires =\n    Django>=4.2\n    gunicorn\npython_requires = >=3.11\n\n[options.extras_require]\ntest = pytest\n' })).toEqual([
      'django <- setup.cfg [options] install_requires',
      'gunicorn <- setup.cfg [options] install_requires',
    ]);
  });

  it('says when a TOML file can not be read, instead of failing', () => {
    expect(readManifests(snapshotOf({ 'pyproject.toml': '[project\nname = ' })).warnings[0]).toMatch(/^pyproject\.toml is not valid TOML/);
  });
});

describe('Python version specifiers', () => {
  const supported = ['3.11', '3.12', '3.13', '3.14'];
  const pick = (spec: string) => {
    const range = parseSpecifier(spec);
    return range && pickLine(supported, '3.13', range, pythonLine);
  };
  it.each([
    ['>=3.10', '3.13'],
    ['>=3.10,<3.13', '3.12'],
    ['==3.12.*', '3.12'],
    ['^3.11', '3.13'],
    ['~3.11', '3.11'],
    ['~=3.11', '3.13'],
    ['~=3.11.2', '3.11'],
    ['>=3.14,<4.0', '3.14'],
    ['==3.12', '3.12'],
    ['>=3.8, !=3.9.*', '3.13'],
    ['*', '3.13'],
    ['<3.11', undefined],
    ['>=3.15', undefined],
  ])('%s -> %s', (spec, line) => {
    expect(pick(spec)).toBe(line);
  });
});

describe('detecting a Python app', () => {
  it('is nothing without a Python manifest or manage.py', () => {
    expect(detect({ 'main.py': 'print(1)\n' })).toBeUndefined();
  });

  it('finds the framework in the dependencies, and the app object in the usual modules', () => {
    const d = detect({ 'requirements.txt': 'fastapi\n', 'src/shop/api.py': 'from fastapi import FastAPI\nserver: FastAPI = FastAPI()\n' });
    expect(d?.framework).toEqual({ value: 'fastapi', evidence: 'requirements.txt: fastapi' });
    expect(d?.entrypoint).toEqual({ value: 'shop.api:server', evidence: 'src/shop/api.py: server = FastAPI(...)' });
    expect(d?.confidence).toBe(2);
  });

  it('takes the entry point from the Procfile, and its port', () => {
    const d = detect({ 'requirements.txt': 'flask\ngunicorn\n', Procfile: 'web: gunicorn --bind 0.0.0.0:5000 wiki.app:create_app()\n', 'wiki/__init__.py': '', 'wiki/app.py': 'x = 1\n' });
    expect(d?.entrypoint).toEqual({ value: 'wiki.app:create_app()', evidence: 'Procfile: gunicorn wiki.app:create_app()' });
    expect(d?.port).toEqual({ value: 5000, evidence: 'Procfile: --bind 0.0.0.0:5000' });
  });

  it("reads uwsgi.ini's module and callable (the module that imports the routes, not the package that builds the app)", () => {
    const files = { 'requirements.txt': 'Flask\n', 'hello_app/__init__.py': 'import flask\napp = flask.Flask(__name__)\n', 'hello_app/webapp.py': 'from . import app\nfrom . import views\n' };
    expect(detect({ ...files, 'uwsgi.ini': '[uwsgi]\nmodule = hello_app.webapp\ncallable = app\n' })?.entrypoint).toEqual({ value: 'hello_app.webapp:app', evidence: 'uwsgi.ini: module = hello_app.webapp' });
    expect(detect({ ...files, 'uwsgi.ini': '[uwsgi]\nmodule = hello_app.webapp:app\n' })?.entrypoint?.value).toBe('hello_app.webapp:app');
    // A module that is not there is not an entry point.
    expect(detect({ ...files, 'uwsgi.ini': '[uwsgi]\nmodule = gone.wsgi\n' })?.entrypoint?.value).not.toBe('gone.wsgi:application');
  });

  it('reads FLASK_APP (a file, or module:attribute) and finds a factory', () => {
    expect(detect({ 'requirements.txt': 'Flask\n', '.flaskenv': 'FLASK_APP=blog.py\n', 'blog.py': 'from app import create_app\napp = create_app()\n' })?.entrypoint?.value).toBe('blog:app');
    expect(detect({ 'requirements.txt': 'Flask\n', '.env': 'FLASK_APP="api:make()"\n' })?.entrypoint?.value).toBe('api:make()');
    expect(detect({ 'requirements.txt': 'Flask\n', 'site/__init__.py': 'from flask import Flask\n\ndef create_app():\n    return Flask(__name__)\n' })?.entrypoint?.value).toBe('site:create_app()');
  });

  it('uses the module that builds the app to tell two declared frameworks apart', () => {
    const d = detect({ 'requirements.txt': 'fastapi\nflask\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' });
    expect(d?.framework?.value).toBe('flask');
    expect(d?.warnings).toContain('several frameworks are declared (FastAPI, Flask): using Flask; set "framework" to choose');
  });

  it('finds Django from manage.py, its project package from WSGI_APPLICATION, and its database and cache from settings', () => {
    const d = detect({
      'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings.dev")\n',
      'core/settings/base.py': 'WSGI_APPLICATION = "core.wsgi.application"\nDATABASES = {"default": {"ENGINE": "django.db.backends.mysql"}}\nCACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}\n',
      'core/settings/dev.py': 'from .base import *\n',
      'core/wsgi.py': '',
    });
    expect(d?.framework).toEqual({ value: 'django', evidence: 'manage.py' });
    expect(d?.entrypoint).toEqual({ value: 'core', evidence: 'core/settings/base.py: WSGI_APPLICATION = "core.wsgi.application"' });
    expect(d?.services).toEqual([
      { value: 'mysql', evidence: 'core/settings/base.py: ENGINE django.db.backends.mysql' },
      { value: 'redis', evidence: 'core/settings/base.py: CACHES BACKEND django.core.cache.backends.redis.RedisCache' },
    ]);
  });

  it('names extras as packages too (celery[redis] reveals Redis) and leaves dev dependencies out', () => {
    const d = detect({ 'pyproject.toml': '[project]\ndependencies = ["celery[redis]"]\n[dependency-groups]\ndev = ["psycopg"]\n' });
    expect(d?.packages.map((p) => p.name)).toEqual(['celery', 'celery[redis]']);
  });

  it('warns about a framework it does not write for', () => {
    expect(detect({ 'requirements.txt': 'sanic==24.6\n' })?.warnings).toEqual(['Sanic found (requirements.txt: sanic==24.6): not a framework the generator writes for (FastAPI, Flask, Django)']);
  });

  it('reads the runtime version from pins first, then requires-python; an unserved one is a problem, not a guess', () => {
    expect(detect({ 'requirements.txt': 'flask\n', 'runtime.txt': 'python-3.12.7\n' })?.runtimeVersion).toEqual({ value: '3.12', evidence: 'runtime.txt: 3.12' });
    expect(detect({ 'pyproject.toml': '[project]\nrequires-python = ">=3.11,<3.13"\n', '.tool-versions': 'nodejs 22.1.0\npython 3.11.9\n' })?.runtimeVersion?.value).toBe('3.11');
    expect(detect({ 'pyproject.toml': '[project]\nrequires-python = "<3.10"\n' })?.problems).toEqual([
      { key: 'runtimeVersion', message: 'pyproject.toml requires-python = "<3.10" allows none of the Python versions we build (3.11, 3.12, 3.13, 3.14); set "runtimeVersion" to one of these' },
    ]);
    // A monorepo's app folder without a pin of its own: the repository root's.
    expect(detect({ 'requirements.txt': 'flask\n' }, { '.python-version': '3.14\n' })?.runtimeVersion).toEqual({ value: '3.14', evidence: '/.python-version: 3.14' });
  });

  it('does not scan into a folder that is a project of its own', () => {
    const d = detect({ 'pyproject.toml': '[tool.uv.workspace]\nmembers = ["api"]\n', 'api/pyproject.toml': '[project]\n', 'api/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' });
    expect(d?.framework).toBeUndefined();
    expect(d?.workspaces).toEqual(['api']);
  });

  it("finds the app's own health route: on the app object (in a factory too), or in Django's URLconf", () => {
    const fastapi = detect({ 'requirements.txt': 'fastapi\n', 'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/items")\ndef items(): ...\n\n@app.get("/healthz")\ndef healthz(): ...\n' });
    expect(fastapi?.healthPath).toEqual({ value: '/healthz', evidence: 'main.py: a route for /healthz' });
    const factory = detect({ 'requirements.txt': 'flask\n', 'web/__init__.py': 'from flask import Flask\n\ndef create_app():\n    api = Flask(__name__)\n\n    @api.route("/api/ping")\n    def ping(): ...\n    return api\n' });
    expect(factory?.healthPath?.value).toBe('/api/ping');
    const dj = detect({
      'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site1.settings")\n',
      'site1/settings.py': 'ROOT_URLCONF = "site1.urls"\n',
      'site1/wsgi.py': '',
      'site1/urls.py': 'urlpatterns = [path("admin/", admin.site.urls), path("status/", views.status), path("ht/", include("health_check.urls"))]\n',
    });
    expect(dj?.healthPath).toEqual({ value: '/ht/health', evidence: 'site1/urls.py (django-health-check): a route for /ht/health' });
  });

  it('leaves routers it can not place (an APIRouter mounted with a prefix) to the fallback check', () => {
    const d = detect({ 'requirements.txt': 'fastapi\n', 'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n', 'app/api.py': 'router = APIRouter()\n@router.get("/health")\ndef h(): ...\n' });
    expect(d?.healthPath).toBeUndefined();
  });

  it('finds an ASGI-only Django project, and one whose manage.py computes the settings module', () => {
    expect(detect({ 'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n', 'shop/settings.py': '', 'shop/asgi.py': '' })?.entrypoint).toEqual({
      value: 'shop.asgi:application',
      evidence: 'manage.py: DJANGO_SETTINGS_MODULE=shop.settings; shop/asgi.py (no wsgi.py: ASGI)',
    });
    expect(detect({ 'manage.py': 'settings = "proj.production" if os.environ.get("PROD") else "proj.settings"\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)\n', 'proj/settings.py': '', 'proj/wsgi.py': '' })?.entrypoint?.value).toBe('proj');
  });

  it('chooses the installer from the lockfile, else pip; a Pipfile without its lock is a problem', () => {
    expect(detect({ 'pyproject.toml': '[project]\n', 'uv.lock': '' })?.packageManager).toEqual({ value: 'uv', evidence: 'uv.lock' });
    expect(detect({ 'pyproject.toml': '[tool.poetry.dependencies]\nflask = "*"\n', 'poetry.lock': '' })?.packageManager?.value).toBe('poetry');
    expect(detect({ Pipfile: '[packages]\nflask = "*"\n', 'Pipfile.lock': '{}' })?.packageManager?.value).toBe('pipenv');
    expect(detect({ 'pyproject.toml': '[project]\n', 'pdm.lock': '' })?.packageManager?.value).toBe('pdm');
    expect(detect({ 'requirements.txt': 'flask\n' })?.packageManager).toEqual({ value: 'pip', evidence: 'requirements.txt' });
    expect(detect({ Pipfile: '[packages]\nflask = "*"\n' })?.problems?.[0]?.message).toMatch(/^Pipfile without Pipfile\.lock: run `pipenv lock`/);
  });
});
