/**
 * What a folder says about a Rust app: Cargo.toml (the package, its
 * dependencies and the features they enable, its binary targets, a
 * workspace's members), rust-toolchain(.toml) and rust-version for the image,
 * and, in the chosen package's sources, the port, the health route and the
 * variables it reads. Reads a bounded set of .rs files through the snapshot;
 * never walks target/.
 */
import type { EnvRead, Finding, LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { SKIPPED_FOLDERS, healthRoute } from '../../core/toolkit.js';
import { parseVersion } from '../../core/version-range.js';
import { versions } from '../../versions.js';
import { packagesOf, readCargo, toolchainChannel, type CargoPackage, type CargoProject } from './cargo.js';
import type { RustFramework } from './framework.js';

const runtime = versions.runtimes.rust;
const MAX_FILES = 300;
const MAX_DEPTH = 6;

export interface RustSource {
  path: string;
  text: string;
}

/** The .rs files of a package: its src/ folder and the folders of targets outside it, bounded. */
export function rustSources(project: ProjectSnapshot, pkg: CargoPackage): RustSource[] {
  const out: RustSource[] = [];
  const at = (p: string) => (pkg.dir ? (p ? `${pkg.dir}/${p}` : pkg.dir) : p);
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path) || out.length >= MAX_FILES) return;
    seen.add(path);
    const text = project.read(path);
    if (text !== undefined) out.push({ path, text });
  };
  // Target roots first (a main.rs at the package's root is read, not its folder walked).
  for (const t of pkg.targets) if (t.kind !== 'other') add(at(t.path));
  const dirs = new Set(['src', ...pkg.targets.filter((t) => t.kind !== 'other' && t.path.includes('/')).map((t) => t.path.split('/').slice(0, -1).join('/'))]);
  const queue: Array<[string, number]> = [...dirs].map((d) => [at(d), 0]);
  const walked = new Set<string>();
  while (queue.length && out.length < MAX_FILES) {
    const [dir, depth] = queue.shift() as [string, number];
    if (walked.has(dir)) continue;
    walked.add(dir);
    for (const e of project.list(dir) ?? []) {
      const path = dir ? `${dir}/${e}` : e;
      if (e.endsWith('/')) {
        const name = e.slice(0, -1);
        if (depth + 1 > MAX_DEPTH || SKIPPED_FOLDERS.has(name) || name.startsWith('.')) continue;
        queue.push([path.slice(0, -1), depth + 1]);
      } else if (e.endsWith('.rs')) {
        add(path);
      }
    }
  }
  return out;
}

/** Names a server's binary usually has, best first. */
const SERVER_NAMES = ['server', 'api', 'web', 'app', 'http', 'httpd', 'service', 'backend', 'gateway'];

/**
 * The binary to build when a package has several: default-run, then the one
 * named after the package (src/main.rs), then the best server-like name, then
 * the first in order. Says which rule decided.
 */
export function pickBin(pkg: CargoPackage): { value: string; rule: string } | undefined {
  const bins = pkg.targets.filter((t) => t.kind === 'bin').map((t) => t.name);
  if (bins.length === 0) return undefined;
  if (bins.length === 1) return { value: bins[0] as string, rule: 'the only binary target' };
  if (pkg.defaultRun && bins.includes(pkg.defaultRun)) return { value: pkg.defaultRun, rule: `Cargo.toml's default-run is ${pkg.defaultRun}` };
  if (bins.includes(pkg.name)) return { value: pkg.name, rule: `it is named after the package (src/main.rs)` };
  for (const name of SERVER_NAMES) {
    const hit = bins.find((b) => b === name || b.endsWith(`-${name}`) || b.endsWith(`_${name}`));
    if (hit) return { value: hit, rule: `"${hit}" is the most server-like name` };
  }
  return { value: bins[0] as string, rule: 'the first in alphabetical order' };
}

/** The package a framework crate is a dependency of. */
export const frameworkOfPackage = (frameworks: readonly RustFramework[], pkg: CargoPackage) => frameworks.find((f) => pkg.dependencies.some((d) => f.crates.includes(d.name)));

/**
 * The package the image builds: the root package, or in a workspace the
 * member with a web framework and a binary (the most server-like name among
 * several), else the first with a binary.
 */
