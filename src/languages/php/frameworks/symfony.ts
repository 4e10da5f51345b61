import { APP_DIR, publicRoot, type PhpFramework } from '../framework.js';

/** Symfony (symfony/framework-bundle): public/index.php is the front controller; the prod environment, its cache warmed at build time. */
export const symfony: PhpFramework = {
  id: 'symfony',
  title: 'Symfony',
  packages: ['symfony/framework-bundle'],
  defaultPort: 8080,
  entrypoint: publicRoot,
  command: () => ['apache2-foreground'],
  writable: ['var'],
  frontController: true,
  writablePaths: ['/tmp', '/var/run/apache2', '/var/lock/apache2', `${APP_DIR}/var`],
  env: [
    { key: 'APP_ENV', comment: 'Symfony: the prod environment (its cache was warmed when the image was built)', value: () => 'prod' },
    { key: 'APP_DEBUG', value: () => '0' },
    { key: 'APP_SECRET', comment: 'Symfony signs CSRF tokens, remember-me cookies and signed URLs with this', secretLength: 32 },
  ],
};
