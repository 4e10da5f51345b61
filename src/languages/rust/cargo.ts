/**
 * Cargo.toml, read as Cargo reads it: the package (name, rust-version,
 * default-run), its dependencies with the features they enable, its targets
 * (the library, the binaries: [[bin]], src/main.rs, src/bin/*.rs and
 * src/bin/<name>/main.rs), and a workspace's members (globs expanded).
 * Pure: the snapshot is the only input.
 */
import { parse as parseToml } from 'smol-toml';
import type { ProjectSnapshot } from '../../core/project.js';

/**
 * A dependency, as services and frameworks know it: the crate's name (its
 * `package` when the key renames it) lower-cased with `_` as `-` (crates.io
 * treats the two alike: mysql_async is "mysql-async"), and each feature it
 * enables as "crate[feature]" (sqlx with features = ["postgres"] is also
 * "sqlx[postgres]"), the way Python's extras are written.
 */
export interface CargoDependency {
  name: string;
  features: string[];
  /** "Cargo.toml: sqlx = { version = \"0.8\", features = [...] }" */
  evidence: string;
}

export interface CargoTarget {
  name: string;
  /** The root source file, relative to the package folder. */
  path: string;
  kind: 'lib' | 'bin' | 'other';
}

export interface CargoPackage {
  /** The package folder, relative to the manifest that was read ("" for itself). */
  dir: string;
  name: string;
  rustVersion?: string;
  defaultRun?: string;
  dependencies: CargoDependency[];
  targets: CargoTarget[];
  /** build.rs (or the `build` key's file), relative to the package folder. */
  buildScript?: string;
}

export interface CargoProject {
  /** The root package ([package] in the root Cargo.toml), when there is one. */
  root?: CargoPackage;
  /** Workspace members (not the root), in the order the manifest lists them, globs expanded. */
  members: CargoPackage[];
  isWorkspace: boolean;
  /** [workspace.package] rust-version, inherited by members with rust-version.workspace = true. */
  workspaceRustVersion?: string;
  warnings: string[];
}

/** crates.io's name equivalence: case and `_`/`-` do not tell two crates apart. */
export const crateName = (name: string) => name.toLowerCase().replace(/_/g, '-');

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function parseManifest(text: string): Table | undefined {
  try {
    return parseToml(text) as Table;
  } catch {
    return undefined;
  }
}

/** The dependencies of a manifest ([dependencies] and [target.*.dependencies]; not dev or build ones). */
function dependenciesOf(doc: Table, file: string, workspaceDeps: Table): CargoDependency[] {
  const tables: Table[] = [];
  if (isTable(doc.dependencies)) tables.push(doc.dependencies);
  if (isTable(doc.target)) for (const t of Object.values(doc.target)) if (isTable(t) && isTable(t.dependencies)) tables.push(t.dependencies);
  const out: CargoDependency[] = [];
  for (const table of tables) {
    for (const [key, spec] of Object.entries(table)) {
      let pkg = key;
      let features: string[] = [];
      let shown = typeof spec === 'string' ? `${key} = "${spec}"` : key;
      if (isTable(spec)) {
        if (spec.workspace === true && isTable(workspaceDeps[key])) {
          const ws = workspaceDeps[key] as Table;
          if (typeof ws.package === 'string') pkg = ws.package;
          features.push(...strings(ws.features));
        } else if (spec.workspace === true && typeof workspaceDeps[key] === 'string') {
          // version only
        }
        if (typeof spec.package === 'string') pkg = spec.package;
        features.push(...strings(spec.features));
        features = [...new Set(features)];
        shown = `${key} = { ${[typeof spec.version === 'string' ? `version = "${spec.version}"` : spec.workspace === true ? 'workspace = true' : spec.path !== undefined ? `path = "${String(spec.path)}"` : '', features.length ? `features = [${features.map((f) => `"${f}"`).join(', ')}]` : ''].filter(Boolean).join(', ')} }`;
      }
      const name = crateName(pkg);
      const existing = out.find((d) => d.name === name);
      if (existing) {
        existing.features = [...new Set([...existing.features, ...features])];
        continue;
      }
      out.push({ name, features, evidence: `${file}: ${shown}` });
    }
  }
  return out;
}

