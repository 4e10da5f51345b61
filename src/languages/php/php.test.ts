import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generate, InputError, seededRandom, snapshotOf, type Answers } from '../../core/index.js';
import { loadTemplates } from '../../node/templates.js';
import { allowsSome } from '../../core/version-range.js';
import { extensionRequirements, parseConstraint, readComposer } from './composer.js';
import { findRuntime } from './detect.js';
import { planExtensions } from './extensions.js';
import { php } from './index.js';

const detect = (files: Record<string, string>) => php.detect(snapshotOf(files));
const plan = (answers: Answers, files: Record<string, string>) => generate({ answers, project: snapshotOf(files), templates: loadTemplates(), random: seededRandom(1), folderName: 'shop' });
const fileOf = (answers: Answers, files: Record<string, string>, path: string) => plan(answers, files).files.find((f) => f.path === path)?.content ?? '';
const composer = (o: Record<string, unknown>) => JSON.stringify({ name: 'acme/shop', ...o }, null, 2);
const laravel = (extra: Record<string, string> = {}) => ({
  'composer.json': composer({ require: { php: '^8.2', 'laravel/framework': '^11.0' } }),
  artisan: '#!/usr/bin/env php\n<?php\n',
  'public/index.php': '<?php\n',
  ...extra,
});

describe('composer constraints', () => {
  const allows = (c: string, line: string) => {
    const [a, b] = line.split('.').map(Number) as [number, number];
    return allowsSome(parseConstraint(c)!, [a, b, 0], [a, b + 1, 0]);
  };
  it('reads ^, ~, ranges, wildcards and alternatives as Composer does', () => {
    expect(allows('^8.2', '8.4')).toBe(true);
    expect(allows('^8.2', '8.1')).toBe(false);
    expect(allows('~8.3.0', '8.3')).toBe(true);
    expect(allows('~8.3.0', '8.4')).toBe(false);
    expect(allows('~8.3', '8.5')).toBe(true);
    expect(allows('>=8.1 <8.4', '8.4')).toBe(false);
    expect(allows('>=8.1,<8.4', '8.3')).toBe(true);
    expect(allows('8.2.*', '8.2')).toBe(true);
    expect(allows('8.2.*', '8.3')).toBe(false);
    expect(allows('^7.4 || ^8.0', '8.4')).toBe(true);
    expect(allows('^7.4|^8.0', '8.4')).toBe(true);
    expect(parseConstraint('dev-main')).toBeUndefined();
  });

  it('picks the image line: config.platform.php first, then the newest line require.php allows, else a problem', () => {
    const rt = (json: Record<string, unknown>) => findRuntime(readComposer(snapshotOf({ 'composer.json': composer(json) })));
    expect(rt({ require: { php: '^8.2' } }).found?.value).toBe('8.4');
    expect(rt({ require: { php: '~8.3.0' } }).found?.value).toBe('8.3');
    expect(rt({ require: { php: '^8.2' }, config: { platform: { php: '8.2.20' } } }).found?.value).toBe('8.2');
    expect(rt({ require: { php: '^7.4' } }).problem).toMatch(/allows none of the PHP images/);
    expect(rt({ require: {}, config: { platform: { php: '7.4.0' } } }).problem).toMatch(/config.platform.php/);
  });
});

describe('extensions', () => {
  it('collects ext-* from composer.json and from the lock', () => {
    const c = readComposer(
      snapshotOf({
        'composer.json': composer({ require: { 'ext-intl': '*', 'ext-PDO_PGSQL': '*' } }),
        'composer.lock': JSON.stringify({ packages: [{ name: 'acme/zip', require: { 'ext-zip': '*', php: '^8.1' } }] }),
      }),
    );
    expect(extensionRequirements(c).map((e) => e.ext)).toEqual(['intl', 'pdo_pgsql', 'zip']);
  });

  it('compiles bundled ones with their headers, takes PECL ones from PECL, skips built-ins, and says which it does not know', () => {
    const p = planExtensions(['mbstring', 'pdo_pgsql', 'intl', 'redis', 'gd', 'imagick', 'weird']);
    expect(p.bundled).toEqual(['gd', 'intl', 'opcache', 'pdo_pgsql']);
    expect(p.pecl).toEqual(['imagick', 'redis']);
    expect(p.apt).toEqual(['libfreetype-dev', 'libicu-dev', 'libjpeg62-turbo-dev', 'libmagickwand-dev', 'libpng-dev', 'libpq-dev']);
    expect(p.unknown).toEqual(['weird']);
    expect(p.gd).toBe(true);
  });
});