export function pickPackage(cargo: CargoProject, frameworks: readonly RustFramework[]): { pkg: CargoPackage; rule: string } | undefined {
  const all = packagesOf(cargo).filter((p) => p.targets.some((t) => t.kind === 'bin'));
  if (all.length === 0) return undefined;
  if (all.length === 1) return { pkg: all[0] as CargoPackage, rule: cargo.members.length ? 'the only package with a binary' : 'the package' };
  const web = all.filter((p) => frameworkOfPackage(frameworks, p));
  const pool = web.length ? web : all;
  const why = web.length ? (web.length === 1 ? 'the only one with a web framework' : 'it has a web framework') : 'it has a binary';
  if (pool.length === 1) return { pkg: pool[0] as CargoPackage, rule: why };
  if (cargo.root && pool.includes(cargo.root)) return { pkg: cargo.root, rule: `${why}, and it is the root package` };
  for (const name of SERVER_NAMES) {
    const hit = pool.find((p) => p.name === name || p.name.endsWith(`-${name}`) || p.dir.split('/').pop() === name);
    if (hit) return { pkg: hit, rule: `${why}, and "${hit.name}" is the most server-like name` };
  }
  return { pkg: pool[0] as CargoPackage, rule: `${why}, and it is listed first` };
}

/** A Rust version "1.82" / "1.82.0" as its line "1.82". */
const lineOf = (v: string) => {
  const p = parseVersion(v);
  return p && p[0] !== undefined && p[1] !== undefined ? `${p[0]}.${p[1]}` : undefined;
};
const minor = (line: string) => Number(line.split('.')[1] ?? 0);

/**
 * The image line: rust-toolchain(.toml)'s channel (a pin), then rust-version
 * (a minimum: any newer Rust builds it). A pin older than our images gets the
 * oldest line (rustup in the official image installs the pinned toolchain
 * when cargo runs); one newer than them is a problem.
 */
export function findRuntime(project: ProjectSnapshot, rustVersion: { value: string; file: string } | undefined): { found?: Finding<string>; problem?: string; warning?: string } {
  const supported: readonly string[] = runtime.supported;
  const newest = supported[supported.length - 1] as string;
  const oldest = supported[0] as string;
  const tc = toolchainChannel(project);
  if (tc) {
    const line = lineOf(tc.channel);
    if (line && supported.includes(line)) return { found: { value: line, evidence: `${tc.file}: channel ${tc.channel}` } };
    if (line && minor(line) > minor(newest)) return { problem: `${tc.file} pins Rust ${tc.channel}, newer than the Rust images we build with (${supported.join(', ')}); set "runtimeVersion" to one of these` };
    if (line) {
      return {
        found: { value: oldest, evidence: `${tc.file}: channel ${tc.channel} (older than our images: rustup in rust:${oldest} installs it for the build)` },
        warning: `${tc.file} pins Rust ${tc.channel}, older than the Rust images we build with: the image is rust:${oldest}, whose rustup installs ${tc.channel} when cargo runs`,
      };
    }
    if (!/^stable\b/.test(tc.channel)) {
      return { warning: `${tc.file} asks for the ${tc.channel} toolchain: rustup in the image installs it when cargo runs (a download on every uncached build)` };
    }
  }
  if (rustVersion) {
    const line = lineOf(rustVersion.value);
    if (!line) return {};
    if (minor(line) > minor(newest)) return { problem: `${rustVersion.file} has rust-version = "${rustVersion.value}", newer than the Rust images we build with (${supported.join(', ')}); set "runtimeVersion" to one of these` };
    const v = minor(runtime.default) >= minor(line) ? runtime.default : (supported.find((s) => minor(s) >= minor(line)) as string);
    return { found: { value: v, evidence: `${rustVersion.file}: rust-version = "${rustVersion.value}"${v === line ? '' : ` (a minimum: Rust ${v} builds it)`}` } };
  }
  return {};
}

