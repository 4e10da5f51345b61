/**
 * What a folder says about a Java app: the build (Maven's pom.xml or Gradle's
 * build.gradle[.kts] with settings.gradle[.kts]), its modules, the one to
 * build, the framework (Spring Boot, Quarkus, or a plain main class), the Java
 * version, the port, the health route and the variables the app reads.
 * Reads a bounded set of files through the snapshot.
 */
import type { EnvRead, Finding, LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { SKIPPED_FOLDERS, healthRoute, inDir } from '../../core/toolkit.js';
import { versions } from '../../versions.js';
import type { JavaFramework } from './framework.js';
import { parseGradle, parseSettings, type GradleBuild } from './gradle.js';
import { jarName, parsePom, type Pom } from './pom.js';

const runtime = versions.runtimes.java;
const MAX_SOURCES = 300;

export interface JavaSource {
  path: string;
  text: string;
}

/** One module (project) of the build. */
export interface JavaModule {
  /** Its folder, relative to the project: '' for the root. */
  dir: string;
  /** As the answers' entrypoint names it: "." or the folder. */
  label: string;
  buildFile: string;
  pom?: Pom;
  gradle?: GradleBuild;
  packages: Array<{ name: string; evidence: string }>;
}

export interface JavaProject {
  tool: 'maven' | 'gradle';
  /** Build files the dependency step needs, at their paths (pom.xml of every module; Gradle's settings, build files, wrapper and catalog). */
  manifests: string[];
  /** Folders copied whole before the dependency step (.mvn, gradle/, buildSrc). */
  manifestDirs: string[];
  /** The Gradle wrapper (gradlew and gradle/wrapper/), or Maven's (mvnw). */
  wrapper: boolean;
  modules: JavaModule[];
  /** The root's own module (a Maven parent POM, Gradle's root project). */
  root: JavaModule;
}

const lc = (s: string) => s.toLowerCase();

/** Gradle's version catalog: each library's `group:artifact`. */
function catalog(project: ProjectSnapshot): Array<{ name: string; evidence: string }> {
  const text = project.read('gradle/libs.versions.toml');
  if (!text) return [];
  const out: Array<{ name: string; evidence: string }> = [];
  for (const m of text.matchAll(/(?:module\s*=\s*|^[\w.-]+\s*=\s*)"([\w.-]+):([\w.-]+)(?::[^"]*)?"/gm)) out.push({ name: lc(`${m[1]}:${m[2]}`), evidence: `gradle/libs.versions.toml: ${m[0].trim()}` });
  for (const m of text.matchAll(/group\s*=\s*"([\w.-]+)"\s*,\s*name\s*=\s*"([\w.-]+)"/g)) out.push({ name: lc(`${m[1]}:${m[2]}`), evidence: `gradle/libs.versions.toml: ${m[0].trim()}` });
  return out;
}

function mavenModule(project: ProjectSnapshot, dir: string, parent?: JavaModule): JavaModule | undefined {
  const buildFile = inDir(dir, 'pom.xml');
  const text = project.read(buildFile);
  if (text === undefined) return undefined;
  const pom = parsePom(text);
  const own = pom.dependencies.filter((d) => d.scope !== 'test').map((d) => ({ name: d.name, evidence: `${buildFile}: ${d.groupId}:${d.artifactId}` }));
  // A module inherits its parent's dependencies (and the parent's parent: spring-boot-starter-parent is a BOM, not a dependency, but says Spring Boot).
  const inherited = parent ? parent.packages : [];
  const parentName = pom.parent ? [{ name: lc(`${pom.parent.groupId}:${pom.parent.artifactId}`), evidence: `${buildFile}: <parent> ${pom.parent.groupId}:${pom.parent.artifactId}` }] : [];
  return { dir, label: dir || '.', buildFile, pom, packages: [...parentName, ...inherited, ...own] };
}

function gradleModule(project: ProjectSnapshot, dir: string, shared: Array<{ name: string; evidence: string }>): JavaModule | undefined {
  const buildFile = ['build.gradle.kts', 'build.gradle'].map((f) => inDir(dir, f)).find((f) => project.read(f) !== undefined);
  if (!buildFile) return undefined;
  const gradle = parseGradle(project.read(buildFile) ?? '', buildFile);
  const packages = gradle.dependencies.filter((d) => !/^test/.test(d.configuration)).map((d) => ({ name: d.name, evidence: `${buildFile}: ${d.text}` }));
  for (const p of gradle.plugins) packages.push({ name: `plugin:${lc(p.id)}`, evidence: `${buildFile}: plugin ${p.id}` });
  return { dir, label: dir || '.', buildFile, gradle, packages: [...packages, ...shared] };
}

/** The build of a folder: undefined when it has neither pom.xml nor build.gradle(.kts)/settings.gradle(.kts). */
export function javaProject(project: ProjectSnapshot): JavaProject | undefined {
  const files = project.list('') ?? [];
  if (project.read('pom.xml') !== undefined) {
    const root = mavenModule(project, '') as JavaModule;
    const modules: JavaModule[] = [];
    const walk = (m: JavaModule, depth: number) => {
      for (const sub of m.pom?.modules ?? []) {
        const dir = inDir(m.dir, sub);
        const child = mavenModule(project, dir, m);
        if (!child) continue;
        if (child.pom?.modules.length && depth < 3) walk(child, depth + 1);
        if (child.pom?.packaging !== 'pom') modules.push(child);
        else modules.push({ ...child, packages: child.packages });
      }
    };
    walk(root, 0);
    const all = [root, ...modules];
    const manifestDirs = files.includes('.mvn/') ? ['.mvn'] : [];
    return { tool: 'maven', manifests: all.map((m) => m.buildFile), manifestDirs, wrapper: files.includes('mvnw'), modules: modules.filter((m) => m.pom?.packaging !== 'pom'), root };
  }
  const settingsFile = ['settings.gradle.kts', 'settings.gradle'].find((f) => project.read(f) !== undefined);
  const rootBuild = ['build.gradle.kts', 'build.gradle'].find((f) => project.read(f) !== undefined);
  if (!settingsFile && !rootBuild) return undefined;
  const settings = parseSettings(settingsFile ? (project.read(settingsFile) ?? '') : '');
  const shared = catalog(project);
  const root = gradleModule(project, '', shared) ?? { dir: '', label: '.', buildFile: rootBuild ?? settingsFile ?? 'build.gradle', packages: shared };
  const modules = settings.includes.map((d) => gradleModule(project, d, shared)).filter((m): m is JavaModule => m !== undefined);
  const wrapper = files.includes('gradlew') && project.read('gradle/wrapper/gradle-wrapper.properties') !== undefined;
  const manifests = [...(settingsFile ? [settingsFile] : []), ...(rootBuild ? [rootBuild] : []), ...modules.map((m) => m.buildFile), ...['gradle.properties', ...(wrapper ? ['gradlew'] : [])].filter((f) => project.read(f) !== undefined)];
  const manifestDirs = ['gradle', 'buildSrc'].filter((d) => files.includes(`${d}/`));
  return { tool: 'gradle', manifests, manifestDirs, wrapper, modules, root };
}

/** The modules that can be the app: the root when it has sources or nothing else, then the others. */
export function appModules(p: JavaProject, project: ProjectSnapshot): JavaModule[] {
  const rootHasSources = (project.list('src/main/') ?? []).length > 0;
  if (!p.modules.length) return [p.root];
  return rootHasSources ? [p.root, ...p.modules] : p.modules;
}

/** The .java files below a module's src/main/java, bounded. */
export function javaSources(project: ProjectSnapshot, dir: string): JavaSource[] {
  const out: JavaSource[] = [];
  const queue = [inDir(dir, 'src/main/java')];
  while (queue.length && out.length < MAX_SOURCES) {
    const d = queue.shift() as string;
    for (const e of project.list(d) ?? []) {
      const path = `${d}/${e}`;
      if (e.endsWith('/')) {
        if (!SKIPPED_FOLDERS.has(e.slice(0, -1))) queue.push(path.slice(0, -1));
      } else if (e.endsWith('.java') || e.endsWith('.kt')) {
        const text = project.read(path);
        if (text !== undefined) out.push({ path, text });
      }
    }
  }
  return out;
}

/** Classes with a main method, as fully qualified names, best first (Main, Application, App, Server, then in order). */
export function mainClasses(sources: readonly JavaSource[]): Array<{ value: string; evidence: string }> {
  const out: Array<{ value: string; evidence: string }> = [];
  for (const s of sources) {
    if (!/public\s+static\s+void\s+main\s*\(|^\s*fun\s+main\s*\(/m.test(s.text)) continue;
    const pkg = /^\s*package\s+([\w.]+)/m.exec(s.text)?.[1];
    const cls = (s.path.split('/').pop() as string).replace(/\.(java|kt)$/, '');
    const name = s.path.endsWith('.kt') ? `${cls}Kt` : cls;
    out.push({ value: pkg ? `${pkg}.${name}` : name, evidence: `${s.path}: public static void main` });
  }
  const rank = (v: string) => {
    const i = ['Main', 'Application', 'App', 'Server'].findIndex((n) => v.split('.').pop()?.endsWith(n));
    return i < 0 ? 9 : i;
  };
  return out.sort((a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value));
}

export function frameworkOf(frameworks: readonly JavaFramework[], m: JavaModule): { fw: JavaFramework; evidence: string } | undefined {
  for (const fw of frameworks) {
    const hit = m.packages.find((p) => fw.dependencies.some((d) => (d.endsWith(':') ? p.name.startsWith(d) : p.name === d)) || fw.gradlePlugins.some((g) => p.name === `plugin:${g}`) || (fw.id === 'spring-boot' && /^libs:spring[._-]?boot/.test(p.name)) || (fw.id === 'quarkus' && /^libs:quarkus/.test(p.name)));
    if (hit) return { fw, evidence: hit.evidence };
  }
  return undefined;
}

/** The Spring Boot version, from the parent POM, a BOM import or property, or the Gradle plugin. */
export function bootVersion(project: ProjectSnapshot, p: JavaProject, m: JavaModule): string | undefined {
  for (const mod of [m, p.root]) {
    const parent = mod.pom?.parent;
    if (parent?.artifactId === 'spring-boot-starter-parent' && parent.version) return parent.version;
    const v = mod.pom?.properties['spring-boot.version'];
    if (v) return v;
    const bom = /<artifactId>spring-boot-(?:dependencies|maven-plugin)<\/artifactId>\s*<version>([^<$]+)<\/version>/.exec(project.read(mod.buildFile) ?? '')?.[1];
    if (bom) return bom;
    const plugin = mod.gradle?.plugins.find((x) => x.id === 'org.springframework.boot')?.version;
    if (plugin) return plugin;
  }
  const toml = /spring-?boot\s*=\s*"(\d[^"]*)"/.exec(project.read('gradle/libs.versions.toml') ?? '')?.[1];
  return toml;
}

/** The Java version the build asks for (a minimum: a newer JVM runs it). */
function javaVersionOf(p: JavaProject, m: JavaModule): Finding<string> | undefined {
  for (const mod of [m, p.root]) {
    if (mod.gradle?.javaVersion) return mod.gradle.javaVersion;
    const props = mod.pom?.properties ?? {};
    for (const key of ['maven.compiler.release', 'java.version', 'maven.compiler.target', 'maven.compiler.source', 'jdk.version', 'java.release']) {
      const v = props[key];
      if (v && /^(1\.)?\d+$/.test(v)) return { value: v.replace(/^1\./, ''), evidence: `${mod.buildFile}: <${key}>${v}</${key}>` };
    }
    const release = mod.pom?.plugins.find((x) => x.name.endsWith(':maven-compiler-plugin'))?.text.match(/<release>\s*(\d+)\s*<\/release>/)?.[1];
    if (release) return { value: release, evidence: `${mod.buildFile}: maven-compiler-plugin <release>${release}</release>` };
  }
  return undefined;
}

/** The line we build with: the oldest supported one not older than the build's. */
function pickRuntime(found: Finding<string> | undefined): { found?: Finding<string>; problem?: string } {
  if (!found) return {};
  const want = Number(found.value);
  const line = runtime.supported.find((v) => Number(v) >= want);
  if (!line) return { problem: `${found.evidence}: Java ${found.value} is newer than the Java images we build with (${runtime.supported.join(', ')}); set "runtimeVersion" to one of these` };
  return { found: { value: line, evidence: line === found.value ? found.evidence : `${found.evidence} (a minimum: Java ${line} runs it)` } };
}

interface Settings {
  file: string;
  values: Record<string, string>;
  text: string;
}

/** application.properties / application.yml (flattened to dotted keys), of the module's resources. */
export function settingsOf(project: ProjectSnapshot, dir: string): Settings[] {
  const out: Settings[] = [];
  for (const name of ['application.properties', 'application.yml', 'application.yaml']) {
    const file = inDir(dir, `src/main/resources/${name}`);
    const text = project.read(file);
    if (text === undefined) continue;
    const values: Record<string, string> = {};
    if (name.endsWith('.properties')) {
      for (const m of text.matchAll(/^\s*([\w.\-[\]]+)\s*[=:]\s*(.*?)\s*$/gm)) values[m[1] as string] = m[2] as string;
    } else {
      const stack: Array<{ indent: number; key: string }> = [];
      for (const line of text.split('\n')) {
        if (/^\s*(#|$|---)/.test(line)) continue;
        const m = /^(\s*)([\w.-]+)\s*:\s*(.*?)\s*$/.exec(line);
        if (!m) continue;
        const indent = (m[1] as string).length;
        while (stack.length && (stack[stack.length - 1] as { indent: number }).indent >= indent) stack.pop();
        const key = [...stack.map((s) => s.key), m[2] as string].join('.');
        const value = (m[3] as string).replace(/^(["'])(.*)\1$/, '$2');
        if (value === '' || value === '|' || value === '>') stack.push({ indent, key: m[2] as string });
        else values[key] = value;
      }
    }
    out.push({ file, values, text });
  }
  return out;
}

/** Route paths the code maps (Spring's @GetMapping/@RequestMapping, JAX-RS @Path, the JDK's HttpServer contexts, Javalin/Spark). */
function routesIn(sources: readonly JavaSource[]): Array<{ path: string; file: string }> {
  const out: Array<{ path: string; file: string }> = [];
  const re = /(?:@(?:Get|Request)Mapping\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*|@Path\(\s*|\.createContext\(\s*|\.get\(\s*)"(\/[^"\s{]*)"/g;
  for (const s of sources) for (const m of s.text.matchAll(re)) out.push({ path: m[1] as string, file: s.path });
  return out;
}

const PLACEHOLDER = /\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}/g;

/** Variables the app reads: ${NAME} / ${NAME:default} in its settings, System.getenv in its code, and .env.example's values. */
function envReads(settings: readonly Settings[], sources: readonly JavaSource[], project: ProjectSnapshot): EnvRead[] {
  const ex: Record<string, string> = {};
  for (const file of ['.env.example', '.env.sample', '.env.template']) {
    for (const m of (project.read(file) ?? '').matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/gm)) if (!((m[1] as string) in ex)) ex[m[1] as string] = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  const out = new Map<string, EnvRead>();
  const add = (key: string, evidence: string, dflt: string | undefined) => {
    const prev = out.get(key);
    const hasDefault = dflt !== undefined || prev?.hasDefault === true;
    const url = dflt && /^[a-z][a-z0-9+.-]*:\/\//i.test(dflt) ? dflt.replace(/^jdbc:/, '') : undefined;
    out.set(key, { key, evidence: prev?.evidence ?? evidence, inCode: true, ...(hasDefault ? { hasDefault } : {}), ...(url ? { defaultUrl: url } : {}), ...(key in ex ? { example: ex[key] } : {}) });
  };
  for (const s of settings) for (const [k, v] of Object.entries(s.values)) for (const m of v.matchAll(PLACEHOLDER)) add(m[1] as string, `${s.file}: ${k}=${v}`, m[2]);
  for (const s of sources) {
    for (const m of s.text.matchAll(/System\.getenv\(\s*"([A-Z][A-Z0-9_]*)"\s*\)/g)) add(m[1] as string, `${s.path}: System.getenv("${m[1]}")`, undefined);
    for (const m of s.text.matchAll(/getenv\(\)\.getOrDefault\(\s*"([A-Z][A-Z0-9_]*)"\s*,\s*"([^"]*)"\s*\)/g)) add(m[1] as string, `${s.path}: System.getenv().getOrDefault("${m[1]}", ...)`, m[2]);
  }
  // A getenv with a fallback right after it (Objects.requireNonNullElse, Optional...orElse, a ternary) has a default.
  for (const s of sources) {
    for (const m of s.text.matchAll(/getenv\(\s*"([A-Z][A-Z0-9_]*)"\s*\)\s*\)?\s*(?:,\s*"([^"]*)"|\.orElse\(\s*"([^"]*)"|\s*!=\s*null\s*\?)/g)) {
      const prev = out.get(m[1] as string);
      if (prev) out.set(m[1] as string, { ...prev, hasDefault: true, ...(m[2] ?? m[3] ? { defaultUrl: (m[2] ?? m[3]) as string } : {}) });
    }
  }
  for (const r of out.values()) if (r.defaultUrl && !/^[a-z][a-z0-9+.-]*:\/\//i.test(r.defaultUrl)) delete r.defaultUrl;
  return [...out.values()];
}

/**
 * The variables Spring Boot and Quarkus read for their services (relaxed
 * binding: SPRING_DATASOURCE_URL is spring.datasource.url): each has a default
 * of the framework's, so it is written to .env only when a service wires it.
 */
const FRAMEWORK_ENV: Record<string, readonly string[]> = {
  'spring-boot': ['SPRING_DATASOURCE_URL', 'SPRING_DATASOURCE_USERNAME', 'SPRING_DATASOURCE_PASSWORD', 'SPRING_DATA_REDIS_HOST', 'SPRING_DATA_REDIS_PORT', 'SPRING_DATA_REDIS_PASSWORD', 'SPRING_RABBITMQ_HOST', 'SPRING_RABBITMQ_PORT', 'SPRING_RABBITMQ_USERNAME', 'SPRING_RABBITMQ_PASSWORD', 'SPRING_DATA_MONGODB_URI'],
  quarkus: ['QUARKUS_DATASOURCE_JDBC_URL', 'QUARKUS_DATASOURCE_USERNAME', 'QUARKUS_DATASOURCE_PASSWORD', 'QUARKUS_REDIS_HOSTS', 'QUARKUS_MONGODB_CONNECTION_STRING', 'RABBITMQ_HOST', 'RABBITMQ_PORT', 'RABBITMQ_USERNAME', 'RABBITMQ_PASSWORD'],
};

function findPort(fw: string | undefined, settings: readonly Settings[], sources: readonly JavaSource[]): Finding<number> | undefined {
  const keys = fw === 'quarkus' ? ['quarkus.http.port'] : ['server.port'];
  for (const s of settings) {
    for (const k of keys) {
      const v = s.values[k];
      const n = v && (/^(\d{2,5})$/.exec(v)?.[1] ?? /^\$\{[A-Z_]+:(\d{2,5})\}$/.exec(v)?.[1]);
      if (n) return { value: Number(n), evidence: `${s.file}: ${k}=${v}` };
    }
  }
  if (fw !== 'plain-java') return undefined;
  const rules = [/getenv\(\)\.getOrDefault\(\s*"(?:PORT|HTTP_PORT|SERVER_PORT)"\s*,\s*"(\d{2,5})"/, /getenv\(\s*"(?:PORT|HTTP_PORT|SERVER_PORT)"\s*\)[^;]{0,80}?"(\d{2,5})"/, /new\s+InetSocketAddress\(\s*(?:"[\w.]+"\s*,\s*)?(\d{2,5})\s*\)/, /\b(?:PORT|port)\s*=\s*(\d{2,5})\s*;/];
  for (const re of rules) {
    for (const s of sources) {
      const m = re.exec(s.text);
      if (m) return { value: Number(m[1]), evidence: `${s.path}: ${m[0].trim()}` };
    }
  }
  return undefined;
}

/** Several app modules: the one with a framework, else with a main class, else the most server-like name, else the first. */
export function pickModule(frameworks: readonly JavaFramework[], candidates: readonly JavaModule[], project: ProjectSnapshot): { module: JavaModule; rule: string } {
  if (candidates.length === 1) return { module: candidates[0] as JavaModule, rule: 'the only module' };
  const withFw = candidates.filter((m) => frameworkOf(frameworks.filter((f) => f.dependencies.length || f.gradlePlugins.length), m));
  // Spring Boot's plugin in a module marks its app (a library module may use Spring Boot's dependencies without it).
  const booted = withFw.filter((m) => m.packages.some((p) => p.name === 'org.springframework.boot:spring-boot-maven-plugin' || p.name === 'plugin:org.springframework.boot' || p.name === 'plugin:io.quarkus') || m.pom?.plugins.some((x) => /spring-boot-maven-plugin|quarkus-maven-plugin/.test(x.name)));
  if (booted.length) return { module: booted[0] as JavaModule, rule: 'it has the framework\'s build plugin' };
  const mains = candidates.filter((m) => mainClasses(javaSources(project, m.dir)).length > 0);
  if (mains.length === 1) return { module: mains[0] as JavaModule, rule: 'it is the only one with a main class' };
  const pool = mains.length ? mains : withFw.length ? withFw : candidates;
  for (const name of ['app', 'server', 'api', 'web', 'service', 'application', 'backend', 'boot']) {
    const hit = pool.find((m) => (m.dir.split('/').pop() ?? '').toLowerCase().includes(name));
    if (hit) return { module: hit, rule: `"${hit.dir}" is the most app-like name` };
  }
  return { module: pool[0] as JavaModule, rule: 'the first in the build\'s module list' };
}

/** Reads a folder; undefined when it holds no Maven or Gradle build. */
export function detectJavaWith(frameworks: readonly JavaFramework[], project: ProjectSnapshot): LanguageDetection | undefined {
  const p = javaProject(project);
  if (!p) return undefined;
  const warnings: string[] = [];
  const found: LanguageDetection = { confidence: 1, evidence: p.tool === 'maven' ? `pom.xml${p.root.pom?.artifactId ? `: ${p.root.pom.groupId ?? ''}:${p.root.pom.artifactId}` : ''}` : p.root.buildFile, packages: [], warnings };
  found.packageManager = { value: p.tool, evidence: p.tool === 'maven' ? 'pom.xml' : p.root.buildFile };
  const candidates = appModules(p, project);
  const { module, rule } = pickModule(frameworks, candidates, project);
  found.entrypoint = { value: module.label, evidence: candidates.length > 1 ? `modules ${candidates.map((m) => m.label).join(', ')}: ${module.label}, since ${rule}` : `${module.buildFile}` };
  if (candidates.length > 1) warnings.push(`several modules (${candidates.map((m) => m.label).join(', ')}): building ${module.label}, since ${rule}; set "entrypoint" to build another`);
  found.packages = module.packages.filter((x) => !x.name.startsWith('plugin:'));

  const sources = javaSources(project, module.dir);
  const fw = frameworkOf(frameworks, module);
  const plainFw = frameworks.find((f) => f.dependencies.length === 0 && f.gradlePlugins.length === 0);
  const mains = mainClasses(sources);
  if (fw) {
    found.framework = { value: fw.fw.id, evidence: fw.evidence };
    found.confidence = 2;
  } else if (plainFw && (mains.length || module.pom?.mainClass || module.gradle?.mainClass)) {
    found.framework = { value: plainFw.id, evidence: module.pom?.mainClass?.evidence ?? module.gradle?.mainClass?.evidence ?? (mains[0] as { evidence: string }).evidence };
    found.confidence = 2;
  }
  const settings = settingsOf(project, module.dir);
  const port = findPort(found.framework?.value, settings, sources);
  if (port) found.port = port;

  const has = (re: RegExp) => module.packages.find((x) => re.test(x.name));
  const actuator = has(/^org\.springframework\.boot:spring-boot-starter-actuator$|^libs:spring[._-]?boot[._-]?starter[._-]?actuator$/);
  const smallrye = has(/^io\.quarkus:quarkus-smallrye-health$|^libs:quarkus[._-]?smallrye[._-]?health$/);
  const health = healthRoute(routesIn(sources));
  if (found.framework?.value === 'spring-boot' && actuator) {
    const base = settings.map((s) => s.values['management.endpoints.web.base-path']).find((v) => v !== undefined) ?? '/actuator';
    found.healthPath = { value: `${base.replace(/\/+$/, '')}/health`, evidence: `${actuator.evidence}: Spring Boot Actuator's health endpoint` };
  } else if (found.framework?.value === 'quarkus' && smallrye) {
    found.healthPath = { value: '/q/health', evidence: `${smallrye.evidence}: SmallRye Health's endpoint` };
  } else if (health) {
    found.healthPath = { value: health.path, evidence: `${health.file}: a route for ${health.path}` };
  }

  // The variables of every module the app is built from (a library module often holds the database code).
  const others = candidates.length > 1 || p.modules.length ? p.modules.filter((m) => m !== module).flatMap((m) => javaSources(project, m.dir)) : [];
  const env = envReads(settings, [...sources, ...others], project);
  // Only for the clients the module declares: an unset SPRING_RABBITMQ_PASSWORD is no credential to ask for.
  const uses: Record<string, RegExp> = { DATASOURCE: /jdbc|jpa|postgresql|mysql|mariadb|flyway|liquibase|hibernate/, REDIS: /redis|lettuce|jedis|redisson/, RABBITMQ: /amqp|rabbit/, MONGODB: /mongo/ };
  const declared = (key: string) => Object.entries(uses).some(([part, re]) => key.includes(part) && module.packages.some((x) => re.test(x.name)));
  for (const key of (FRAMEWORK_ENV[found.framework?.value ?? ''] ?? []).filter(declared)) {
    if (!env.some((e) => e.key === key)) env.push({ key, evidence: `${found.framework?.value === 'quarkus' ? 'Quarkus' : 'Spring Boot'} reads ${key} (relaxed binding of ${key.toLowerCase().replace(/_/g, '.')})`, hasDefault: true });
  }
  if (env.length) found.env = env;
  const schemes: Array<{ scheme: string; evidence: string }> = [];
  for (const s of [...settings, ...sources.map((x) => ({ file: x.path, text: x.text }))]) {
    for (const m of s.text.matchAll(/(?:jdbc:)?\b(postgresql|mysql|mariadb|mongodb|mongodb\+srv|redis|rediss|amqp|amqps):\/\//g)) if (!schemes.some((x) => x.scheme === m[1])) schemes.push({ scheme: m[1] as string, evidence: `${s.file}: ${m[0]}...` });
  }
  if (schemes.length) found.schemes = schemes;
  const rt = pickRuntime(javaVersionOf(p, module));
  if (rt.found) found.runtimeVersion = rt.found;
  if (rt.problem) found.problems = [{ key: 'runtimeVersion', message: rt.problem }];
  if (p.tool === 'maven' && module.pom && !jarName(module.pom) && found.framework?.value !== 'quarkus') warnings.push(`${module.buildFile}: the jar's name has a placeholder left in it; the image copies ${module.dir ? `${module.dir}/` : ''}target/*.jar`);
  return found;
}
