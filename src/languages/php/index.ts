/**
 * PHP: Laravel, Symfony and framework-less apps on the official php:X-apache
 * image (Apache with mod_php, one process to run). Composer installs the
 * dependencies from composer.json and composer.lock before the code is
 * copied, with Composer's binary mounted from its official image for the
 * build steps only; the extensions come from composer.json's ext-*
 * requirements (and the lock's) and from the services' drivers. Apache
 * listens on 8080 and runs as www-data.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { FieldError } from '../../core/validate.js';
import type { LanguagePlanInput, LanguageProvider, Process } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { renderTemplate } from '../../core/render.js';
import { aptInstall, entryContext, execForm, humanList } from '../../core/toolkit.js';
import { services } from '../../services/index.js';
import { versions } from '../../versions.js';
import { extensionRequirements, readComposer, type ComposerProject } from './composer.js';
import { detectPhpWith } from './detect.js';
import { BUILT_IN, planExtensions, SERVICE_EXTENSIONS, type ExtensionPlan } from './extensions.js';
import { docroot, type PhpFramework } from './framework.js';
import { laravel } from './frameworks/laravel.js';
import { plain } from './frameworks/plain.js';
import { symfony } from './frameworks/symfony.js';
import { starterFiles } from './starter.js';

export const phpFrameworks: readonly PhpFramework[] = [plain, laravel, symfony];

function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): PhpFramework {
  const fw = phpFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a PHP framework`);
  return fw;
}

const runtime = versions.runtimes.php;
/** www-data in the official php images (Debian's). */
const UID = 33;

/** What the image needs to know about the project. */
interface PhpView {
  composer: ComposerProject;
  extensions: ExtensionPlan;
  /** Why each extension is there, for the Dockerfile's comment. */
  extensionsWhy: string;
}

function inspect(input: Pick<LanguagePlanInput, 'r' | 'project' | 'starter'>): PhpView {
  const { r, project } = input;
  const composer = readComposer(project);
  const required = extensionRequirements(composer);
  const fromServices = r.services.flatMap((s) => (SERVICE_EXTENSIONS[s] ?? []).map((ext) => ({ ext, service: s })));
  // Predis speaks to Redis in PHP: the redis extension is then only needed when something asks for it.
  const predisOnly = 'predis/predis' in composer.require && !required.some((e) => e.ext === 'redis');
  // The starter talks to Redis over a plain socket: it needs only the PDO drivers.
  const services = fromServices.filter((e) => !(predisOnly && e.ext === 'redis') && !(input.starter && !e.ext.startsWith('pdo_')));
  const extensions = planExtensions([...required.map((e) => e.ext), ...services.map((e) => e.ext)]);
  const why: string[] = [];
  const toInstall = [...new Set(required.map((e) => e.ext))].filter((e) => !BUILT_IN.has(e));
  if (toInstall.length) why.push(`composer.json's ext-* requirements: ${humanList(toInstall)}`);
  if (services.length) why.push(`the services' drivers: ${humanList([...new Set(services.map((e) => e.ext))])}`);
  why.push('opcache');
  return { composer, extensions, extensionsWhy: why.join('; ') };
}

