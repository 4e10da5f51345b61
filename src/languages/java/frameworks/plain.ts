import { JVM_FLAGS, STARTER_MAIN, javaFramework } from '../framework.js';

/**
 * A plain Java app: a class with `public static void main` (named by the
 * build's configuration or found in src/main/java), run with its jar and its
 * runtime dependencies on the class path. It reads PORT (the image sets it).
 */
export const plain = javaFramework({
  id: 'plain-java',
  title: 'plain Java (a main class)',
  dependencies: [],
  gradlePlugins: [],
  defaultPort: 8080,
  command: () => ['java', ...JVM_FLAGS, '-cp', '/app/app.jar:/app/lib/*', STARTER_MAIN],
});