describe('detecting a PHP app', () => {
  it('is nothing without composer.json or an index.php', () => {
    expect(detect({ 'README.md': '# hi' })).toBeUndefined();
    expect(detect({ 'lib/util.php': '<?php' })).toBeUndefined();
  });

  it('finds plain PHP by its front controller, public/ before the root', () => {
    expect(detect({ 'index.php': '<?php' })?.entrypoint?.value).toBe('.');
    expect(detect({ 'index.php': '<?php', 'public/index.php': '<?php' })?.entrypoint?.value).toBe('public');
    expect(detect({ 'public/index.php': '<?php' })?.framework?.value).toBe('php');
  });

  it('finds Laravel, its health route and the services its .env.example names', () => {
    const d = detect(laravel({ 'bootstrap/app.php': "->withRouting(health: '/up')", '.env.example': 'DB_CONNECTION=pgsql\nCACHE_STORE=redis\nREDIS_HOST=127.0.0.1\n' }));
    expect(d?.framework?.value).toBe('laravel');
    expect(d?.healthPath?.value).toBe('/up');
    expect(d?.services?.map((s) => s.value)).toEqual(['postgres', 'redis']);
    // Laravel's skeleton always lists REDIS_HOST: that alone is no Redis.
    expect(detect(laravel({ '.env.example': 'DB_CONNECTION=sqlite\nREDIS_HOST=127.0.0.1\n' }))?.services).toBeUndefined();
  });

  it("reads the variables Laravel's configuration reads, each with a default (env() is null without one)", () => {
    const d = detect(laravel({ 'config/database.php': "<?php return ['host' => env('DB_HOST', '127.0.0.1'), 'url' => env('DB_URL')];" }));
    expect(d?.env?.map((e) => [e.key, e.hasDefault])).toEqual([
      ['DB_HOST', true],
      ['DB_URL', true],
    ]);
  });

  it("finds Symfony's routes in attributes", () => {
    const d = detect({
      'composer.json': composer({ require: { 'symfony/framework-bundle': '7.1.*' } }),
      'public/index.php': '<?php',
      'src/Controller/Health.php': "<?php\n#[Route('/healthz', name: 'health')]\n",
    });
    expect(d?.framework?.value).toBe('symfony');
    expect(d?.healthPath?.value).toBe('/healthz');
  });

  it('says so when composer.json is not JSON, and the run stops naming the file', () => {
    const files = { 'composer.json': '{ "require": ', 'index.php': '<?php' };
    expect(detect(files)?.warnings[0]).toMatch(/composer.json is not valid JSON/);
    expect(() => plan({ language: 'php', framework: 'php' }, files)).toThrow(InputError);
  });
});