/** Route paths the code registers (axum and actix .route, actix/Rocket attributes, actix resources, warp path filters). */
export function routesIn(sources: readonly RustSource[]): Array<{ path: string; file: string }> {
  const out: Array<{ path: string; file: string }> = [];
  const re = /(?:\.route|\bresource|#\[\s*(?:get|head|route)|\.get|\.nest_service|\bscope)\(\s*"(\/[^"\s{:<]*)"/g;
  for (const s of sources) {
    for (const m of s.text.matchAll(re)) out.push({ path: m[1] as string, file: s.path });
    for (const m of s.text.matchAll(/warp::path!?\s*\(\s*((?:"[\w.-]+"\s*\/?\s*)+)\)/g)) {
      const parts = [...(m[1] as string).matchAll(/"([\w.-]+)"/g)].map((p) => p[1]);
      out.push({ path: `/${parts.join('/')}`, file: s.path });
    }
  }
  return out;
}

/** The port the code listens on: a literal address, a default for PORT, Rocket.toml, then .env.example. */
export function findPort(sources: readonly RustSource[], project: ProjectSnapshot, dir: string): Finding<number> | undefined {
  const rules: RegExp[] = [
    /"(?:0\.0\.0\.0|127\.0\.0\.1|localhost|\[::\]|::)?:(\d{2,5})"/,
    /\(\s*\[\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\]\s*,\s*(\d{2,5})\s*\)/,
    /\.bind\(\s*\(\s*"[\w.:[\]]+"\s*,\s*(\d{2,5})\s*\)/,
    /"(?:PORT|HTTP_PORT|APP_PORT|SERVER_PORT)"[^;]{0,120}?unwrap_or(?:_else)?\([^;]*?"?(\d{2,5})"?/,
  ];
  for (const re of rules) {
    for (const s of sources) {
      const m = re.exec(s.text);
      if (m) {
        const line = s.text.slice(0, m.index).split('\n').length;
        const shown = re === rules[3] ? `${/"\w+"/.exec(m[0])?.[0]} defaults to ${m[1]}` : m[0].replace(/\s+/g, ' ').trim();
        return { value: Number(m[1]), evidence: `${s.path}:${line}: ${shown}` };
      }
    }
  }
  const rocketToml = project.read(dir ? `${dir}/Rocket.toml` : 'Rocket.toml') ?? project.read('Rocket.toml');
  const rp = rocketToml && /^\s*port\s*=\s*(\d{2,5})/m.exec(rocketToml);
  if (rp) return { value: Number(rp[1]), evidence: `Rocket.toml: port = ${rp[1]}` };
  for (const file of ['.env.example', '.env.sample', '.env.template']) {
    const m = /^\s*(?:export\s+)?PORT\s*=\s*["']?(\d{2,5})/m.exec(project.read(file) ?? '');
    if (m) return { value: Number(m[1]), evidence: `${file}: PORT=${m[1]}` };
  }
  return undefined;
}

/** Variables the code reads: std::env::var / var_os, dotenvy::var; a default when unwrap_or* follows. */
export function envReads(sources: readonly RustSource[]): EnvRead[] {
  const out = new Map<string, EnvRead>();
  for (const s of sources) {
    for (const m of s.text.matchAll(/\b(?:env|dotenvy|dotenv)::var(?:_os)?\(\s*"([A-Z][A-Z0-9_]*)"\s*\)([^;]{0,160})/g)) {
      const key = m[1] as string;
      const prev = out.get(key);
      const hasDefault = /^\s*(?:\.[\w:<>]+\([^;]*?\))*?\s*\.(?:unwrap_or|unwrap_or_else|unwrap_or_default|map_or)\b/.test(m[2] ?? '') || /^[^;]*\.(?:unwrap_or|unwrap_or_else|unwrap_or_default)\b/.test(m[2] ?? '') || prev?.hasDefault === true;
      out.set(key, {
        key,
        evidence: prev?.evidence ?? `${s.path}: ${m[0].slice(0, m[0].length - (m[2]?.length ?? 0)).replace(/\s+/g, ' ')}`,
        inCode: true,
        ...(hasDefault ? { hasDefault } : {}),
      });
    }
  }
  return [...out.values()];
}

/** URL schemes written in the code (postgres://, redis://), for the core to map to services. */
function schemesIn(sources: readonly RustSource[]): Array<{ scheme: string; evidence: string }> {
  const out: Array<{ scheme: string; evidence: string }> = [];
  for (const s of sources) {
    for (const m of s.text.matchAll(/"(postgres|postgresql|redis|rediss|mysql|mongodb|mongodb\+srv|amqp|amqps|memcached):\/\//g)) {
      if (!out.some((o) => o.scheme === m[1])) out.push({ scheme: m[1] as string, evidence: `${s.path}: "${m[1]}://..."` });
    }
  }
  return out;
}

/** Reads a folder; undefined when it holds no Cargo.toml. */
export function detectRustWith(frameworks: readonly RustFramework[], project: ProjectSnapshot): LanguageDetection | undefined {
  const cargo = readCargo(project);
  if (!cargo) return undefined;
  const warnings: string[] = [...cargo.warnings];
  const name = cargo.root?.name;
  const found: LanguageDetection = {
    confidence: 1,
    evidence: cargo.root ? `Cargo.toml: package ${name}` : cargo.isWorkspace ? `Cargo.toml: a workspace of ${cargo.members.length} member${cargo.members.length === 1 ? '' : 's'}` : 'Cargo.toml',
    packages: [],
    warnings,
  };
  const picked = pickPackage(cargo, frameworks);
  const pkg = picked?.pkg ?? cargo.root ?? cargo.members[0];
  if (!pkg) return found;
  const file = pkg.dir ? `${pkg.dir}/Cargo.toml` : 'Cargo.toml';
  found.packages = pkg.dependencies.flatMap((d) => [{ name: d.name, evidence: d.evidence }, ...d.features.map((f) => ({ name: `${d.name}[${f}]`, evidence: d.evidence }))]);
  if (cargo.members.length && picked) {
    const withBins = packagesOf(cargo).filter((p) => p.targets.some((t) => t.kind === 'bin'));
    if (withBins.length > 1) warnings.push(`a workspace with ${withBins.length} packages that have binaries (${withBins.map((p) => p.name).join(', ')}): building ${pkg.name}${pkg.dir ? ` (${pkg.dir}/)` : ''}, since ${picked.rule}; set "entrypoint" to another binary to build it instead`);
  }

  const bin = pickBin(pkg);
  const bins = pkg.targets.filter((t) => t.kind === 'bin');
  if (bin) {
    const target = bins.find((t) => t.name === bin.value);
    const where = `${pkg.dir ? `${pkg.dir}/` : ''}${target?.path}`;
    found.entrypoint = {
      value: bin.value,
      evidence: bins.length > 1 ? `${file}: binaries ${bins.map((b) => b.name).join(', ')}: ${bin.value}, since ${bin.rule}` : `${where}: the binary ${bin.value}${cargo.members.length ? ` of ${pkg.name}, since ${picked?.rule}` : ''}`,
    };
    if (bins.length > 1) warnings.push(`several binaries (${bins.map((b) => b.name).join(', ')}): building ${bin.value}, since ${bin.rule}; set "entrypoint" to build another`);
  } else {
    warnings.push('no binary target (src/main.rs, src/bin/*.rs or [[bin]]) was found: set "entrypoint" to the one to build');
  }

  const declared = frameworks.filter((f) => pkg.dependencies.some((d) => f.crates.includes(d.name)));
  const framework = declared[0];
  if (framework) {
    const dep = pkg.dependencies.find((d) => framework.crates.includes(d.name));
    found.framework = { value: framework.id, evidence: dep?.evidence ?? file };
    found.confidence = 2;
    if (declared.length > 1) warnings.push(`several frameworks are dependencies (${declared.map((f) => f.title).join(', ')}): using ${framework.title}; set "framework" to choose`);
  }

  const sources = rustSources(project, pkg);
  const mainPath = bin ? bins.find((t) => t.name === bin.value)?.path : undefined;
  const mainFile = mainPath ? (pkg.dir ? `${pkg.dir}/${mainPath}` : mainPath) : undefined;
  const ordered = [...sources.filter((s) => s.path === mainFile), ...sources.filter((s) => s.path !== mainFile)];
  const port = findPort(ordered, project, pkg.dir);
  if (port) found.port = port;
  const health = healthRoute(routesIn(sources));
  if (health) found.healthPath = { value: health.path, evidence: `${health.file}: a route for ${health.path}` };
  const env = envReads(sources);
  if (env.length) found.env = env;
  const schemes = schemesIn(sources);
  if (schemes.length) found.schemes = schemes;
  const rv = pkg.rustVersion ? { value: pkg.rustVersion, file } : undefined;
  const rt = findRuntime(project, rv);
  if (rt.found) found.runtimeVersion = rt.found;
  if (rt.warning) warnings.push(rt.warning);
  if (rt.problem) found.problems = [{ key: 'runtimeVersion', message: rt.problem }];
  return found;
}
