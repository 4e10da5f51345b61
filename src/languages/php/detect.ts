/**
 * What a folder says about a PHP app: composer.json and composer.lock (the
 * framework, the PHP version, the extensions, the packages that reveal the
 * services), the front controller (index.php at the root or in public/), the
 * health route (Laravel's `health:` option, routes/web.php, Symfony's routes,
 * a health script), and the variables its configuration reads (Laravel's
 * env() calls, Symfony's %env()% and .env defaults). Bounded reads through
 * the snapshot; never vendor/.
 */
import type { EnvRead, Finding, LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { healthRoute } from '../../core/toolkit.js';
import { pickLine } from '../../core/version-range.js';
import { versions } from '../../versions.js';
import { extensionRequirements, packageNames, parseConstraint, readComposer, type ComposerProject } from './composer.js';
import type { PhpFramework } from './framework.js';

const runtime = versions.runtimes.php;

/** The PHP image line for composer.json's platform pin, else its require.php constraint. */
export function findRuntime(c: ComposerProject): { found?: Finding<string>; problem?: string } {
  const line = (v: string) => {
    const [major, minor] = v.split('.').map(Number) as [number, number];
    return { from: [major, minor, 0], to: [major, minor + 1, 0] };
  };
  const supported = runtime.supported as readonly string[];
  if (c.platformPhp) {
    const m = /^(\d+)\.(\d+)/.exec(c.platformPhp);
    const v = m ? `${m[1]}.${m[2]}` : undefined;
    if (v && supported.includes(v)) return { found: { value: v, evidence: `composer.json: config.platform.php "${c.platformPhp}" (Composer resolves the dependencies for it)` } };
    if (v) return { problem: `composer.json's config.platform.php is "${c.platformPhp}", a PHP line we have no image for (${supported.join(', ')}); set "runtimeVersion" to one of these, or change the pin` };
  }
  const constraint = c.require.php;
  if (!constraint) return {};
  const range = parseConstraint(constraint);
  if (!range) return { problem: `composer.json's require.php "${constraint}" is not a version constraint we can read; set "runtimeVersion" (${supported.join(', ')})` };
  const v = pickLine(supported, runtime.default, range, line);
  if (v) return { found: { value: v, evidence: `composer.json: "php": "${constraint}"${v === runtime.default ? '' : ` (the newest line it allows)`}` } };
  return { problem: `composer.json's require.php "${constraint}" allows none of the PHP images we build with (${supported.join(', ')}); set "runtimeVersion" to one of these, or change the constraint` };
}

/** The document root: public/ when it holds index.php, else the app's folder when it does. */
function findDocroot(project: ProjectSnapshot): Finding<string> | undefined {
  if (project.read('public/index.php') !== undefined) return { value: 'public', evidence: 'public/index.php: the front controller' };
  if (project.read('index.php') !== undefined) return { value: '.', evidence: 'index.php at the root' };
  return undefined;
}

/** PHP files of a folder (not below it), bounded. */
function phpFiles(project: ProjectSnapshot, dir: string, max = 40): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const e of project.list(dir) ?? []) {
    if (!e.endsWith('.php')) continue;
    const path = dir ? `${dir}/${e}` : e;
    const text = project.read(path);
    if (text !== undefined) out.push({ path, text });
    if (out.length >= max) break;
  }
  return out;
}

