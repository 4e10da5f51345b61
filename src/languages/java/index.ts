/**
 * Java: Spring Boot, Quarkus and plain main-class apps, built with Maven or
 * Gradle (the project's wrapper, or the official image's tool) with the
 * dependency cache mounted, and run on an Eclipse Temurin JRE as an
 * unprivileged user. The build files are copied (and the dependencies
 * resolved) before the sources, so a code change skips the download; Spring
 * Boot's jar is extracted into its layers, Quarkus' fast-jar keeps its lib/
 * apart, and a plain app's runtime dependencies sit in lib/ beside its jar.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { LanguagePlanInput, LanguageProvider } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { renderTemplate } from '../../core/render.js';
import { execForm, humanList, inDir } from '../../core/toolkit.js';
import type { FieldError } from '../../core/validate.js';
import { versions } from '../../versions.js';
import { appModules, bootVersion, detectJavaWith, javaProject, javaSources, mainClasses, type JavaModule, type JavaProject } from './detect.js';
import { JVM_FLAGS, STARTER_MAIN, type JavaFramework } from './framework.js';
import { plain } from './frameworks/plain.js';
import { quarkus } from './frameworks/quarkus.js';
import { springBoot } from './frameworks/spring-boot.js';
import { jarName } from './pom.js';
import { PROBE_DIR, probeWords } from './probe.js';
import { STARTER_ARTIFACT, starterFiles } from './starter.js';

export const javaFrameworks: readonly JavaFramework[] = [springBoot, quarkus, plain];

function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): JavaFramework {
  const fw = javaFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a Java framework`);
  return fw;
}

const runtime = versions.runtimes.java;
const UID = 10001;
const DEP_PLUGIN = `org.apache.maven.plugins:maven-dependency-plugin:${versions.javaBuild.dependencyPlugin}`;
const tag = (t: string, version: string) => t.replace('{version}', version);

/** What the Dockerfile builds: the tool, the module and how its app is laid out. */
interface Build {
  tool: 'maven' | 'gradle';
  wrapper: boolean;
  project?: JavaProject;
  module?: JavaModule;
  /** The module's folder ('' for the root). */
  dir: string;
  multi: boolean;
  jar?: string;
  mainClass: { value: string; evidence?: string };
  boot?: string;
}

