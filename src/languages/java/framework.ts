import type { EntrypointSpec, Framework } from '../../core/provider.js';

/** What a Java framework adds to the core's Framework. */
export interface JavaFramework extends Framework {
  /** Dependencies (`groupId:artifactId`, lowercase) or group prefixes (`io.quarkus:`) that mean this framework. */
  dependencies: readonly string[];
  /** Gradle plugin ids that mean it. */
  gradlePlugins: readonly string[];
}

/** A module folder as Maven's -pl and Gradle's project paths name it: "." (the root) or a relative folder. */
export const JAVA_MODULE_PATTERN = '^(\\.|(?!.*(?:^|/)\\.\\.?(?:/|$))[A-Za-z0-9_][A-Za-z0-9._-]*(?:/[A-Za-z0-9_][A-Za-z0-9._-]*)*)$';
export const JAVA_MODULE_EXAMPLE = 'the module to build, as "." (the root project) or its folder, for example "app" or "services/api"';

export const javaEntry: EntrypointSpec = {
  default: '.',
  help: 'the module to build: "." (the root project) or its folder ("app", "services/api")',
  rules: [{ pattern: JAVA_MODULE_PATTERN, must: JAVA_MODULE_EXAMPLE }],
};

/**
 * Container-aware JVM settings: the heap follows the container's memory limit
 * (75% of it), instead of a quarter of the machine's memory.
 */
export const JVM_FLAGS = ['-XX:MaxRAMPercentage=75'];

/** The main class of the starter app (and of a plain app whose main class was not found). */
export const STARTER_MAIN = 'app.Main';

export function javaFramework(f: Omit<JavaFramework, 'entrypoint' | 'writablePaths'> & { writablePaths?: readonly string[] }): JavaFramework {
  return { writablePaths: ['/tmp'], ...f, entrypoint: javaEntry };
}
