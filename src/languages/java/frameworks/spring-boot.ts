import { JVM_FLAGS, javaFramework } from '../framework.js';

/**
 * Spring Boot, found by its parent POM, a spring-boot-* dependency or its
 * Gradle plugin. The jar is extracted into its layers (dependencies first) and
 * started with Spring Boot's JarLauncher; SERVER_PORT sets the port.
 */
export const springBoot = javaFramework({
  id: 'spring-boot',
  title: 'Spring Boot',
  dependencies: ['org.springframework.boot:'],
  gradlePlugins: ['org.springframework.boot'],
  defaultPort: 8080,
  command: () => ['java', ...JVM_FLAGS, 'org.springframework.boot.loader.launch.JarLauncher'],
  env: [{ key: 'SERVER_PORT', comment: 'Spring Boot listens on this port (server.port)', value: (ctx) => String(ctx.port) }],
});