function buildOf({ r, project, starter }: Pick<LanguagePlanInput, 'r' | 'project' | 'starter'>): Build {
  if (starter) return { tool: 'maven', wrapper: false, dir: '', multi: false, jar: `${STARTER_ARTIFACT}.jar`, mainClass: { value: STARTER_MAIN } };
  const p = javaProject(project);
  const tool = p?.tool ?? (r.packageManager === 'gradle' ? 'gradle' : 'maven');
  const candidates = p ? appModules(p, project) : [];
  const module = candidates.find((m) => m.label === r.entrypoint.replace(/^\.\//, '').replace(/\/+$/, '')) ?? candidates.find((m) => m.label === r.entrypoint) ?? candidates[0];
  const dir = module?.dir ?? '';
  const mains = mainClasses(javaSources(project, dir));
  const main = module?.pom?.mainClass ?? module?.gradle?.mainClass ?? mains[0];
  const boot = p && module && r.framework === springBoot.id ? bootVersion(project, p, module) : undefined;
  const jar = module?.pom ? jarName(module.pom) : undefined;
  return {
    tool,
    wrapper: p?.wrapper ?? false,
    ...(p ? { project: p } : {}),
    ...(module ? { module } : {}),
    dir,
    multi: (p?.modules.length ?? 0) > 0,
    ...(jar ? { jar } : {}),
    mainClass: main ? { value: main.value, evidence: main.evidence } : { value: STARTER_MAIN },
    ...(boot ? { boot } : {}),
  };
}

const major = (v: string | undefined) => Number(/^(\d+)\.(\d+)/.exec(v ?? '')?.[1] ?? 0);
const minor = (v: string | undefined) => Number(/^(\d+)\.(\d+)/.exec(v ?? '')?.[2] ?? 0);
/** Spring Boot 3.3 added `-Djarmode=tools` (layertools before); 3.2 moved JarLauncher to ...loader.launch. Unknown: a current Boot. */
const bootAtLeast = (b: Build, maj: number, min: number) => !b.boot || major(b.boot) > maj || (major(b.boot) === maj && minor(b.boot) >= min);

function startCommand(r: ResolvedAnswers, b: Build): string[] {
  if (r.command) return r.command;
  switch (r.framework) {
    case springBoot.id:
      return ['java', ...JVM_FLAGS, bootAtLeast(b, 3, 2) ? 'org.springframework.boot.loader.launch.JarLauncher' : 'org.springframework.boot.loader.JarLauncher'];
    case quarkus.id:
      return quarkus.command({ name: r.name, port: r.port, entrypoint: r.entrypoint, healthPath: r.healthPath, services: r.services });
    default:
      return ['java', ...JVM_FLAGS, '-cp', '/app/app.jar:/app/lib/*', b.mainClass.value];
  }
}

/** A Gradle task of the module (":services:api:bootJar", or "bootJar" for the root). */
const gradleTask = (dir: string, task: string) => (dir ? `:${dir.replace(/\//g, ':')}:${task}` : task);

function dockerfileView(input: LanguagePlanInput) {
  const { r } = input;
  const fw = frameworkOf(r);
  const b = buildOf(input);
  const v = r.runtimeVersion;
  const at = (path: string) => inDir(b.dir, path);
  const manifests = input.starter ? ['pom.xml'] : (b.project?.manifests ?? []);
  const dirs = input.starter ? [] : (b.project?.manifestDirs ?? []);
  const copyOf = (f: string) => (f.includes('/') ? `${f} ${f.slice(0, f.lastIndexOf('/') + 1)}` : `${f} ./`);
  const manifestCopies = [...manifests.map(copyOf), ...dirs.map((d) => `${d} ./${d}`)];
  const collect: string[] = [];
  const layers: Array<{ from: string; to: string; comment?: string }> = [];
  let packageCommand: string;
  let packageWhy: string;
  let resolve: { command: string; why: string } | undefined;
  let noResolve = '';
  let builderImage: string;
  let cache: string;

  if (b.tool === 'maven') {
    builderImage = tag(versions.javaBuild.maven, v);
    cache = '/root/.m2';
    const pl = b.multi && b.dir ? ` -pl ${b.dir} -am` : '';
    if (b.multi) noResolve = "A multi-module build: dependency:resolve can't resolve the modules' dependencies on each other before they are built, so the package step downloads what it needs (into the same cache mount).";
    else resolve = { command: `mvn -B ${DEP_PLUGIN}:resolve`, why: "Download the dependencies pom.xml declares into the cache mount (~/.m2). Not dependency:go-offline: it also fetches plugins the build never runs." };
    const target = at('target');
    if (fw.id === plain.id) {
      packageCommand = `mvn -B package ${DEP_PLUGIN}:copy-dependencies -DskipTests -DincludeScope=runtime -DoutputDirectory=/out/lib${pl}`;
      packageWhy = 'Package the jar (tests are for CI, not the image) and copy its runtime dependencies to /out/lib.';
      collect.push('mkdir -p /out/lib', `cp ${target}/${b.jar ?? '*.jar'} /out/app.jar`);
    } else {
      packageCommand = `mvn -B package -DskipTests${pl}`;
      packageWhy = 'Package the app (tests are for CI, not the image).';
    }
    if (fw.id === springBoot.id) collect.push('mkdir -p /out', `cp ${target}/${b.jar ?? '*.jar'} /out/app.jar`);
    if (fw.id === quarkus.id) collect.push('mkdir -p /out', `cp -r ${target}/quarkus-app /out/quarkus-app`);
  } else {
    builderImage = tag(b.wrapper ? versions.javaBuild.jdk : versions.javaBuild.gradle, v);
    cache = '/root/.gradle';
    const gradle = b.wrapper ? './gradlew' : 'gradle';
    const task = fw.id === springBoot.id ? 'bootJar' : fw.id === quarkus.id ? 'quarkusBuild' : 'installDist';
    resolve = {
      command: `${b.wrapper ? 'chmod +x gradlew && ' : ''}${gradle} --no-daemon --quiet ${gradleTask(b.dir, 'dependencies')} > /dev/null`,
      why: `Resolve the dependencies the build files declare${b.wrapper ? ' (and download the Gradle version gradle-wrapper.properties pins)' : ''} into the cache mount.`,
    };
    packageCommand = `${gradle} --no-daemon ${gradleTask(b.dir, task)}`;
    packageWhy = `${task}: ${fw.id === springBoot.id ? "Spring Boot's executable jar" : fw.id === quarkus.id ? "Quarkus' fast-jar (build/quarkus-app)" : 'the application plugin\'s jar and its runtime dependencies (build/install/*/lib)'}; tests are for CI, not the image.`;
    const out = at('build');
    if (fw.id === springBoot.id) collect.push('mkdir -p /out', `cp ${out}/libs/*.jar /out/app.jar`);
    else if (fw.id === quarkus.id) collect.push('mkdir -p /out', `cp -r ${out}/quarkus-app /out/quarkus-app`);
    // The project's own jar (build/libs) apart from its dependencies, so a code change leaves the lib/ layer alone.
    else collect.push('mkdir -p /out', `cp -r ${out}/install/*/lib /out/lib`, `mv /out/lib/"$(basename ${out}/libs/*.jar)" /out/app.jar`);
  }

  if (fw.id === springBoot.id) {
    collect.push(bootAtLeast(b, 3, 3) ? 'java -Djarmode=tools -jar /out/app.jar extract --layers --launcher --destination /out/layers' : 'cd /out && java -Djarmode=layertools -jar app.jar extract --destination /out/layers');
    const names = ['dependencies', 'spring-boot-loader', 'snapshot-dependencies', 'application'];
    names.forEach((n, i) => layers.push({ from: `/out/layers/${n}/`, to: './', ...(i === 0 ? { comment: "Spring Boot's layers, the least often changed first: a code change rebuilds only the last one" } : {}) }));
  } else if (fw.id === quarkus.id) {
    layers.push({ from: '/out/quarkus-app/lib/', to: './lib/', comment: "Quarkus' fast-jar: the libraries first (they change least), then the app" });
    layers.push({ from: '/out/quarkus-app/*.jar', to: './' }, { from: '/out/quarkus-app/app/', to: './app/' }, { from: '/out/quarkus-app/quarkus/', to: './quarkus/' });
  } else {
    layers.push({ from: '/out/lib/', to: './lib/', comment: 'The runtime dependencies first (they change least), then the app' });
    layers.push({ from: '/out/app.jar', to: './app.jar' });
  }

  return {
    title: r.name,
    framework: fw.title,
    runtimeVersion: v,
    toolTitle: b.tool === 'maven' ? 'Maven' : b.wrapper ? 'the Gradle wrapper' : 'Gradle',
    builderImage,
    gradleHome: b.tool === 'gradle',
    cache,
    probe: probeWords(),
    probeDir: PROBE_DIR,
    buildSummary: `${b.tool === 'maven' ? 'Maven' : 'Gradle'} resolves the dependencies from the build files, then packages ${b.dir ? `the ${b.dir} module` : 'the app'}`,
    manifestCopies,
    resolve,
    noResolve,
    packageCommand,
    packageWhy,
    collect,
    finalImage: tag(runtime.tag, v),
    layers,
    port: r.port,
    uid: UID,
    healthcheck: execForm(java.healthcheck(r.port, r.healthPath, r.healthCheck === 'any-response')),
    command: execForm(startCommand(r, b)),
  };
}

function hasApp(_r: Pick<ResolvedAnswers, 'framework' | 'entrypoint'> & Partial<ResolvedAnswers>, project: ProjectSnapshot): boolean {
  return javaProject(project) !== undefined;
}

export const java: LanguageProvider = {
  id: 'java',
  title: 'Java',
  runtime,
  manifests: 'pom.xml, build.gradle(.kts), settings.gradle(.kts)',
  frameworks: javaFrameworks,
  packageManagers: ['maven', 'gradle'],
  uid: UID,
  // Probe.class, compiled by the Dockerfile's probe stage (see probe.ts): the JRE image has no curl or wget.
  healthcheck: (port, path, anyResponse) => ['java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', PROBE_DIR, 'Probe', String(port), path, anyResponse ? '500' : '400'],
  dockerignore: [
    {
      comment: 'Java build output and local caches (the image builds its own)',
      patterns: ['**/target', '**/build', '**/.gradle', '**/out', '*.class', '*.log', 'hs_err_pid*', '.idea', '*.iml'],
    },
  ],
  starterGitignore: () => ['target/', 'build/', '.gradle/'],
  detect: (project) => detectJavaWith(javaFrameworks, project),
  defaultPackageManager: () => 'maven',
  extraImages: [tag(versions.javaBuild.maven, runtime.default), tag(versions.javaBuild.jdk, runtime.default), tag(versions.javaBuild.gradle, runtime.default)],
  hasApp,

  // The starter uses only the JDK (com.sun.net.httpserver), built with Maven: nothing to download.
  forStarter: (r) => ({ ...r, framework: plain.id, packageManager: 'maven', entrypoint: '.' }),

  check(answers, input) {
    const errors: FieldError[] = [];
    if (input.starter) return errors;
    const p = javaProject(input.project);
    if (!p) return errors;
    if (typeof answers.packageManager === 'string' && answers.packageManager !== p.tool) {
      errors.push({ pointer: '/packageManager', message: `the project builds with ${p.tool === 'maven' ? 'Maven (pom.xml)' : `Gradle (${p.root.buildFile})`}, not ${answers.packageManager}` });
    }
    const candidates = appModules(p, input.project);
    const wanted = input.r.entrypoint.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
    if (!candidates.some((m) => m.label === wanted)) {
      errors.push({ pointer: '/entrypoint', message: `there is no module "${input.r.entrypoint}" in ${p.tool === 'maven' ? 'pom.xml\'s <modules>' : 'settings.gradle\'s includes'}: use one of ${humanList(candidates.map((m) => `"${m.label}"`))}` });
    }
    return errors;
  },

  command: (input) => startCommand(input.r, buildOf(input)),

  dockerfile(input) {
    return renderTemplate(input.templates, 'java/Dockerfile.ejs', dockerfileView(input));
  },

  files(input) {
    return input.starter ? starterFiles(input) : [];
  },

  notes(input) {
    const { r, project, starter } = input;
    const notes: string[] = [];
    const probe = `The JRE image has no curl or wget: its HEALTHCHECK runs a small Probe class (java.base only) that the Dockerfile's probe stage compiles (not added to your repository).`;
    if (starter) return ['The starter is a plain Java app on the JDK\'s HTTP server (com.sun.net.httpserver), built with Maven: it has no dependencies to download.', probe];
    const b = buildOf(input);
    const fw = frameworkOf(r);
    if (b.tool === 'maven' && b.wrapper) notes.push("mvnw is here, but the image builds with the Maven of its official image (3.9): the wrapper would download Maven again on every cold build. Pin the image's tag if your build needs another Maven.");
    if (b.tool === 'gradle' && !b.wrapper) notes.push(`No Gradle wrapper (gradlew and gradle/wrapper/): the image builds with Gradle's official image (${tag(versions.javaBuild.gradle, r.runtimeVersion)}). Commit the wrapper (\`gradle wrapper\`) to pin your Gradle.`);
    if (b.multi) notes.push(`A multi-module build: the image builds ${b.dir ? `the ${b.dir} module${b.tool === 'maven' ? ' and the modules it needs (-pl -am)' : ''}` : 'the root project'}. Set "entrypoint" to build another module.`);
    if (fw.id === plain.id) {
      if (b.mainClass.evidence) notes.push(`The image starts ${b.mainClass.value} (${b.mainClass.evidence}).`);
      else if (!r.command) notes.push(`No main class was found (no public static void main under src/main/java, no mainClass in the build): the image starts ${b.mainClass.value}; set "command" to start yours.`);
      if (b.tool === 'gradle' && !b.module?.gradle?.plugins.some((p) => p.id === 'application')) notes.push(`${b.module?.buildFile ?? 'build.gradle'} does not apply the application plugin: the image runs \`installDist\`, which it adds. Add \`application { mainClass = "${b.mainClass.value}" }\`.`);
      const readsPort = javaSources(project, b.dir).some((s) => /"PORT"/.test(s.text));
      if (!readsPort) notes.push(`The app does not read PORT: it must listen on ${r.port} by itself (the image sets PORT=${r.port} and publishes ${r.port}).`);
    }
    if (fw.id === springBoot.id) {
      notes.push(`Spring Boot's jar is extracted into its layers (${bootAtLeast(b, 3, 3) ? '-Djarmode=tools' : '-Djarmode=layertools'}${b.boot ? `, Spring Boot ${b.boot}` : ', for Spring Boot 3.3 and later: no version was found'}) and started with JarLauncher: a code change rebuilds only the application layer.`);
      if (b.module?.packages.some((p) => /^org\.(flywaydb|liquibase):/.test(p.name))) notes.push('Flyway or Liquibase is a dependency: Spring Boot applies the migrations when the app starts (no separate migrate step).');
    }
    notes.push(`The build runs as root in the build stage; the app runs on ${tag(runtime.tag, r.runtimeVersion)} as uid ${UID}, with -XX:MaxRAMPercentage=75 (the heap follows the container's memory limit).`);
    notes.push(probe);
    return notes;
  },
};