/** The package's targets, explicit and auto-discovered, as Cargo finds them. */
function targetsOf(doc: Table, pkgName: string, project: ProjectSnapshot, dir: string): CargoTarget[] {
  const pkg = isTable(doc.package) ? doc.package : {};
  const at = (p: string) => (dir ? `${dir}/${p}` : p);
  const exists = (p: string) => project.read(at(p)) !== undefined;
  const out: CargoTarget[] = [];
  const lib = isTable(doc.lib) ? doc.lib : undefined;
  const libPath = typeof lib?.path === 'string' ? lib.path : 'src/lib.rs';
  if (lib || exists('src/lib.rs')) out.push({ name: typeof lib?.name === 'string' ? lib.name : pkgName.replace(/-/g, '_'), path: libPath, kind: 'lib' });
  const bins = new Map<string, string>();
  if (pkg.autobins !== false) {
    if (exists('src/main.rs')) bins.set(pkgName, 'src/main.rs');
    for (const e of project.list(at('src/bin')) ?? []) {
      if (e.endsWith('.rs')) bins.set(e.slice(0, -3), `src/bin/${e}`);
      else if (e.endsWith('/') && exists(`src/bin/${e}main.rs`)) bins.set(e.slice(0, -1), `src/bin/${e}main.rs`);
    }
  }
  for (const b of Array.isArray(doc.bin) ? doc.bin : []) {
    if (!isTable(b) || typeof b.name !== 'string') continue;
    const path =
      typeof b.path === 'string'
        ? b.path
        : exists(`src/bin/${b.name}.rs`)
          ? `src/bin/${b.name}.rs`
          : exists(`src/bin/${b.name}/main.rs`)
            ? `src/bin/${b.name}/main.rs`
            : 'src/main.rs';
    // An explicit [[bin]] for a file auto-discovery found under another name replaces that one.
    for (const [n, p] of bins) if (p === path && n !== b.name) bins.delete(n);
    bins.set(b.name, path);
  }
  for (const [name, path] of [...bins].sort((a, b) => a[0].localeCompare(b[0]))) out.push({ name, path, kind: 'bin' });
  // Explicit examples, tests and benches must exist for Cargo to read the manifest at all.
  for (const section of ['example', 'test', 'bench']) {
    for (const t of Array.isArray(doc[section]) ? (doc[section] as unknown[]) : []) {
      if (isTable(t) && typeof t.name === 'string' && typeof t.path === 'string') out.push({ name: t.name, path: t.path, kind: 'other' });
    }
  }
  return out;
}

function packageAt(doc: Table, project: ProjectSnapshot, dir: string, workspaceDeps: Table, workspaceRust?: string): CargoPackage | undefined {
  if (!isTable(doc.package)) return undefined;
  const pkg = doc.package;
  const name = typeof pkg.name === 'string' ? pkg.name : dir.split('/').pop() || 'app';
  const file = dir ? `${dir}/Cargo.toml` : 'Cargo.toml';
  const rv = typeof pkg['rust-version'] === 'string' ? pkg['rust-version'] : isTable(pkg['rust-version']) && pkg['rust-version'].workspace === true ? workspaceRust : undefined;
  const build = typeof pkg.build === 'string' ? pkg.build : pkg.build === false ? undefined : project.read(dir ? `${dir}/build.rs` : 'build.rs') !== undefined ? 'build.rs' : undefined;
  return {
    dir,
    name,
    ...(rv ? { rustVersion: rv } : {}),
    ...(typeof pkg['default-run'] === 'string' ? { defaultRun: pkg['default-run'] } : {}),
    dependencies: dependenciesOf(doc, file, workspaceDeps),
    targets: targetsOf(doc, name, project, dir),
    ...(build ? { buildScript: build } : {}),
  };
}

