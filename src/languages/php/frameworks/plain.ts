import { anyRoot, type PhpFramework } from '../framework.js';

/** PHP without a framework: Apache serves the document root (index.php and the other scripts) with mod_php. */
export const plain: PhpFramework = {
  id: 'php',
  title: 'PHP (no framework)',
  packages: [],
  defaultPort: 8080,
  entrypoint: anyRoot,
  command: () => ['apache2-foreground'],
  writable: [],
  frontController: false,
  writablePaths: ['/tmp', '/var/run/apache2', '/var/lock/apache2'],
};