function hasApp(r: Pick<ResolvedAnswers, 'framework' | 'entrypoint'> & Partial<ResolvedAnswers>, project: ProjectSnapshot): boolean {
  if (project.read('composer.json') !== undefined) return true;
  const dir = r.entrypoint === '.' ? '' : r.entrypoint.replace(/^\.\//, '').replace(/\/+$/, '');
  return (project.list(dir) ?? []).some((f) => f.endsWith('.php'));
}

const startCommand = (r: ResolvedAnswers) => r.command ?? frameworkOf(r).command(entryContext(r));

/** The PHP code of the HEALTHCHECK: a GET with PHP's HTTP stream wrapper, passing on the status the check wants. */
function healthScript(port: number, path: string, anyResponse: boolean): string {
  const pass = anyResponse ? '$s > 0 && $s < 500' : '$s >= 200 && $s < 400';
  return [
    `$c = stream_context_create(['http' => ['timeout' => 4, 'ignore_errors' => true, 'follow_location' => 0]]);`,
    `@file_get_contents('http://' . gethostname() . ':${port}${path}', false, $c);`,
    `$h = function_exists('http_get_last_response_headers') ? http_get_last_response_headers() : ($http_response_header ?? null);`,
    `$s = preg_match('{^HTTP/\\S+ (\\d{3})}', $h[0] ?? '', $m) ? (int) $m[1] : 0;`,
    `exit(${pass} ? 0 : 1);`,
  ].join(' ');
}

/** The lines of Apache's site: the port, the document root, the front controller. */
function vhost(port: number, root: string, frontController: boolean): string[] {
  const q = (s: string) => `'${s}'`;
  return [
    // Apache's own name for itself (without it, every start warns that it can't tell).
    'ServerName localhost',
    `<VirtualHost *:${port}>`,
    `    DocumentRoot ${root}`,
    `    <Directory ${root}>`,
    '        AllowOverride All',
    '        Require all granted',
    ...(frontController ? ['        FallbackResource /index.php'] : []),
    '    </Directory>',
    '    ErrorLog ${APACHE_LOG_DIR}/error.log',
    '    CustomLog ${APACHE_LOG_DIR}/access.log combined',
    '</VirtualHost>',
  ].map(q);
}

/** The writable folders, with the subfolders the framework expects inside them (a fresh volume has none). */
function writableDirs(fw: PhpFramework): string[] {
  if (fw.id === 'laravel') return ['storage/app/public', 'storage/framework/cache/data', 'storage/framework/sessions', 'storage/framework/views', 'storage/logs', 'bootstrap/cache'];
  return [...fw.writable];
}

export const php: LanguageProvider = {
  id: 'php',
  title: 'PHP',
  runtime,
  manifests: 'composer.json, composer.lock, index.php or public/index.php',
  frameworks: phpFrameworks,
  packageManagers: [],
  uid: UID,
  healthcheck: (port, path, anyResponse) => ['php', '-r', healthScript(port, path, anyResponse)],
  dockerignore: [
    {
      comment: 'PHP: Composer installs vendor/ in the image; caches, logs and compiled files of this machine stay out',
      patterns: ['vendor', 'node_modules', '.phpunit.result.cache', '.phpunit.cache', '.php-cs-fixer.cache', 'storage/logs/*.log', 'storage/framework/cache/data', 'storage/framework/sessions/*', 'storage/framework/views/*.php', 'bootstrap/cache/*.php', 'var/cache', 'var/log', 'public/hot', '.env.local', '.env.*.local'],
    },
  ],
  starterGitignore: () => ['/vendor/'],
  detect: (project) => detectPhpWith(phpFrameworks, project),
  defaultPackageManager: () => null,
  extraImages: [versions.phpTools.composerImage],
  hasApp,

  // The starter is plain PHP (the public/ front controller), whatever framework was asked for: it needs nothing from Packagist.
  forStarter: (r) => ({ ...r, framework: plain.id }),

  check(_answers, input): FieldError[] {
    const c = readComposer(input.project);
    if (c.invalid) return [{ pointer: '', file: 'composer.json', message: `${c.invalid}: fix it, since the image installs the dependencies it lists` }];
    return [];
  },

  command: ({ r }) => startCommand(r),

  dockerfile(input) {
    const { r, templates } = input;
    const fw = frameworkOf(r);
    const view = inspect(input);
    const c = view.composer;
    const usesComposer = c.json !== undefined;
    // Packages to download (not only platform requirements such as php and ext-*): Composer unpacks their archives with unzip.
    const downloads = usesComposer && (c.locked.length > 0 || Object.keys(c.require).some((n) => n.includes('/')));
    const apt = view.extensions.apt;
    const scriptsWhy = c.scripts.includes('post-autoload-dump') ? ', then the post-autoload-dump scripts' : '';
    const postInstall = fw.id === 'symfony' && c.scripts.includes('post-install-cmd');
    const inRoot = (f: string) => (r.entrypoint === '.' ? f : `${r.entrypoint.replace(/^\.\//, '').replace(/\/+$/, '')}/${f}`);
    // A front controller gets every path that is no file (Laravel's and Symfony's routing, the starter's).
    const front = fw.frontController || input.starter || input.project.read(inRoot('index.php')) !== undefined;
    return renderTemplate(templates, 'php/Dockerfile.ejs', {
      title: r.name,
      framework: fw.title,
      runtimeVersion: r.runtimeVersion,
      image: runtime.tag.replace('{version}', r.runtimeVersion),
      apt,
      aptInstall: aptInstall(apt),
      unzip: downloads,
      unzipInstall: aptInstall(['unzip']),
      gd: view.extensions.gd,
      bundled: view.extensions.bundled,
      pecl: view.extensions.pecl,
      extensionsWhy: view.extensionsWhy,
      port: r.port,
      docroot: `${docroot(r)}/`,
      frontController: front,
      vhost: vhost(r.port, docroot(r), front),
      rewrite: fw.id === 'laravel' || input.project.read(inRoot('.htaccess')) !== undefined,
      composer: usesComposer
        ? {
            manifests: ['composer.json', ...(c.hasLock ? ['composer.lock'] : [])],
            image: versions.phpTools.composerImage,
            scriptsWhy: postInstall ? `${scriptsWhy}, and post-install-cmd (Symfony's cache warm-up and assets:install) for APP_ENV=prod` : scriptsWhy,
            postInstall,
          }
        : undefined,
      emptyDotenv: fw.id === 'symfony',
      writable: fw.writable,
      writableDirs: writableDirs(fw),
      uid: UID,
      anyResponse: r.healthCheck === 'any-response',
      healthcheck: execForm(php.healthcheck(r.port, r.healthPath, r.healthCheck === 'any-response')),
      command: execForm(startCommand(r)),
    });
  },

  readme(input) {
    const { r } = input;
    const fw = frameworkOf(r);
    const view = inspect(input);
    const image = runtime.tag.replace('{version}', r.runtimeVersion);
    return {
      image: [
        `Built on the official PHP image with Apache (\`${image}\`): Apache runs PHP in-process (mod_php), one process to start and stop.`,
        view.composer.json
          ? '`composer.json`' + (view.composer.hasLock ? ' and `composer.lock` are' : ' is') + ' copied and `composer install --no-dev` runs before the code is copied,\n  so a code change skips the install; Composer itself is mounted from its official image for that step only\n  (the image does not hold it), with its download cache kept between builds.'
          : 'No composer.json: the code is copied as it is.',
        `Extensions: ${humanList([...view.extensions.bundled, ...view.extensions.pecl])} (${view.extensionsWhy}); the production php.ini, and OPcache without timestamp checks.`,
        `Apache listens on ${r.port} and runs as www-data (uid ${UID}): ports below 1024 need root. It serves \`${docroot(r)}\`${fw.writable.length ? `; only ${humanList(fw.writable.map((w) => `\`${w}/\``))} ${fw.writable.length > 1 ? 'are' : 'is'} writable by it` : ''}.`,
        `\`HEALTHCHECK\` runs PHP's CLI (\`php -r\`, the image has no curl): a GET of \`${r.healthPath}\` on the container's own host name that passes on ${r.healthCheck === 'any-response' ? 'any answer below 500' : '2xx or 3xx'}.`,
      ],
      shell: 'docker compose exec app bash',
    };
  },

  files(input) {
    return input.starter ? starterFiles(input) : [];
  },

  processes(input): Process[] {
    if (input.starter) return [];
    const fw = frameworkOf(input.r);
    const database = services.some((s) => s.kind === 'database' && input.r.services.includes(s.id));
    if (!database) return [];
    const c = readComposer(input.project);
    const once = (command: string[], evidence: string): Process => ({ name: 'migrate', command, lifecycle: 'once', purpose: 'Applies the database migrations, then exits; the app starts after it succeeds', evidence });
    if (fw.id === 'laravel' && input.project.read('artisan') !== undefined && input.project.list('database/migrations') !== undefined) return [once(['php', 'artisan', 'migrate', '--force'], 'artisan and database/migrations/')];
    if (fw.id === 'symfony' && 'doctrine/doctrine-migrations-bundle' in c.require) {
      return [once(['php', 'bin/console', 'doctrine:migrations:migrate', '--no-interaction', '--allow-no-migration'], 'composer.json: doctrine/doctrine-migrations-bundle')];
    }
    return [];
  },

  notes(input) {
    const { r, project, starter } = input;
    const fw = frameworkOf(r);
    const notes: string[] = [];
    if (starter) {
      notes.push(`The starter is plain PHP (public/index.php and src/health.php): it needs no Composer package, so it builds with nothing to download.`);
      return notes;
    }
    const view = inspect(input);
    const c = view.composer;
    if (c.json && !c.hasLock) notes.push('No composer.lock here: `composer install` resolves the newest versions composer.json allows on every build. Run `composer update` and commit composer.lock for repeatable builds.');
    if (view.extensions.unknown.length) notes.push(`composer.json requires ${humanList(view.extensions.unknown.map((e) => `ext-${e}`))}, which the Dockerfile does not know how to install: add ${view.extensions.unknown.length > 1 ? 'them' : 'it'} to the docker-php-ext-install or pecl line.`);
    const repos = (c.json?.repositories ?? []) as unknown;
    if (Array.isArray(repos) && repos.some((x) => typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'path')) {
      notes.push('composer.json has path repositories: the image copies only composer.json and composer.lock before `composer install`, so a path below this folder must be copied before that step too (add a COPY line), and one outside it is not in the build context.');
    }
    if (fw.id === 'laravel') {
      notes.push('Laravel caches its configuration, routes and views when the container starts (they hold the container\'s settings), then Apache serves public/. APP_KEY is in .env: keep it, since it decrypts what the app encrypted.');
      if (!services.some((s) => s.kind === 'database' && r.services.includes(s.id))) {
        notes.push('No database service: Laravel then uses SQLite (DB_CONNECTION=sqlite), whose database/database.sqlite is not in the image, and its default session, cache and queue drivers store in the database. Add "mysql" or "postgres" to "services", or set SESSION_DRIVER=file and CACHE_STORE=file in .env.');
      }
      if (project.read('vite.config.js') !== undefined || project.read('vite.config.ts') !== undefined) {
        notes.push('The app builds its front end with Vite: the image does not run `npm run build`, so public/build must be built and present before `docker compose build`, or pages using @vite fail.');
      }
    }
    const committed = fw.id === 'symfony' ? project.read('.env') : undefined;
    if (committed !== undefined && !committed.includes('written by generator-dockerize')) {
      const kept = ['APP_ENV', 'APP_SECRET', 'DATABASE_URL'].filter((k) => new RegExp(`^\\s*${k}\\s*=`, 'm').test(committed));
      if (kept.length) notes.push(`.env was Symfony's committed defaults file, and docker compose reads the same file: the values it had (${humanList(kept)}) are kept as they were, so check them (APP_ENV must be prod, APP_SECRET set, DATABASE_URL at the postgres/mysql service). Symfony's defaults can live in .env.dist instead.`);
    }
    if (fw.id === 'symfony') notes.push('Symfony runs with APP_ENV=prod; the image holds an empty .env (yours holds secrets and stays out of it), so every setting comes from the container environment. Your .env is also where docker compose reads them from: do not commit it once it holds the generated secrets (put defaults in .env.dist or .env.local.php).');
    if (fw.id === 'php' && r.entrypoint === '.') notes.push('Apache serves the whole app folder (index.php is at the root): every file in it can be requested. Keep configuration and code outside the web root (a public/ folder) when you can.');
    return notes;
  },
};
