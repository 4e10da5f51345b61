import type { LanguagePlanInput, ProviderFile } from '../../core/provider.js';
import { renderTemplate } from '../../core/render.js';
import { starterServices } from '../../services/index.js';

/**
 * The starter: plain PHP with no Composer package (it builds with nothing to
 * download): public/index.php, the front controller Apache serves, and
 * src/health.php, whose checks make one real round trip to each service
 * (PDO for PostgreSQL and MySQL/MariaDB, AUTH and PING over a socket for Redis).
 */
export function starterFiles({ r, templates }: LanguagePlanInput): ProviderFile[] {
  const served = starterServices(r, 'php');
  const root = r.entrypoint === '.' ? '' : r.entrypoint.replace(/^\.\//, '').replace(/\/+$/, '');
  const up = root ? root.split('/').map(() => '..').join('/') : '';
  const view = {
    healthRequire: `__DIR__ . '/${up ? `${up}/` : ''}src/health.php'`,
    name: r.name,
    healthPath: r.healthPath,
    services: served,
    postgres: served.includes('postgres'),
    mysql: served.find((s) => s === 'mysql' || s === 'mariadb'),
    redis: served.find((s) => s === 'redis' || s === 'valkey'),
  };
  const purpose = 'Starter PHP app (replace it with yours)';
  return [
    { path: root ? `${root}/index.php` : 'index.php', template: 'index.php.ejs' },
    { path: 'src/health.php', template: 'health.php.ejs' },
  ].map((f) => ({ path: f.path, kind: 'starter' as const, purpose, content: renderTemplate(templates, `php/starters/plain/${f.template}`, view) }));
}
