import { describe, expect, it } from 'vitest';
import { generate, seededRandom, snapshotOf, type Answers } from '../../core/index.js';
import { loadTemplates } from '../../node/templates.js';
import { parseGradle, parseSettings } from './gradle.js';
import { java } from './index.js';
import { jarName, parsePom } from './pom.js';
import { PROBE_SOURCE } from './probe.js';

const detect = (files: Record<string, string>) => java.detect(snapshotOf(files));
const pom = (body: string, head = '<groupId>com.acme</groupId><artifactId>shop</artifactId><version>1.0.0</version>') => `<?xml version="1.0"?>\n<project>\n<modelVersion>4.0.0</modelVersion>\n${head}\n${body}\n</project>\n`;
const dep = (g: string, a: string, extra = '') => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId>${extra}</dependency>`;
const deps = (...d: string[]) => `<dependencies>${d.join('')}</dependencies>`;
const plan = (answers: Answers, files: Record<string, string>) => generate({ answers, project: snapshotOf(files), templates: loadTemplates(), random: seededRandom(1), folderName: 'svc' });
const dockerfile = (answers: Answers, files: Record<string, string>) => plan(answers, files).files.find((f) => f.path === 'Dockerfile')?.content ?? '';
const mainJava = (pkg: string, cls: string) => `package ${pkg};\npublic class ${cls} {\n  public static void main(String[] args) {}\n}\n`;

describe('pom.xml', () => {
  it('reads coordinates (inherited from the parent), properties, dependencies without test scope, modules and the main class', () => {
    const p = parsePom(
      `<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.4.1</version></parent>
<artifactId>api</artifactId><properties><java.version>21</java.version><pg.version>42.7.7</pg.version></properties>
<dependencies>${dep('org.postgresql', 'postgresql', '<version>${pg.version}</version>')}${dep('junit', 'junit', '<scope>test</scope>')}</dependencies>
<dependencyManagement><dependencies>${dep('x', 'managed')}</dependencies></dependencyManagement>
<modules><module>core</module></modules>
<build><plugins><plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><mainClass>com.acme.Main</mainClass></manifest></archive></configuration></plugin></plugins></build></project>`,
    );
    expect(p.groupId).toBe('org.springframework.boot');
    expect(p.version).toBe('3.4.1');
    expect(p.dependencies.map((d) => [d.name, d.version, d.scope])).toEqual([
      ['org.postgresql:postgresql', '42.7.7', undefined],
      ['junit:junit', undefined, 'test'],
    ]);
    expect(p.modules).toEqual(['core']);
    expect(p.mainClass?.value).toBe('com.acme.Main');
    expect(jarName(p)).toBe('api-3.4.1.jar');
    expect(jarName(parsePom(pom('', '<artifactId>x</artifactId><version>${revision}</version>')))).toBeUndefined();
  });
});

describe('build.gradle(.kts)', () => {
  it('reads plugins, coordinates, the toolchain and the main class, in both DSLs', () => {
    const kts = parseGradle('plugins {\n    id("org.springframework.boot") version "3.3.0"\n    application\n}\njava { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\ndependencies {\n    implementation("org.postgresql:postgresql:42.7.7")\n    testImplementation("junit:junit:4.13")\n}\napplication { mainClass.set("a.Main") }\n', 'build.gradle.kts');
    expect(kts.plugins.map((p) => p.id)).toEqual(['org.springframework.boot', 'application']);
    expect(kts.dependencies.map((d) => d.name)).toEqual(['org.postgresql:postgresql', 'junit:junit']);
    expect(kts.javaVersion?.value).toBe('21');
    expect(kts.mainClass?.value).toBe('a.Main');
    const groovy = parseGradle("plugins {\n  id 'java'\n}\nsourceCompatibility = JavaVersion.VERSION_17\ndependencies {\n  implementation 'redis.clients:jedis:5.1.0'\n}\n", 'build.gradle');
    expect(groovy.javaVersion?.value).toBe('17');
    expect(groovy.dependencies[0]?.name).toBe('redis.clients:jedis');
    expect(parseSettings("rootProject.name = 'shop'\ninclude 'app', ':services:api'\n")).toEqual({ rootProject: 'shop', includes: ['app', 'services/api'] });
  });
});

describe('detecting a Java app', () => {
  it('is nothing without a Maven or Gradle build', () => {
    expect(detect({ 'src/main/java/App.java': mainJava('a', 'App') })).toBeUndefined();
  });

  it('frameworks: Spring Boot by its parent, Quarkus by its group, plain by a main class', () => {
    const boot = detect({ 'pom.xml': pom(deps(dep('org.springframework.boot', 'spring-boot-starter-web')), '<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.4.1</version></parent><artifactId>x</artifactId>') });
    expect(boot?.framework?.value).toBe('spring-boot');
    expect(detect({ 'pom.xml': pom(deps(dep('io.quarkus', 'quarkus-rest'))) })?.framework?.value).toBe('quarkus');
    const plain = detect({ 'pom.xml': pom(''), 'src/main/java/com/acme/Server.java': mainJava('com.acme', 'Server') });
    expect(plain?.framework?.value).toBe('plain-java');
    expect(detect({ 'pom.xml': pom('') })?.framework).toBeUndefined();
  });

  it('the Java line: the oldest image not older than the build asks for; a newer one is a problem', () => {
    const rt = (props: string) => {
      const d = detect({ 'pom.xml': pom(`<properties>${props}</properties>`) });
      return d?.runtimeVersion?.value ?? d?.problems?.[0]?.message;
    };
    expect(rt('<maven.compiler.release>21</maven.compiler.release>')).toBe('21');
    expect(rt('<maven.compiler.source>1.8</maven.compiler.source>')).toBe('17');
    expect(rt('<java.version>22</java.version>')).toBe('25');
    expect(rt('<java.version>26</java.version>')).toMatch(/Java 26 is newer than the Java images/);
  });

  it('health: Actuator, SmallRye Health, else a route in the code; port from application.properties', () => {
    const d = detect({ 'pom.xml': pom(deps(dep('org.springframework.boot', 'spring-boot-starter-web'), dep('org.springframework.boot', 'spring-boot-starter-actuator'))), 'src/main/resources/application.properties': 'server.port=${PORT:8081}\n' });
    expect(d?.healthPath?.value).toBe('/actuator/health');
    expect(d?.port?.value).toBe(8081);
    expect(detect({ 'pom.xml': pom(deps(dep('io.quarkus', 'quarkus-smallrye-health'))) })?.healthPath?.value).toBe('/q/health');
    const routed = detect({ 'pom.xml': pom(''), 'src/main/java/a/App.java': `${mainJava('a', 'App')}\n// server.createContext("/healthz", h);\n` });
    expect(routed?.healthPath?.value).toBe('/healthz');
  });

  it('several modules: the one with the framework\'s plugin; a warning names the rule', () => {
    const d = detect({
      'pom.xml': pom('<packaging>pom</packaging><modules><module>lib</module><module>web</module></modules>'),
      'lib/pom.xml': pom('', '<artifactId>lib</artifactId>'),
      'web/pom.xml': pom(`${deps(dep('org.springframework.boot', 'spring-boot-starter-web'))}<build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>`, '<artifactId>web</artifactId>'),
    });
    expect(d?.entrypoint?.value).toBe('web');
    expect(d?.warnings.join('\n')).toMatch(/several modules \(lib, web\): building web/);
  });
});