describe('the Dockerfile', () => {
  it('installs from the manifests before the code, with Composer mounted, then dumps the autoloader', () => {
    const d = fileOf({}, { ...laravel(), 'composer.lock': '{"packages":[]}' }, 'Dockerfile');
    const at = (s: string) => d.indexOf(s);
    expect(at('COPY composer.json composer.lock ./')).toBeGreaterThan(0);
    expect(at('COPY composer.json composer.lock ./')).toBeLessThan(at('composer install --no-dev --no-scripts --no-autoloader --prefer-dist'));
    expect(at('composer install')).toBeLessThan(at('COPY . .'));
    expect(at('COPY . .')).toBeLessThan(at('composer dump-autoload --optimize --no-dev'));
    expect(d).toContain('--mount=type=bind,from=composer:2.8,source=/usr/bin/composer,target=/usr/bin/composer');
    expect(d).toContain('--mount=type=cache,target=/tmp/composer-cache');
    expect(d).toContain('cp "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"');
    expect(d).toMatch(/sed -i 's\/\^Listen 80\$\/Listen 8080\/'/);
    expect(d).toContain("'    DocumentRoot /var/www/html/public'");
    expect(d).toContain('chown -R www-data:www-data storage bootstrap/cache');
    expect(d).toMatch(/USER 33:33\nEXPOSE 8080\n/);
    expect(d).not.toMatch(/^# syntax=/m);
  });

  it('copies composer.json alone without a lock, and no Composer step at all without composer.json', () => {
    expect(fileOf({}, { 'composer.json': composer({ require: { 'slim/slim': '^4' } }), 'public/index.php': '<?php' }, 'Dockerfile')).toContain('COPY composer.json ./\n');
    const bare = fileOf({}, { 'index.php': '<?php' }, 'Dockerfile');
    expect(bare).not.toMatch(/composer (install|dump-autoload)|COPY composer/);
    expect(bare).toContain("'    DocumentRoot /var/www/html'");
  });

  it("installs the extensions composer.json and the services need: headers, docker-php-ext-install, pecl + docker-php-ext-enable", () => {
    const d = fileOf({ services: ['postgres', 'redis'] }, { 'composer.json': composer({ require: { 'ext-intl': '*' } }), 'public/index.php': '<?php' }, 'Dockerfile');
    expect(d).toContain('apt-get install -y --no-install-recommends libicu-dev libpq-dev');
    expect(d).toContain('docker-php-ext-install -j"$(nproc)" intl opcache pdo_pgsql');
    expect(d).toContain('pecl install redis \\\n    && docker-php-ext-enable redis');
  });

  it('warms the Symfony cache for prod at build time, with an empty .env in the image', () => {
    const d = fileOf(
      {},
      { 'composer.json': composer({ require: { 'symfony/framework-bundle': '7.1.*' }, scripts: { 'post-install-cmd': ['@auto-scripts'] } }), 'public/index.php': '<?php' },
      'Dockerfile',
    );
    expect(d).toContain('APP_ENV=prod APP_DEBUG=0 COMPOSER_ALLOW_SUPERUSER=1 composer run-script --no-dev post-install-cmd');
    expect(d.indexOf("test -f .env || printf")).toBeLessThan(d.indexOf('composer run-script'));
    expect(d).toContain('chown -R www-data:www-data var');
  });
});

describe('the healthcheck', () => {
  const hc = php.healthcheck(8080, '/up', false);
  it("runs PHP's own CLI against the container's host name, no curl", () => {
    expect(hc.slice(0, 2)).toEqual(['php', '-r']);
    expect(hc[2]).toContain("'http://' . gethostname() . ':8080/up'");
    expect(hc[2]).toContain('$s >= 200 && $s < 400');
    expect(php.healthcheck(8080, '/', true)[2]).toContain('$s > 0 && $s < 500');
  });

  const hasPhp = spawnSync('php', ['-v']).status === 0;
  it.skipIf(!hasPhp)('is valid PHP (php -l)', () => {
    const r = spawnSync('php', ['-l'], { input: `<?php ${hc[2]}`, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toMatch(/No syntax errors/);
  });
});

describe('Laravel and Symfony settings', () => {
  it("makes APP_KEY as `php artisan key:generate` does: base64: and 32 random bytes", () => {
    const env = fileOf({ services: ['mysql'] }, laravel({ 'database/migrations/x.php': '<?php' }), '.env');
    const key = /^APP_KEY=base64:(\S+)$/m.exec(env)?.[1];
    expect(key).toBeDefined();
    expect(Buffer.from(key as string, 'base64')).toHaveLength(32);
    expect(env).toMatch(/^DB_CONNECTION=mysql$/m);
    expect(env).toMatch(/^APP_ENV=production$/m);
  });

  it('runs the migrations once: artisan migrate, and Doctrine Migrations for Symfony', () => {
    const compose = fileOf({ services: ['postgres'] }, laravel({ 'database/migrations/x.php': '<?php' }), 'docker-compose.yml');
    expect(compose).toContain('command: ["php", "artisan", "migrate", "--force"]');
    const sf = fileOf(
      { services: ['postgres'] },
      { 'composer.json': composer({ require: { 'symfony/framework-bundle': '7.1.*', 'doctrine/doctrine-migrations-bundle': '^3.3' } }), 'public/index.php': '<?php' },
      'docker-compose.yml',
    );
    expect(sf).toContain('"doctrine:migrations:migrate", "--no-interaction", "--allow-no-migration"');
    expect(fileOf({}, laravel({ 'database/migrations/x.php': '<?php' }), 'docker-compose.yml')).not.toContain('migrate');
  });
});

describe('the starter', () => {
  it('is plain PHP with PDO for the database and a socket for Redis', () => {
    const p = plan({ language: 'php', framework: 'php', services: ['mysql', 'redis'] }, {});
    const health = p.files.find((f) => f.path === 'src/health.php')?.content ?? '';
    expect(p.files.find((f) => f.path === 'public/index.php')?.content).toContain("require __DIR__ . '/../src/health.php';");
    expect(health).toContain("pdo_from_url('DATABASE_URL', 'mysql', 3306)");
    expect(health).toContain("fsockopen($u['host']");
    const d = p.files.find((f) => f.path === 'Dockerfile')?.content ?? '';
    expect(d).toContain('docker-php-ext-install -j"$(nproc)" opcache pdo_mysql\n');
    expect(d).not.toContain('pecl');
  });
});