/** Expands the members' globs (`crates/*`) against the folder's listing; excluded ones left out. */
function memberDirs(project: ProjectSnapshot, members: readonly string[], exclude: readonly string[]): string[] {
  const out: string[] = [];
  const clean = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
  for (const raw of members) {
    const m = clean(raw);
    if (!m || m.includes('..')) continue;
    if (m.includes('*')) {
      const star = m.indexOf('*');
      const parent = m.slice(0, m.lastIndexOf('/', star) + 1).replace(/\/$/, '');
      const re = new RegExp(`^${m.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      for (const e of project.list(parent) ?? []) {
        const d = parent ? `${parent}/${e.slice(0, -1)}` : e.slice(0, -1);
        if (e.endsWith('/') && re.test(d) && project.read(`${d}/Cargo.toml`) !== undefined) out.push(d);
      }
    } else if (project.read(`${m}/Cargo.toml`) !== undefined) {
      out.push(m);
    }
  }
  const excluded = new Set(exclude.map(clean));
  return [...new Set(out)].filter((d) => !excluded.has(d));
}

/** The project a folder's Cargo.toml describes; undefined when there is none (or it is not TOML). */
export function readCargo(project: ProjectSnapshot): CargoProject | undefined {
  const text = project.read('Cargo.toml');
  if (text === undefined) return undefined;
  const warnings: string[] = [];
  const doc = parseManifest(text);
  if (!doc) return { members: [], isWorkspace: false, warnings: ['Cargo.toml is not valid TOML: nothing was read from it'] };
  const ws = isTable(doc.workspace) ? doc.workspace : undefined;
  const wsDeps = ws && isTable(ws.dependencies) ? ws.dependencies : {};
  const wsPkg = ws && isTable(ws.package) ? ws.package : {};
  const wsRust = typeof wsPkg['rust-version'] === 'string' ? wsPkg['rust-version'] : undefined;
  const root = packageAt(doc, project, '', wsDeps, wsRust);
  const members: CargoPackage[] = [];
  if (ws) {
    for (const dir of memberDirs(project, strings(ws.members), strings(ws.exclude))) {
      if (dir === '') continue;
      const mdoc = parseManifest(project.read(`${dir}/Cargo.toml`) ?? '');
      if (!mdoc) {
        warnings.push(`${dir}/Cargo.toml is not valid TOML: that member was skipped`);
        continue;
      }
      const p = packageAt(mdoc, project, dir, wsDeps, wsRust);
      if (p) members.push(p);
    }
  }
  return { ...(root ? { root } : {}), members, isWorkspace: ws !== undefined, ...(wsRust ? { workspaceRustVersion: wsRust } : {}), warnings };
}

/** Every package of the project: the root's first, then the members. */
export const packagesOf = (c: CargoProject): CargoPackage[] => [...(c.root ? [c.root] : []), ...c.members];

/** The toolchain a rust-toolchain(.toml) file pins: its channel ("1.82.0", "stable", "nightly-2025-01-01"). */
export function toolchainChannel(project: ProjectSnapshot): { channel: string; file: string } | undefined {
  const toml = project.read('rust-toolchain.toml');
  if (toml !== undefined) {
    const doc = parseManifest(toml);
    const tc = doc && isTable(doc.toolchain) ? doc.toolchain : undefined;
    if (typeof tc?.channel === 'string') return { channel: tc.channel, file: 'rust-toolchain.toml' };
  }
  const legacy = project.read('rust-toolchain');
  if (legacy !== undefined) {
    const doc = /\[toolchain\]/.test(legacy) ? parseManifest(legacy) : undefined;
    const tc = doc && isTable(doc.toolchain) ? doc.toolchain : undefined;
    const channel = typeof tc?.channel === 'string' ? tc.channel : legacy.trim().split(/\s+/)[0];
    if (channel) return { channel, file: 'rust-toolchain' };
  }
  return undefined;
}
