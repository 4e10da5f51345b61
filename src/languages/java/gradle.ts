/**
 * What a build.gradle or build.gradle.kts says (Groovy and Kotlin DSL, read
 * with regular expressions): the plugins, the dependency coordinates, the
 * Java toolchain or source compatibility, the application's main class; and
 * settings.gradle(.kts)'s root project name and included projects.
 */

export interface GradleBuild {
  /** Plugin ids (`org.springframework.boot`, `io.quarkus`, `application`, `java`), with a version when the block gives one. */
  plugins: Array<{ id: string; version?: string }>;
  /** `group:artifact` coordinates, lowercase, with the configuration that declares them and the line. */
  dependencies: Array<{ name: string; version?: string; configuration: string; text: string }>;
  javaVersion?: { value: string; evidence: string };
  mainClass?: { value: string; evidence: string };
}

export interface GradleSettings {
  rootProject?: string;
  /** Included projects as folders (`:services:api` -> services/api). */
  includes: string[];
}

const noComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

export function parseGradle(text: string, file: string): GradleBuild {
  const src = noComments(text);
  const out: GradleBuild = { plugins: [], dependencies: [] };
  const pluginsBlock = /\bplugins\s*\{([\s\S]*?)\n\}/.exec(src)?.[1] ?? '';
  for (const m of pluginsBlock.matchAll(/\bid\s*\(?\s*["']([\w.-]+)["']\s*\)?(?:\s*version\s*\(?\s*["']([^"']+)["'])?/g)) out.plugins.push({ id: m[1] as string, ...(m[2] ? { version: m[2] } : {}) });
  for (const m of pluginsBlock.matchAll(/^\s*(java|application|`java-library`|java-library)\s*$/gm)) out.plugins.push({ id: (m[1] as string).replace(/`/g, '') });
  for (const m of src.matchAll(/\bapply\s*\(?\s*plugin\s*[:=]\s*["']([\w.-]+)["']/g)) out.plugins.push({ id: m[1] as string });
  // The Spring Boot plugin's version often comes through the buildscript classpath instead.
  const bootClasspath = /["']org\.springframework\.boot:spring-boot-gradle-plugin:([^"']+)["']/.exec(src);
  if (bootClasspath && !out.plugins.some((p) => p.id === 'org.springframework.boot')) out.plugins.push({ id: 'org.springframework.boot', version: bootClasspath[1] as string });

  const conf = '(implementation|api|compileOnly|runtimeOnly|developmentOnly|testImplementation|testRuntimeOnly|annotationProcessor|kapt|compile|runtime)';
  for (const m of src.matchAll(new RegExp(`^\\s*${conf}\\s*\\(?\\s*(?:platform\\s*\\(\\s*|enforcedPlatform\\s*\\(\\s*)?["']([\\w.-]+):([\\w.-]+)(?::([^"'@]+))?[^"']*["']`, 'gm'))) {
    out.dependencies.push({ name: `${m[2]}:${m[3]}`.toLowerCase(), ...(m[4] ? { version: m[4] } : {}), configuration: m[1] as string, text: m[0].trim() });
  }
  // Version catalog references (libs.spring.boot.starter.web) are read as their dotted names, good enough to recognise a framework.
  for (const m of src.matchAll(new RegExp(`^\\s*${conf}\\s*\\(?\\s*libs\\.([\\w.]+)`, 'gm'))) out.dependencies.push({ name: `libs:${m[2]}`.toLowerCase(), configuration: m[1] as string, text: m[0].trim() });

  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/languageVersion(?:\.set\s*\(|\s*=\s*)\s*JavaLanguageVersion\.of\(\s*["']?(\d+)["']?\s*\)/, (m) => m[1] as string],
    [/\b(?:sourceCompatibility|targetCompatibility)\s*=\s*(?:JavaVersion\.VERSION_(?:1_)?(\d+)|["']?(?:1\.)?(\d+)["']?)/, (m) => (m[1] ?? m[2]) as string],
    [/\bjvmToolchain\s*\(\s*(\d+)\s*\)/, (m) => m[1] as string],
    [/\breleaseVersion\s*=\s*(\d+)/, (m) => m[1] as string],
  ];
  for (const [re, pick] of rules) {
    const m = re.exec(src);
    if (m) {
      out.javaVersion = { value: pick(m), evidence: `${file}: ${m[0].trim()}` };
      break;
    }
  }
  const main = /\bmainClass(?:Name)?(?:\.set\s*\(|\s*=)\s*["']([\w.$]+)["']/.exec(src);
  if (main) out.mainClass = { value: main[1] as string, evidence: `${file}: ${main[0].trim()}` };
  return out;
}

export function parseSettings(text: string): GradleSettings {
  const src = noComments(text);
  const root = /rootProject\.name\s*=\s*["']([^"']+)["']/.exec(src)?.[1];
  const includes: string[] = [];
  for (const m of src.matchAll(/\binclude\s*\(?([^\n)]*)\)?/g)) {
    for (const q of (m[1] ?? '').matchAll(/["']:?([\w.:-]+)["']/g)) includes.push((q[1] as string).replace(/:/g, '/'));
  }
  return { ...(root ? { rootProject: root } : {}), includes };
}
