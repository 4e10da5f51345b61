/**
 * What a pom.xml says, read with regular expressions (no XML library): the
 * coordinates, the parent, the properties, the dependencies, the modules, the
 * build's finalName and the main class a plugin's configuration names. Enough
 * for detection and for naming the jar; `${...}` placeholders are filled from
 * the properties and the project's own coordinates.
 */

export interface PomDependency {
  groupId: string;
  artifactId: string;
  version?: string;
  scope?: string;
  /** `groupId:artifactId`, lowercase: the name services recognise. */
  name: string;
}

export interface Pom {
  groupId?: string;
  artifactId?: string;
  version?: string;
  packaging: string;
  parent?: { groupId: string; artifactId: string; version?: string };
  properties: Record<string, string>;
  dependencies: PomDependency[];
  /** Plugins of the build (groupId:artifactId, lowercase), with their versions. */
  plugins: Array<{ name: string; version?: string; text: string }>;
  modules: string[];
  finalName?: string;
  /** The main class a manifest, shade, exec or Spring Boot plugin configuration (or a property) names. */
  mainClass?: { value: string; evidence: string };
}

const strip = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, '');
const tag = (xml: string, name: string) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml)?.[1];
/** The element's text without its nested blocks (so <version> of the project, not of a dependency). */
function own(xml: string, blocks: readonly string[]): string {
  let out = xml;
  for (const b of blocks) out = out.replace(new RegExp(`<${b}(?:\\s[^>]*)?>[\\s\\S]*?</${b}>`, 'g'), '');
  return out;
}

export function parsePom(text: string): Pom {
  const xml = strip(text);
  const project = /<project\b[^>]*>([\s\S]*)<\/project>/.exec(xml)?.[1] ?? xml;
  const top = own(project, ['parent', 'dependencies', 'dependencyManagement', 'build', 'profiles', 'properties', 'modules', 'reporting', 'repositories', 'pluginRepositories', 'distributionManagement', 'developers', 'licenses', 'scm', 'organization', 'ciManagement', 'issueManagement']);
  const parentXml = /<parent>([\s\S]*?)<\/parent>/.exec(project)?.[1];
  const properties: Record<string, string> = {};
  const propsXml = /<properties>([\s\S]*?)<\/properties>/.exec(own(project, ['profiles']))?.[1] ?? '';
  for (const m of propsXml.matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g)) properties[m[1] as string] = m[2] as string;

  const pom: Pom = { packaging: tag(top, 'packaging') ?? 'jar', properties, dependencies: [], plugins: [], modules: [] };
  const groupId = tag(top, 'groupId');
  const artifactId = tag(top, 'artifactId');
  const version = tag(top, 'version');
  if (artifactId) pom.artifactId = artifactId;
  if (parentXml) {
    const p = { groupId: tag(parentXml, 'groupId') ?? '', artifactId: tag(parentXml, 'artifactId') ?? '', version: tag(parentXml, 'version') };
    pom.parent = { groupId: p.groupId, artifactId: p.artifactId, ...(p.version ? { version: p.version } : {}) };
  }
  const g = groupId ?? pom.parent?.groupId;
  const v = version ?? pom.parent?.version;
  if (g) pom.groupId = g;
  if (v) pom.version = v;

  // Dependencies of the project (not only managed ones), profiles left out.
  const body = own(project, ['dependencyManagement', 'profiles', 'pluginManagement']);
  const depsXml = /<dependencies>([\s\S]*?)<\/dependencies>/.exec(own(body, ['build']))?.[1] ?? '';
  for (const m of depsXml.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const d = m[1] as string;
    const gid = resolve(tag(d, 'groupId') ?? '', pom);
    const aid = resolve(tag(d, 'artifactId') ?? '', pom);
    if (!gid || !aid) continue;
    const dv = tag(d, 'version');
    const scope = tag(d, 'scope');
    pom.dependencies.push({ groupId: gid, artifactId: aid, ...(dv ? { version: resolve(dv, pom) } : {}), ...(scope ? { scope } : {}), name: `${gid}:${aid}`.toLowerCase() });
  }
  const buildXml = /<build>([\s\S]*?)<\/build>/.exec(own(project, ['profiles']))?.[1] ?? '';
  const finalName = tag(own(buildXml, ['plugins', 'pluginManagement', 'resources', 'testResources']), 'finalName');
  if (finalName) pom.finalName = resolve(finalName, pom);
  for (const m of own(buildXml, ['pluginManagement']).matchAll(/<plugin>([\s\S]*?)<\/plugin>/g)) {
    const p = m[1] as string;
    const head = own(p, ['configuration', 'executions', 'dependencies']);
    const aid = tag(head, 'artifactId') ?? '';
    const gid = tag(head, 'groupId') ?? 'org.apache.maven.plugins';
    const pv = tag(head, 'version');
    pom.plugins.push({ name: `${gid}:${aid}`.toLowerCase(), ...(pv ? { version: resolve(pv, pom) } : {}), text: p });
    const main = tag(p, 'mainClass') ?? tag(p, 'Main-Class');
    if (main && !pom.mainClass) pom.mainClass = { value: resolve(main, pom), evidence: `pom.xml: ${aid}'s <mainClass>${main}</mainClass>` };
  }
  for (const key of ['exec.mainClass', 'main.class', 'mainClass', 'start-class', 'app.main.class']) {
    if (!pom.mainClass && properties[key]) pom.mainClass = { value: resolve(properties[key] as string, pom), evidence: `pom.xml: <${key}>${properties[key]}</${key}>` };
  }
  const modulesXml = /<modules>([\s\S]*?)<\/modules>/.exec(own(project, ['profiles']))?.[1] ?? '';
  pom.modules = [...modulesXml.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g)].map((m) => (m[1] as string).replace(/\/+$/, ''));
  return pom;
}

/** `${name}` placeholders filled from the properties and project.* (left as they are when unknown). */
export function resolve(value: string, pom: Pick<Pom, 'properties' | 'groupId' | 'artifactId' | 'version'>): string {
  let out = value;
  for (let i = 0; i < 5 && out.includes('${'); i++) {
    out = out.replace(/\$\{([\w.-]+)\}/g, (whole, name: string) => {
      if (name === 'project.groupId' || name === 'pom.groupId') return pom.groupId ?? whole;
      if (name === 'project.artifactId' || name === 'pom.artifactId') return pom.artifactId ?? whole;
      if (name === 'project.version' || name === 'pom.version') return pom.version ?? whole;
      return pom.properties[name] ?? whole;
    });
  }
  return out;
}

/** The jar `mvn package` writes (finalName, else artifactId-version), when no placeholder is left in it. */
export function jarName(pom: Pom): string | undefined {
  const name = pom.finalName ?? (pom.artifactId && pom.version ? `${pom.artifactId}-${resolve(pom.version, pom)}` : undefined);
  return name && !name.includes('${') ? `${name}.jar` : undefined;
}
