import { JVM_FLAGS, javaFramework } from '../framework.js';

/**
 * Quarkus, found by an io.quarkus dependency or its Gradle plugin: the
 * fast-jar layout (quarkus-app/: lib/, app/, quarkus/ and quarkus-run.jar),
 * its libraries copied first. It listens on every address in production;
 * QUARKUS_HTTP_PORT sets the port.
 */
export const quarkus = javaFramework({
  id: 'quarkus',
  title: 'Quarkus',
  dependencies: ['io.quarkus:', 'io.quarkus.platform:'],
  gradlePlugins: ['io.quarkus'],
  defaultPort: 8080,
  command: () => ['java', ...JVM_FLAGS, '-jar', '/app/quarkus-run.jar'],
  env: [{ key: 'QUARKUS_HTTP_PORT', comment: 'Quarkus listens on this port (quarkus.http.port)', value: (ctx) => String(ctx.port) }],
});