/** The health route a Laravel, Symfony or plain app declares. */
function findHealth(project: ProjectSnapshot, fw: PhpFramework | undefined, root: string | undefined): Finding<string> | undefined {
  const routes: Array<{ path: string; file: string }> = [];
  if (fw?.id === 'laravel') {
    const m = /\bhealth\s*:\s*['"](\/[^'"]*)['"]/.exec(project.read('bootstrap/app.php') ?? '');
    if (m) return { value: m[1] as string, evidence: `bootstrap/app.php: health: '${m[1]}' (Laravel's health route)` };
    for (const file of ['routes/web.php', 'routes/api.php']) {
      const prefix = file === 'routes/api.php' ? '/api' : '';
      for (const r of (project.read(file) ?? '').matchAll(/Route::(?:get|any|match\([^)]*\))\s*\(\s*['"]\/?([^'"{]*)['"]/g)) routes.push({ path: `${prefix}/${r[1]}`, file });
    }
  } else if (fw?.id === 'symfony') {
    for (const file of ['config/routes.yaml', 'config/routes.yml']) for (const r of (project.read(file) ?? '').matchAll(/^\s*path:\s*['"]?(\/[^'"\s{]*)/gm)) routes.push({ path: r[1] as string, file });
    for (const f of phpFiles(project, 'src/Controller')) for (const r of f.text.matchAll(/#\[Route\(\s*(?:path:\s*)?['"](\/[^'"{]*)['"]/g)) routes.push({ path: r[1] as string, file: f.path });
  } else if (root !== undefined) {
    const dir = root === '.' ? '' : root;
    for (const name of ['health.php', 'healthz.php', 'healthcheck.php', 'ping.php', 'status.php']) {
      if (project.read(dir ? `${dir}/${name}` : name) !== undefined) return { value: `/${name}`, evidence: `${dir ? `${dir}/` : ''}${name}: a health script` };
    }
    // A front controller's own routing: a path compared with the request's.
    for (const f of phpFiles(project, dir)) for (const r of f.text.matchAll(/['"](\/[A-Za-z0-9_./-]*)['"]/g)) routes.push({ path: r[1] as string, file: f.path });
  }
  const h = healthRoute(routes);
  return h ? { value: h.path, evidence: `${h.file}: a route for ${h.path}` } : undefined;
}

/** Laravel's config files that read the variables the services need. */
const LARAVEL_CONFIG = ['config/database.php', 'config/cache.php', 'config/session.php', 'config/queue.php'];

/** env('KEY') and env('KEY', default) in Laravel's configuration. */
function laravelReads(project: ProjectSnapshot): EnvRead[] {
  const out = new Map<string, EnvRead>();
  for (const file of LARAVEL_CONFIG) {
    for (const m of (project.read(file) ?? '').matchAll(/\benv\(\s*['"]([A-Z][A-Z0-9_]*)['"]\s*(,\s*([^)]*))?\)/g)) {
      const key = m[1] as string;
      if (out.has(key)) continue;
      const def = m[3]?.trim();
      const url = def && /^['"]([a-z][a-z0-9+.-]*:\/\/[^'"]*)['"]$/i.exec(def)?.[1];
      // env() without a default is null, which Laravel's configuration expects: every read has a default.
      out.set(key, { key, evidence: `${file}: env('${key}')`, inCode: true, hasDefault: true, ...(url ? { defaultUrl: url } : {}) });
    }
  }
  // Laravel reads the word null as null (REDIS_PASSWORD=null): kept as it is, not taken for a credential to set.
  for (const file of ['.env.example']) {
    for (const m of (project.read(file) ?? '').matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*=\s*null\s*$/gm)) {
      const key = m[1] as string;
      out.set(key, { ...(out.get(key) ?? { key, evidence: file }), value: 'null' });
    }
  }
  return [...out.values()];
}

/** Symfony's committed .env (defaults, not secrets) and the %env(KEY)% its configuration reads. */
function symfonyReads(project: ProjectSnapshot): EnvRead[] {
  const out = new Map<string, EnvRead>();
  const dotenv = project.read('.env') ?? '';
  for (const m of dotenv.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.*)$/gm)) {
    const key = m[1] as string;
    const value = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
    // Generated by this tool, or a value of a secret: never an example.
    if (/SECRET|PASSWORD|TOKEN|_KEY$/.test(key) || key === 'APP_ENV' || key === 'COMPOSE_PROJECT_NAME') {
      out.set(key, { key, evidence: '.env' });
      continue;
    }
    out.set(key, { key, evidence: '.env', ...(value !== '' ? { example: value } : {}) });
  }
  const dir = 'config/packages';
  for (const e of project.list(dir) ?? []) {
    if (!/\.ya?ml$/.test(e)) continue;
    for (const m of (project.read(`${dir}/${e}`) ?? '').matchAll(/%env\((?:[a-z_]+:)*([A-Z][A-Z0-9_]*)\)%/g)) {
      const key = m[1] as string;
      const prev = out.get(key);
      out.set(key, { ...(prev ?? { key, evidence: `${dir}/${e}: %env(${key})%` }), inCode: true });
    }
  }
  return [...out.values()];
}

/** Laravel's .env.example settings that name a service: DB_CONNECTION, and a driver set to redis or memcached. */
function laravelServices(project: ProjectSnapshot): Array<Finding<string>> {
  const out: Array<Finding<string>> = [];
  for (const file of ['.env.example', '.env.sample', '.env.dist']) {
    const text = project.read(file);
    if (text === undefined) continue;
    const value = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*["']?([A-Za-z0-9_-]+)`, 'm').exec(text)?.[1]?.toLowerCase();
    const db = value('DB_CONNECTION');
    const byConnection: Record<string, string> = { mysql: 'mysql', mariadb: 'mariadb', pgsql: 'postgres' };
    if (db && byConnection[db]) out.push({ value: byConnection[db] as string, evidence: `${file}: DB_CONNECTION=${db}` });
    for (const key of ['CACHE_STORE', 'CACHE_DRIVER', 'SESSION_DRIVER', 'QUEUE_CONNECTION']) {
      const v = value(key);
      if (v === 'redis' || v === 'memcached') out.push({ value: v, evidence: `${file}: ${key}=${v}` });
    }
    break;
  }
  return out;
}

/** Reads a folder; undefined when it holds no PHP app (no composer.json, no index.php at the root or in public/). */
export function detectPhpWith(frameworks: readonly PhpFramework[], project: ProjectSnapshot): LanguageDetection | undefined {
  const c = readComposer(project);
  const root = findDocroot(project);
  if (!c.json && !c.invalid && !root) return undefined;
  const warnings: string[] = [];
  const found: LanguageDetection = { confidence: 1, evidence: c.json || c.invalid ? 'composer.json' : (root?.evidence ?? 'index.php'), packages: [], warnings };
  if (c.invalid) {
    warnings.push(c.invalid);
    return found;
  }
  found.packages = packageNames(c);

  const fw = frameworks.find((f) => f.packages.some((p) => p in c.require));
  const plain = frameworks.find((f) => f.packages.length === 0);
  if (fw) {
    const pkg = fw.packages.find((p) => p in c.require) as string;
    found.framework = { value: fw.id, evidence: `composer.json: "${pkg}": "${c.require[pkg]}"` };
    found.confidence = 2;
    if (fw.id === 'laravel' && project.read('artisan') === undefined) warnings.push('laravel/framework is required but there is no artisan file: the start command runs `php artisan`');
    if (project.read('public/index.php') === undefined) warnings.push(`${fw.title} serves public/index.php, which is not here`);
  } else if (root && plain) {
    found.framework = { value: plain.id, evidence: root.evidence };
    found.entrypoint = root;
    found.confidence = 2;
  }

  const health = findHealth(project, fw ?? (root ? plain : undefined), fw ? 'public' : root?.value);
  if (health) found.healthPath = health;

  const rt = findRuntime(c);
  if (rt.found) found.runtimeVersion = rt.found;
  if (rt.problem) found.problems = [{ key: 'runtimeVersion', message: rt.problem }];

  // Services named by an extension requirement (ext-pdo_pgsql, ext-redis) count like client packages: extensionRequirements covers the lock too.
  for (const e of extensionRequirements(c)) if (!found.packages.some((p) => p.name === `ext-${e.ext}`)) found.packages = [...found.packages, { name: `ext-${e.ext}`, evidence: e.evidence }];
  const services = fw?.id === 'laravel' ? laravelServices(project) : [];
  if (services.length) found.services = services;
  const env = fw?.id === 'laravel' ? laravelReads(project) : fw?.id === 'symfony' ? symfonyReads(project) : [];
  if (env.length) found.env = env;
  // Symfony's .env names the database by its URL (DATABASE_URL="postgresql://...").
  if (fw?.id === 'symfony') {
    const schemes = [...(project.read('.env') ?? '').matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*=\s*["']?([a-z][a-z0-9+.-]*):\/\//gm)]
      .filter((m) => !/^(MAILER|MESSENGER_TRANSPORT)_/.test(m[1] as string) || /redis|amqp/.test(m[2] as string))
      .map((m) => ({ scheme: m[2] as string, evidence: `.env: ${m[1]}=${m[2]}://...` }));
    if (schemes.length) found.schemes = schemes;
  }
  return found;
}