describe('the Dockerfile', () => {
  it('Maven: build files, dependency:resolve, then the sources; a JRE final stage as uid 10001 with the probe', () => {
    const df = dockerfile({ name: 'svc', language: 'java', framework: 'plain-java' }, { 'pom.xml': pom(''), 'src/main/java/a/Main.java': mainJava('a', 'Main') });
    const order = ['COPY pom.xml ./', 'maven-dependency-plugin:3.8.1:resolve', 'COPY . .', 'mvn -B package', 'FROM eclipse-temurin:21-jre-noble', 'USER 10001:10001', 'CMD ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/app.jar:/app/lib/*", "a.Main"]'];
    const at = order.map((s) => df.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(df).toContain('cp target/shop-1.0.0.jar /out/app.jar');
    expect(df).toContain('"Probe", "8080"');
  });

  it('Spring Boot: tools extraction from 3.3, layertools and the old JarLauncher before 3.2', () => {
    const boot = (v: string) => dockerfile({ name: 'svc', language: 'java' }, { 'pom.xml': pom(deps(dep('org.springframework.boot', 'spring-boot-starter-web')), `<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>${v}</version></parent><artifactId>x</artifactId>`) });
    expect(boot('3.4.1')).toContain('-Djarmode=tools -jar /out/app.jar extract --layers --launcher');
    expect(boot('3.4.1')).toContain('"org.springframework.boot.loader.launch.JarLauncher"]');
    expect(boot('2.7.18')).toContain('-Djarmode=layertools');
    expect(boot('2.7.18')).toContain('"org.springframework.boot.loader.JarLauncher"]');
  });

  it('Gradle: the wrapper on the Temurin JDK, the task of the module', () => {
    const df = dockerfile({ name: 'svc', language: 'java' }, { 'settings.gradle': "include 'app'\n", 'gradlew': '#!/bin/sh\n', 'gradle/wrapper/gradle-wrapper.properties': 'distributionUrl=x\n', 'app/build.gradle': "plugins {\n  id 'org.springframework.boot' version '3.3.2'\n}\n" });
    expect(df).toContain('FROM eclipse-temurin:21-jdk-noble AS build');
    expect(df).toContain('./gradlew --no-daemon :app:bootJar');
    expect(df).toContain('COPY app/build.gradle app/');
  });

  it('wires Spring Boot\'s datasource to PostgreSQL as a JDBC URL', () => {
    const p = plan({ name: 'svc', language: 'java', services: ['postgres'] }, { 'pom.xml': pom(deps(dep('org.springframework.boot', 'spring-boot-starter-data-jpa'), dep('org.postgresql', 'postgresql')), '<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.4.1</version></parent><artifactId>x</artifactId>') });
    const env = p.files.find((f) => f.path === '.env')?.content ?? '';
    expect(env).toMatch(/^SPRING_DATASOURCE_URL=jdbc:postgresql:\/\/postgres:5432\/svc$/m);
    expect(env).toMatch(/^SPRING_DATASOURCE_USERNAME=svc$/m);
    expect(env).not.toMatch(/SPRING_DATA_REDIS/);
  });

  it('the probe source has no single quote (it is printf\'d in single quotes)', () => {
    expect(PROBE_SOURCE.some((l) => l.includes("'"))).toBe(false);
  });
});
