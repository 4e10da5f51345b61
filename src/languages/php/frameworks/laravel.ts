import { APP_DIR, publicRoot, type PhpFramework } from '../framework.js';

/** Laravel's connection name for each database service (MariaDB through the mysql driver, which every Laravel version has). */
const CONNECTION: Readonly<Record<string, string>> = { postgres: 'pgsql', mysql: 'mysql', mariadb: 'mysql' };

/**
 * Laravel (laravel/framework, with its artisan file). At start it caches its
 * configuration, routes and views (the configuration holds the container's
 * variables, so this can't happen at build time), then Apache serves public/.
 */
export const laravel: PhpFramework = {
  id: 'laravel',
  title: 'Laravel',
  packages: ['laravel/framework'],
  defaultPort: 8080,
  entrypoint: publicRoot,
  // The folders first: on Kubernetes storage/ is an empty volume (the root file system is read-only).
  command: () => ['sh', '-c', 'mkdir -p storage/framework/cache/data storage/framework/sessions storage/framework/views storage/logs && php artisan config:cache && php artisan route:cache && php artisan view:cache && exec apache2-foreground'],
  writable: ['storage', 'bootstrap/cache'],
  frontController: true,
  writablePaths: ['/tmp', '/var/run/apache2', '/var/lock/apache2', `${APP_DIR}/storage`, `${APP_DIR}/bootstrap/cache`],
  env: [
    { key: 'APP_ENV', comment: 'Laravel: production settings, no debug pages', value: () => 'production' },
    { key: 'APP_DEBUG', value: () => 'false' },
    { key: 'APP_KEY', comment: 'Laravel encrypts cookies and sessions with this key (32 random bytes, as `php artisan key:generate` makes it)', secretLength: 32, secretBase64Prefix: 'base64:' },
    { key: 'LOG_CHANNEL', comment: 'Logs go to the container output (docker compose logs), not storage/logs', value: () => 'stderr' },
    { key: 'DB_CONNECTION', comment: 'The connection config/database.php uses', value: (ctx) => ctx.services.map((s) => CONNECTION[s]).find(Boolean) ?? 'sqlite' },
  ],
};
