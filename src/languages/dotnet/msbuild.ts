/**
 * The MSBuild and .NET files detection reads, parsed just enough: SDK-style
 * project files (*.csproj: the Sdk, properties, PackageReference and
 * ProjectReference items), solutions (*.sln's Project lines, *.slnx's
 * <Project Path>), global.json's sdk block and the local tool manifest
 * (.config/dotnet-tools.json). No MSBuild evaluation: conditions are ignored,
 * and a property that is an expression ($(...)) is resolved from the
 * Directory.Build.props properties only.
 */

export interface PackageRef {
  /** The NuGet id, lowercase (NuGet ids are case-insensitive). */
  name: string;
  /** As written, for evidence. */
  id: string;
  version?: string;
}

export interface MsbuildProject {
  /** Microsoft.NET.Sdk, Microsoft.NET.Sdk.Web, Microsoft.NET.Sdk.Worker, ... (undefined: not an SDK-style project). */
  sdk?: string;
  /** Properties, first definition wins (conditions ignored). */
  properties: Record<string, string>;
  packages: PackageRef[];
  /** ProjectReference paths as written, with `/` for `\`. */
  references: string[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const withoutComments = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, '');
const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);

/** An SDK-style project file, or a .props/.targets file (the same shapes). */
export function parseProject(text: string): MsbuildProject {
  const xml = withoutComments(text.replace(/^\uFEFF/, ''));
  const root = /<Project\b[^>]*>/i.exec(xml)?.[0] ?? '';
  let sdk = attr(root, 'Sdk')?.split(';')[0]?.split('/')[0]?.trim();
  if (!sdk) sdk = attr(/<Sdk\b[^>]*>/i.exec(xml)?.[0] ?? '', 'Name') ?? attr(/<Import\b[^>]*\bSdk\s*=[^>]*>/i.exec(xml)?.[0] ?? '', 'Sdk');
  const properties: Record<string, string> = {};
  for (const group of xml.matchAll(/<PropertyGroup\b[^>]*>([\s\S]*?)<\/PropertyGroup>/gi)) {
    for (const m of (group[1] ?? '').matchAll(/<([A-Za-z_][\w.-]*)\b[^>]*>([^<]*)<\/\1>/g)) {
      const key = m[1] as string;
      if (!(key in properties)) properties[key] = decode((m[2] ?? '').trim());
    }
  }
  const packages: PackageRef[] = [];
  for (const m of xml.matchAll(/<PackageReference\b([^>]*?)(?:\/>|>([\s\S]*?)<\/PackageReference>)/gi)) {
    const id = attr(m[1] ?? '', 'Include');
    if (!id) continue;
    const version = attr(m[1] ?? '', 'Version') ?? /<Version>([^<]*)<\/Version>/i.exec(m[2] ?? '')?.[1]?.trim();
    packages.push({ name: id.toLowerCase(), id, ...(version ? { version } : {}) });
  }
  const references = [...xml.matchAll(/<ProjectReference\b([^>]*?)\/?>/gi)].flatMap((m) => {
    const inc = attr(m[1] ?? '', 'Include');
    return inc ? [inc.replace(/\\/g, '/')] : [];
  });
  return { ...(sdk ? { sdk } : {}), properties, packages, references };
}

/** The project files a solution lists (relative paths with `/`): *.sln Project lines, *.slnx <Project Path>. */
export function solutionProjects(text: string, slnx: boolean): string[] {
  const paths = slnx
    ? [...withoutComments(text).matchAll(/<Project\b[^>]*\bPath\s*=\s*"([^"]+)"/gi)].map((m) => m[1] as string)
    : [...text.matchAll(/^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*",\s*"([^"]+)"/gm)].map((m) => m[1] as string);
  return paths.map((p) => p.replace(/\\/g, '/')).filter((p) => /\.(cs|fs|vb)proj$/i.test(p));
}

/** A path joined and normalised (`..` and `.` resolved); undefined when it leaves the root. */
export function joinPath(dir: string, rel: string): string | undefined {
  const out: string[] = [];
  for (const part of `${dir ? `${dir}/` : ''}${rel}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

export const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.(cs|fs|vb)proj$/i, '');

/** The .NET lines a TargetFramework(s) value names: net8.0 -> 8.0 (netcoreapp3.1 -> 3.1; netstandard and .NET Framework are none). */
export function targetLines(value: string): string[] {
  return value
    .split(';')
    .map((t) => /^net(?:coreapp)?(\d+)\.(\d+)(?:-[\w.]+)?$/i.exec(t.trim()))
    .flatMap((m) => (m && Number(m[1]) >= 3 ? [`${m[1]}.${m[2]}`] : []));
}

export interface GlobalJson {
  version?: string;
  rollForward?: string;
}

export function parseGlobalJson(text: string | undefined): GlobalJson | undefined {
  if (text === undefined) return undefined;
  try {
    // global.json allows comments.
    const v = JSON.parse(text.replace(/^\uFEFF/, '').replace(/^\s*\/\/.*$/gm, '')) as { sdk?: { version?: unknown; rollForward?: unknown } };
    const sdk = v?.sdk ?? {};
    return { ...(typeof sdk.version === 'string' ? { version: sdk.version } : {}), ...(typeof sdk.rollForward === 'string' ? { rollForward: sdk.rollForward } : {}) };
  } catch {
    return undefined;
  }
}

/** Whether .config/dotnet-tools.json installs dotnet-ef. */
export function toolManifestHasEf(text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    const v = JSON.parse(text.replace(/^\uFEFF/, '')) as { tools?: Record<string, unknown> };
    return Object.keys(v?.tools ?? {}).some((k) => k.toLowerCase() === 'dotnet-ef');
  } catch {
    return false;
  }
}
