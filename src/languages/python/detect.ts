/**
 * What a folder says about a Python app: its framework (dependencies, manage.py),
 * the client packages that reveal services (and Django's ENGINE, settings URLs),
 * the runtime version, the entry point and the port. Reads a bounded set of
 * files through the snapshot; never walks virtual environments or caches.
 */
import type { Finding, LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { healthRoute } from '../../core/toolkit.js';
import { pythonEnvReads } from './env.js';
import { findCelery } from './processes.js';
import { pickLine } from '../../core/version-range.js';
import { versions } from '../../versions.js';
import { PYTHON_LOCKFILES } from './install.js';
import { readManifests, strings, table, type PythonDependency, type PythonManifests } from './manifests.js';
import { parseSpecifier, pythonLine } from './pep440.js';

/** Frameworks we recognise but don't generate for: said in a warning, never silently treated as another. */
const OTHER_FRAMEWORKS: Readonly<Record<string, string>> = {
  starlette: 'Starlette',
  litestar: 'Litestar',
  sanic: 'Sanic',
  aiohttp: 'aiohttp',
  quart: 'Quart',
  tornado: 'Tornado',
  falcon: 'Falcon',
  bottle: 'Bottle',
  pyramid: 'Pyramid',
  'robyn': 'Robyn',
};

/** How the framework files in this provider identify themselves (kept in sync by the index's framework list). */
export interface FrameworkSignals {
  id: string;
  title: string;
  packages: readonly string[];
  /** The class an app module instantiates (`app = FastAPI(`); absent for Django. */
  appClass?: string;
}

const SKIP_DIRS = new Set(['node_modules', '.venv', 'venv', 'env', '.git', 'dist', 'build', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', 'tests', 'test', 'docs', 'migrations', 'alembic', 'static', 'templates', 'media', 'node_modules', 'htmlcov', 'site-packages']);
const MAX_SCANNED = 80;
const PROJECT_FILES = ['pyproject.toml', 'setup.py', 'requirements.txt', 'Pipfile', 'manage.py', 'package.json'];

/** Files that may hold the app object, nearest first: root modules, then the usual names inside top-level packages (and src/). */
function entryCandidates(project: ProjectSnapshot): string[] {
  const out: string[] = [];
  const names = ['main.py', 'app.py', 'application.py', 'asgi.py', 'wsgi.py', 'server.py', 'api.py', '__init__.py', 'run.py'];
  const root = project.list('') ?? [];
  for (const n of names) if (root.includes(n)) out.push(n);
  for (const n of root) if (n.endsWith('.py') && !out.includes(n) && !/^(setup|manage|conftest|noxfile|fabfile|tasks)\.py$|^test_/.test(n)) out.push(n);
  // A folder with manifests of its own is another project (a monorepo's app), not a package of this one.
  const ownProject = (d: string) => PROJECT_FILES.some((f) => (project.list(d) ?? []).includes(f));
  const packages = (dir: string) =>
    (project.list(dir) ?? [])
      .filter((e) => e.endsWith('/') && !SKIP_DIRS.has(e.slice(0, -1)) && !e.startsWith('.'))
      .map((e) => (dir ? `${dir}/${e.slice(0, -1)}` : e.slice(0, -1)))
      .filter((d) => !ownProject(d));
  // src/ is a folder of packages (src layout), unless it is a package itself (src/__init__.py).
  const srcIsPackage = project.read('src/__init__.py') !== undefined;
  const dirs = [...packages(''), ...packages('src')].filter((d) => d !== 'src' || srcIsPackage);
  for (const d of dirs) {
    const entries = project.list(d) ?? [];
    for (const n of names) if (entries.includes(n)) out.push(`${d}/${n}`);
    // One level deeper for app/api/main.py-like layouts.
    for (const sub of entries.filter((e) => e === 'api/' || e === 'app/' || e === 'core/')) {
      const deeper = project.list(`${d}/${sub.slice(0, -1)}`) ?? [];
      for (const n of ['main.py', 'app.py', '__init__.py']) if (deeper.includes(n)) out.push(`${d}/${sub}${n}`);
    }
  }
  return out.slice(0, MAX_SCANNED);
}

/** `app/main.py` -> `app.main`; `app/__init__.py` -> `app`; a src/ layout's prefix is dropped (the package is importable from src). */
export function moduleOf(file: string, project: ProjectSnapshot): string {
  let path = file.replace(/\.py$/, '').replace(/\/__init__$/, '');
  if (path.startsWith('src/') && project.read('src/__init__.py') === undefined) path = path.slice(4);
  return path.split('/').join('.');
}

/** `module:attribute` named in a server command line (gunicorn, uvicorn, hypercorn, waitress, daphne, granian). */
function serverTarget(line: string): { target: string; server: string } | undefined {
  const tokens = line.replace(/["']/g, ' ').split(/\s+/).filter(Boolean);
  const at = tokens.findIndex((t) => /(^|\/)(gunicorn|uvicorn|hypercorn|waitress-serve|daphne|granian)$/.test(t) || t === 'uvicorn.workers.UvicornWorker');
  if (at < 0) return undefined;
  const server = tokens[at]!.split('/').pop()!;
  for (const t of tokens.slice(at + 1)) {
    if (/^[A-Za-z_][\w.]*:[A-Za-z_]\w*(\(\))?$/.test(t)) return { target: t, server };
    if (t === '&&' || t === ';' || t === '|') break;
  }
  return undefined;
}

function readEnvValue(project: ProjectSnapshot, files: readonly string[], key: string): { value: string; file: string } | undefined {
  for (const file of files) {
    const text = project.read(file);
    const m = text === undefined ? null : new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=\\s*["']?([^"'\\s#]+)`, 'm').exec(text);
    if (m) return { value: m[1] as string, file };
  }
  return undefined;
}

const ENV_FILES = ['.flaskenv', '.env', '.env.example', '.env.sample', '.env.template'];

/** The module file of a dotted module name, if the folder has it. */
function moduleFile(project: ProjectSnapshot, module: string): string | undefined {
  const base = module.split('.').join('/');
  for (const candidate of [`${base}.py`, `${base}/__init__.py`, `src/${base}.py`, `src/${base}/__init__.py`]) if (project.read(candidate) !== undefined) return candidate;
  return undefined;
}

/** The app object in a module: `app = Flask(...)`, a factory (`def create_app(`), or any `app = ...`. */
function appIn(text: string, appClass: string | undefined): string | undefined {
  if (appClass) {
    const direct = new RegExp(`^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.\\[\\]]+\\s*)?=\\s*(?:[\\w.]+\\.)?${appClass}\\s*\\(`, 'm').exec(text);
    if (direct) return direct[1];
  }
  const assigned = /^(app|application)\s*=/m.exec(text);
  if (assigned) return assigned[1];
  const factory = /^def\s+(create_app|make_app)\s*\(/m.exec(text);
  if (factory) return `${factory[1]}()`;
  return undefined;
}

interface EntryFinding {
  framework?: string;
  entrypoint?: Finding<string>;
  port?: Finding<number>;
}

/** Procfile, an existing Dockerfile's CMD, uwsgi.ini, FLASK_APP, then the module that builds the app object. */
function findAppEntry(project: ProjectSnapshot, frameworks: readonly FrameworkSignals[], declared: readonly string[]): EntryFinding {
  const out: EntryFinding = {};
  const procfile = project.read('Procfile');
  const web = procfile === undefined ? undefined : /^web:\s*(.+)$/m.exec(procfile)?.[1];
  const dockerfile = project.read('Dockerfile');
  const cmd = dockerfile === undefined ? undefined : [...dockerfile.matchAll(/^\s*(?:CMD|ENTRYPOINT)\s+(.+)$/gim)].map((m) => m[1] as string).pop();
  for (const [line, file] of [[web, 'Procfile'], [cmd, 'Dockerfile']] as const) {
    if (!line) continue;
    const t = serverTarget(line);
    if (t && moduleFile(project, t.target.split(':')[0] as string)) {
      out.entrypoint = { value: t.target, evidence: `${file}: ${t.server} ${t.target}` };
      const port = /(?:--port|-p)[=\s]+(\d{2,5})\b|(?:--bind|-b)[=\s]+[\w.]*:(\d{2,5})\b/.exec(line);
      if (port) out.port = { value: Number(port[1] ?? port[2]), evidence: `${file}: ${port[0]}` };
      return out;
    }
  }
  // uWSGI's ini: `module = pkg.webapp` (or `pkg.webapp:app`), `callable = app`.
  const uwsgi = project.read('uwsgi.ini');
  const uwsgiModule = uwsgi === undefined ? undefined : /^\s*(?:module|wsgi)\s*=\s*([\w.]+)(?::(\w+))?\s*$/m.exec(uwsgi);
  if (uwsgi !== undefined && uwsgiModule && moduleFile(project, uwsgiModule[1] as string)) {
    const callable = uwsgiModule[2] ?? /^\s*callable\s*=\s*(\w+)\s*$/m.exec(uwsgi)?.[1] ?? 'application';
    out.entrypoint = { value: `${uwsgiModule[1]}:${callable}`, evidence: `uwsgi.ini: ${uwsgiModule[0].trim()}` };
    return out;
  }
  const flaskApp = readEnvValue(project, ENV_FILES, 'FLASK_APP');
  if (flaskApp) {
    const [mod = '', attr] = flaskApp.value.replace(/\.py$/, '').replace(/\//g, '.').split(':');
    const file = moduleFile(project, mod);
    const found = attr ?? (file ? appIn(project.read(file) ?? '', 'Flask') : undefined) ?? 'app';
    out.framework = 'flask';
    out.entrypoint = { value: `${mod}:${found}`, evidence: `${flaskApp.file}: FLASK_APP=${flaskApp.value}${attr || !file ? '' : ` (${found} in ${file})`}` };
    return out;
  }
  // The module that builds the app, for the declared framework first.
  const order = [...frameworks.filter((f) => declared.includes(f.id)), ...frameworks.filter((f) => !declared.includes(f.id))].filter((f) => f.appClass);
  const files = entryCandidates(project);
  for (const fw of order) {
    for (const file of files) {
      const text = project.read(file);
      if (!text || !text.includes(fw.appClass as string)) continue;
      const attr = appIn(text, fw.appClass);
      if (!attr) continue;
      out.framework = fw.id;
      out.entrypoint = { value: `${moduleOf(file, project)}:${attr}`, evidence: `${file}: ${attr.endsWith('()') ? `def ${attr.slice(0, -2)}` : `${attr} = ${fw.appClass}(...)`}` };
      return out;
    }
  }
  return out;
}

/** The top-level packages that hold Django settings (settings.py or a settings/ package), for manage.py files that compute the module. */
function settingsPackages(project: ProjectSnapshot): string[] {
  return (project.list('') ?? [])
    .filter((e) => e.endsWith('/') && !SKIP_DIRS.has(e.slice(0, -1)))
    .map((e) => e.slice(0, -1))
    .filter((d) => project.read(`${d}/settings.py`) !== undefined || project.read(`${d}/settings/__init__.py`) !== undefined);
}

/** manage.py -> DJANGO_SETTINGS_MODULE -> the project package (the one holding wsgi.py, or asgi.py for an ASGI-only project). */
export function findDjango(project: ProjectSnapshot): { entrypoint?: Finding<string>; settingsFiles: string[]; settingsModule?: string; rootUrlconf?: string } {
  const manage = project.read('manage.py') ?? '';
  let settings = /DJANGO_SETTINGS_MODULE["']?\s*,\s*["']([\w.]+)["']/.exec(manage)?.[1];
  let how = `manage.py: DJANGO_SETTINGS_MODULE=${settings}`;
  if (!settings) {
    // The module is computed (from the environment, say): the one package that holds settings.
    const only = settingsPackages(project);
    if (only.length !== 1) return { settingsFiles: [] };
    settings = project.read(`${only[0]}/settings.py`) !== undefined ? `${only[0]}.settings` : `${only[0]}.settings.base`;
    how = `${only[0]}/ holds the settings`;
  }
  const parts = settings.split('.');
  const settingsPath = parts.join('/');
  const settingsFiles = [`${settingsPath}.py`, ...(project.list(settingsPath) ?? []).filter((n) => n.endsWith('.py')).map((n) => `${settingsPath}/${n}`)]
    .concat(parts.length > 2 ? (project.list(parts.slice(0, -1).join('/')) ?? []).filter((n) => n.endsWith('.py')).map((n) => `${parts.slice(0, -1).join('/')}/${n}`) : [])
    .filter((f, i, all) => all.indexOf(f) === i && project.read(f) !== undefined)
    .slice(0, 20);
  const rootUrlconf = settingsFiles.map((f) => /^ROOT_URLCONF\s*=\s*["']([\w.]+)["']/m.exec(project.read(f) ?? '')?.[1]).find(Boolean);
  // The production settings the image should run with, when the settings are a package with one.
  const pkgDir = parts.length > 2 ? parts.slice(0, -1).join('/') : undefined;
  const prod = pkgDir ? ['production', 'prod'].find((n) => project.read(`${pkgDir}/${n}.py`) !== undefined) : undefined;
  const settingsModule = prod && pkgDir ? `${pkgDir.split('/').join('.')}.${prod}` : undefined;
  const base = { settingsFiles, ...(settingsModule ? { settingsModule } : {}), ...(rootUrlconf ? { rootUrlconf } : {}) };
  for (const f of settingsFiles) {
    const text = project.read(f) ?? '';
    const wsgi = /^WSGI_APPLICATION\s*=\s*["']([\w.]+)\.wsgi\.application["']/m.exec(text)?.[1];
    if (wsgi && project.read(`${wsgi.split('.').join('/')}/wsgi.py`) !== undefined) {
      return { ...base, entrypoint: { value: wsgi, evidence: `${f}: WSGI_APPLICATION = "${wsgi}.wsgi.application"` } };
    }
  }
  // No usable WSGI_APPLICATION: the package of the settings, with its wsgi.py (or asgi.py: an ASGI-only project runs on uvicorn).
  for (let n = parts.length - 1; n >= 1; n--) {
    const dir = parts.slice(0, n).join('/');
    const pkg = parts.slice(0, n).join('.');
    if (project.read(`${dir}/wsgi.py`) !== undefined) return { ...base, entrypoint: { value: pkg, evidence: `${how}; ${dir}/wsgi.py` } };
    if (project.read(`${dir}/asgi.py`) !== undefined) return { ...base, entrypoint: { value: `${pkg}.asgi:application`, evidence: `${how}; ${dir}/asgi.py (no wsgi.py: ASGI)` } };
  }
  return base;
}

/** Paths a module declares on its app object (`@app.get("/health")`, `@app.route("/ping")`, inside a factory too), with the file. */
function appRoutes(project: ProjectSnapshot, file: string, attribute: string, appClass: string | undefined): Array<{ path: string; file: string }> {
  const text = project.read(file) ?? '';
  const names = new Set([attribute.replace(/\(\)$/, '')]);
  if (appClass) for (const m of text.matchAll(new RegExp(`^\\s*([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:[\\w.]+\\.)?${appClass}\\s*\\(`, 'gm'))) names.add(m[1] as string);
  const out: Array<{ path: string; file: string }> = [];
  for (const name of names) {
    for (const m of text.matchAll(new RegExp(`@${name}\\.(?:get|head|route|api_route)\\(\\s*["']([^"']+)["']`, 'g'))) out.push({ path: m[1] as string, file });
  }
  return out;
}

/** Paths a Django URLconf declares (`path("healthz/", ...)`), and django-health-check's include. */
function djangoRoutes(project: ProjectSnapshot, urlconf: string | undefined): Array<{ path: string; file: string }> {
  if (!urlconf) return [];
  const file = `${urlconf.split('.').join('/')}.py`;
  const text = project.read(file) ?? '';
  const out: Array<{ path: string; file: string }> = [];
  for (const m of text.matchAll(/\b(?:re_)?path\(\s*r?["']\^?([^"'$]*)\$?["']\s*,\s*(include\(\s*["']health_check\.urls["'])?/g)) {
    out.push({ path: m[1] as string, file: m[2] ? `${file} (django-health-check)` : file });
    // django-health-check serves its page at the include's path, whatever it is called.
    if (m[2]) out.push({ path: `${m[1]}health`, file: `${file} (django-health-check)` });
  }
  return out;
}

/** What the image needs to know about a Django project's settings: the production module, and whether static files can be collected. */
export function djangoSettings(project: ProjectSnapshot): { settingsModule?: string; staticFiles: boolean; staticRoot: boolean } {
  const dj = findDjango(project);
  const text = dj.settingsFiles.map((f) => project.read(f) ?? '').join('\n');
  // collectstatic comes with django.contrib.staticfiles, and writes to STATIC_ROOT.
  const staticFiles = /["']django\.contrib\.staticfiles["']/.test(text);
  const staticRoot = /^STATIC_ROOT\s*=/m.test(text);
  return { ...(dj.settingsModule ? { settingsModule: dj.settingsModule } : {}), staticFiles, staticRoot: staticFiles && staticRoot };
}

/** Services a Django project names in its settings (DATABASES ENGINE, CACHES BACKEND, a Celery broker URL). */
function djangoServices(project: ProjectSnapshot, files: readonly string[]): Finding<string>[] {
  const out: Finding<string>[] = [];
  for (const f of files) {
    const text = project.read(f) ?? '';
    const engine = /["']ENGINE["']\s*:\s*["']django\.db\.backends\.(postgresql(?:_psycopg2)?|mysql)["']/.exec(text);
    if (engine) out.push({ value: engine[1]!.startsWith('postgres') ? 'postgres' : 'mysql', evidence: `${f}: ENGINE django.db.backends.${engine[1]}` });
    const cache = /["']BACKEND["']\s*:\s*["']([\w.]*(?:[Rr]edis|[Mm]emcache)[\w.]*)["']/.exec(text);
    if (cache) out.push({ value: /redis/i.test(cache[1] as string) ? 'redis' : 'memcached', evidence: `${f}: CACHES BACKEND ${cache[1]}` });
  }
  return out;
}

/** postgresql://, redis://, amqp:// written in the files that configure the app. */
function schemesIn(project: ProjectSnapshot, files: readonly string[]): Array<{ scheme: string; evidence: string }> {
  const out: Array<{ scheme: string; evidence: string }> = [];
  for (const f of files) {
    const text = project.read(f);
    if (!text) continue;
    for (const m of text.matchAll(/["'`]([a-z][a-z0-9+]*):\/\/(?![\s"'`])/g)) {
      const scheme = m[1] as string;
      if (!/^(https?|file|ftp|s3|gs|ws|wss|smtp|sqlite)$/.test(scheme)) out.push({ scheme, evidence: `${f}: ${scheme}://...` });
    }
  }
  return out;
}

const runtime = versions.runtimes.python;

/** The Python line to build, from pins (.python-version, runtime.txt, .tool-versions) or the project's requires-python. */
function findRuntime(project: ProjectSnapshot, m: PythonManifests, repository: ProjectSnapshot | undefined): { found?: Finding<string>; problem?: string } {
  const pins: Array<[string, RegExp]> = [
    ['.python-version', /^\s*(?:cpython-|python-?)?(\d+\.\d+)/m],
    ['runtime.txt', /^\s*python-(\d+\.\d+)/m],
    ['.tool-versions', /^\s*python\s+(\d+\.\d+)/m],
  ];
  const supported: readonly string[] = runtime.supported;
  // The app folder's pins, then the repository root's ("/" marks evidence from the root).
  const places: Array<[ProjectSnapshot, string]> = [[project, ''], ...(repository ? ([[repository, '/']] as Array<[ProjectSnapshot, string]>) : [])];
  for (const [where, label] of places) for (const [file, re] of pins) {
    const text = where.read(file);
    const v = text === undefined ? undefined : re.exec(text)?.[1];
    if (!v) continue;
    if (supported.includes(v)) return { found: { value: v, evidence: `${label}${file}: ${v}` } };
    return { problem: `${label.slice(1)}${file} asks for Python ${v}, which no image here serves (supported: ${supported.join(', ')}); set "runtimeVersion" to one of these, or change ${file}` };
  }
  if (m.requiresPython) {
    const range = parseSpecifier(m.requiresPython.spec);
    if (!range) return {};
    const v = pickLine(supported, runtime.default, range, pythonLine);
    if (v) return { found: { value: v, evidence: `${m.requiresPython.file} = "${m.requiresPython.spec}"` } };
    return { problem: `${m.requiresPython.file} = "${m.requiresPython.spec}" allows none of the Python versions we build (${supported.join(', ')}); set "runtimeVersion" to one of these` };
  }
  return {};
}

/** The installer: a lockfile decides (uv, Poetry, PDM, Pipenv), else pip from requirements files or pyproject.toml. */
function findInstaller(project: ProjectSnapshot, m: PythonManifests): { found?: Finding<string>; problem?: string; warnings: string[] } {
  const warnings: string[] = [];
  const locks = (['uv', 'poetry', 'pdm', 'pipenv'] as const).filter((i) => project.read(PYTHON_LOCKFILES[i]) !== undefined);
  if (locks.length) {
    const chosen = locks[0] as keyof typeof PYTHON_LOCKFILES;
    if (locks.length > 1) warnings.push(`${locks.map((l) => PYTHON_LOCKFILES[l]).join(' and ')} are all here: using ${PYTHON_LOCKFILES[chosen]}; delete the stale one, or set "packageManager"`);
    return { found: { value: chosen, evidence: PYTHON_LOCKFILES[chosen] }, warnings };
  }
  if (m.pipfile) return { problem: 'Pipfile without Pipfile.lock: run `pipenv lock` and commit Pipfile.lock (the image installs exactly what it pins), or set "packageManager" to "pip" with a requirements file', warnings };
  const tool = table(table(m.pyproject).tool);
  const pep621 = Array.isArray(table(m.pyproject?.project).dependencies);
  if (m.requirementsFile) return { found: { value: 'pip', evidence: m.requirementsFile }, warnings };
  if (tool.poetry && !pep621 && Object.keys(table(table(tool.poetry).dependencies)).length) {
    return { problem: 'pyproject.toml declares its dependencies for Poetry, but there is no poetry.lock: run `poetry lock` and commit it', warnings };
  }
  if (m.found.length) return { found: { value: 'pip', evidence: m.found[0] as string }, warnings };
  return { warnings };
}

const first = (deps: readonly PythonDependency[], names: readonly string[]) => deps.find((d) => names.includes(d.name));
const say = (d: PythonDependency) => `${d.file}: ${d.text}`;

/** Reads a folder; undefined when it holds no Python project. */
export function detectPythonWith(frameworks: readonly FrameworkSignals[], project: ProjectSnapshot, repository?: ProjectSnapshot): LanguageDetection | undefined {
  const m = readManifests(project);
  const hasManage = project.read('manage.py') !== undefined;
  if (!m.found.length && !hasManage) return undefined;
  const main = m.dependencies.filter((d) => !d.dev);
  const warnings = [...m.warnings];
  const found: LanguageDetection = { confidence: 1, evidence: m.found[0] ?? 'manage.py', packages: [], warnings };

  // Each declared package, and each with its extras ("celery[redis]"), for services to recognise.
  found.packages = main.flatMap((d) => [{ name: d.name, evidence: say(d) }, ...d.extras.map((e) => ({ name: `${d.name}[${e}]`, evidence: say(d) }))]);

  const declared = frameworks.filter((f) => first(main, f.packages));
  const django = frameworks.find((f) => f.id === 'django');
  const entry = findAppEntry(project, frameworks, declared.map((f) => f.id));
  let framework: FrameworkSignals | undefined;
  let why = '';
  if (hasManage && django) {
    framework = django;
    const dep = first(main, django.packages);
    why = `manage.py${dep ? `; ${say(dep)}` : ''}`;
  } else if (entry.framework && (declared.length === 0 || declared.some((f) => f.id === entry.framework))) {
    framework = frameworks.find((f) => f.id === entry.framework);
    const dep = framework && first(main, framework.packages);
    why = dep ? say(dep) : (entry.entrypoint?.evidence ?? '');
  } else if (declared[0]) {
    framework = declared[0];
    why = say(first(main, framework.packages) as PythonDependency);
  }
  if (declared.length > 1 && framework) {
    warnings.push(`several frameworks are declared (${declared.map((f) => f.title).join(', ')}): using ${framework.title}; set "framework" to choose`);
  }
  for (const d of main) {
    const other = OTHER_FRAMEWORKS[d.name];
    if (other && !framework) warnings.push(`${other} found (${say(d)}): not a framework the generator writes for (${frameworks.map((f) => f.title).join(', ')})`);
  }

  const configFiles = ['config.py', 'settings.py', 'app/config.py', 'app/core/config.py', 'app/settings.py', 'src/config.py', 'core/config.py'].filter((f) => project.read(f) !== undefined);
  if (framework) {
    found.confidence = 2;
    found.framework = { value: framework.id, evidence: why };
    let routes: Array<{ path: string; file: string }> = [];
    if (framework.id === 'django') {
      const dj = findDjango(project);
      if (dj.entrypoint) found.entrypoint = dj.entrypoint;
      found.services = djangoServices(project, dj.settingsFiles);
      found.schemes = schemesIn(project, [...dj.settingsFiles, ...configFiles]);
      routes = djangoRoutes(project, dj.rootUrlconf);
    } else {
      if (entry.entrypoint && (!entry.framework || entry.framework === framework.id)) {
        found.entrypoint = entry.entrypoint;
        const [mod = '', attr = 'app'] = entry.entrypoint.value.split(':');
        const file = moduleFile(project, mod);
        if (file) routes = appRoutes(project, file, attr, framework.appClass);
      }
      if (entry.port) found.port = entry.port;
      found.schemes = schemesIn(project, configFiles);
    }
    const health = healthRoute(routes);
    if (health) found.healthPath = { value: health.path, evidence: `${health.file}: a route for ${health.path}` };
    const entryFile = found.entrypoint ? moduleFile(project, found.entrypoint.value.split(':')[0] as string) : undefined;
    const named = framework.id === 'django' ? findDjango(project).settingsFiles : [];
    // The Celery app's module configures the broker (its URL, often from the environment with a default).
    const celeryFile = findCelery(project)?.file;
    const read = [...named, ...(entryFile ? [entryFile] : []), ...(celeryFile ? [celeryFile] : [])];
    const more = read.filter((f) => !configFiles.includes(f) && !named.includes(f));
    if (more.length) found.schemes = [...(found.schemes ?? []), ...schemesIn(project, more)];
    const env = pythonEnvReads(project, read);
    if (env.length) found.env = env;
  }
  if (!found.port) {
    const port = readEnvValue(project, ['.env.example', '.env.sample', '.env.template'], 'PORT');
    if (port && /^\d{2,5}$/.test(port.value)) found.port = { value: Number(port.value), evidence: `${port.file}: PORT=${port.value}` };
  }

  // A uv workspace root lists its projects: the app is one of them.
  const members = strings(table(table(table(table(m.pyproject).tool).uv).workspace).members);
  if (members.length) found.workspaces = members;
  const installer = findInstaller(project, m);
  if (installer.found) found.packageManager = installer.found;
  warnings.push(...installer.warnings);
  const rt = findRuntime(project, m, repository);
  if (rt.found) found.runtimeVersion = rt.found;
  const problems = [
    ...(installer.problem ? [{ key: 'packageManager' as const, message: installer.problem }] : []),
    ...(rt.problem ? [{ key: 'runtimeVersion' as const, message: rt.problem }] : []),
  ];
  if (problems.length) found.problems = problems;
  return found;
}
