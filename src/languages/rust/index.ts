/**
 * Rust: axum, Actix Web, Rocket and warp apps (a package, or a workspace's
 * member), built with a dependency layer that survives code changes (stub
 * sources in place of yours, so `cargo build` compiles only the dependencies),
 * cache mounts for the registry and target/, `cargo build --release`
 * (`--locked` with a Cargo.lock), onto distroless cc: glibc, libgcc and CA
 * certificates, a tiny health probe and the binary. No shell, no package manager.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { LanguagePlanInput, LanguageProvider } from '../../core/provider.js';
import { overlay, type ProjectSnapshot } from '../../core/project.js';
import { renderTemplate } from '../../core/render.js';
import { DISTROLESS_UID, distrolessReadme, entryContext, execForm, humanList } from '../../core/toolkit.js';
import { versions } from '../../versions.js';
import { packagesOf, readCargo, type CargoPackage, type CargoProject } from './cargo.js';
import { detectRustWith, pickPackage, rustSources } from './detect.js';
import { binaryPath, type RustFramework } from './framework.js';
import { actixWeb } from './frameworks/actix-web.js';
import { axum } from './frameworks/axum.js';
import { rocket } from './frameworks/rocket.js';
import { warp } from './frameworks/warp.js';
import { probeWords } from './probe.js';
import { crateOf, starterFiles } from './starter.js';

export const rustFrameworks: readonly RustFramework[] = [axum, actixWeb, rocket, warp];

function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): RustFramework {
  const fw = rustFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a Rust framework`);
  return fw;
}

const runtime = versions.runtimes.rust;
/** distroless's nonroot user. */
const UID = DISTROLESS_UID;
const FINAL = versions.distroless.cc;

/** Folders a Rust app commonly reads from its working directory at run time (static files, templates read by Tera or Handlebars). */
const ASSET_DIRS = ['static', 'public', 'assets', 'templates', 'views', 'locales'];
/** Template engines that compile templates into the binary: their templates/ folder is not needed at run time. */
const COMPILED_TEMPLATES = ['askama', 'maud', 'sailfish', 'rinja', 'markup'];

interface RustView {
  cargo: CargoProject;
  /** The package whose binary the image builds (undefined: a binary we could not find; cargo looks for it). */
  pkg?: CargoPackage;
  locked: boolean;
}

function inspect(project: ProjectSnapshot, bin: string): RustView {
  const cargo = readCargo(project) ?? { members: [], isWorkspace: false, warnings: [] };
  const pkg = packagesOf(cargo).find((p) => p.targets.some((t) => t.kind === 'bin' && t.name === bin)) ?? pickPackage(cargo, rustFrameworks)?.pkg;
  return { cargo, ...(pkg ? { pkg } : {}), locked: project.read('Cargo.lock') !== undefined };
}

const inPkg = (p: CargoPackage, path: string) => (p.dir ? `${p.dir}/${path}` : path);

/** `-p <package> --bin <binary>` in a workspace, `--bin <binary>` otherwise. */
function selection(view: RustView, bin: string): string {
  const hasBin = view.pkg?.targets.some((t) => t.kind === 'bin' && t.name === bin);
  return view.cargo.members.length && view.pkg && hasBin ? `-p ${view.pkg.name} --bin ${bin}` : `--bin ${bin}`;
}

/** The stub of every target and build script, and the COPY lines of every manifest. */
function dependencyLayer(project: ProjectSnapshot, view: RustView) {
  const pkgs = packagesOf(view.cargo);
  const rootFiles = ['Cargo.toml', ...(view.locked ? ['Cargo.lock'] : [])];
  const manifestCopies = [`${rootFiles.join(' ')} ./`, ...view.cargo.members.map((m) => `${m.dir}/Cargo.toml ${m.dir}/`)];
  // Read before the build: a pinned toolchain (rustup installs it, once, in this layer) and cargo's own settings.
  const extra = ['rust-toolchain.toml', 'rust-toolchain', '.cargo/config.toml', '.cargo/config'].filter((f) => project.read(f) !== undefined);
  const buildScriptCopies = extra.map((f) => (f.includes('/') ? `${f} ${f.slice(0, f.lastIndexOf('/') + 1)}` : `${f} ./`));
  const libs = new Set<string>();
  const mains = new Set<string>();
  for (const p of pkgs) {
    for (const t of p.targets) (t.kind === 'lib' ? libs : mains).add(inPkg(p, t.path));
    if (p.buildScript) mains.add(inPkg(p, p.buildScript));
  }
  // A package with no target of its own on disk yet still needs one for cargo to read it.
  for (const p of pkgs) if (p.targets.length === 0) libs.add(inPkg(p, 'src/lib.rs'));
  const files = [...mains, ...libs];
  const dirs = [...new Set(files.map((f) => f.split('/').slice(0, -1).join('/')).filter(Boolean))].sort();
  const parts = [
    ...(dirs.length ? [`mkdir -p ${dirs.join(' ')}`] : []),
    ...[...mains].sort().map((f) => `echo 'fn main() {}' > ${f}`),
    ...(libs.size ? [`touch ${[...libs].sort().join(' ')}`] : []),
  ];
  return { manifestCopies, buildScriptCopies, stubs: parts.join(' \\\n    && '), touch: files.sort().join(' ') };
}

/** Folders read at run time that the binary does not embed: copied next to it. */
function assetsOf(project: ProjectSnapshot, view: RustView): Array<{ dir: string; why: string }> {
  const root = project.list('') ?? [];
  const deps = view.pkg?.dependencies.map((d) => d.name) ?? [];
  const compiled = deps.find((d) => COMPILED_TEMPLATES.includes(d));
  return ASSET_DIRS.filter((d) => root.includes(`${d}/`) && !(d === 'templates' && compiled)).map((d) => ({ dir: d, why: `${d}/ is not compiled into the binary` }));
}

const startCommand = (r: ResolvedAnswers) => r.command ?? frameworkOf(r).command(entryContext(r));

function hasApp(_r: Pick<ResolvedAnswers, 'framework' | 'entrypoint'> & Partial<ResolvedAnswers>, project: ProjectSnapshot): boolean {
  return project.read('Cargo.toml') !== undefined || project.read('src/main.rs') !== undefined;
}

const builderImage = (r: ResolvedAnswers) => runtime.tag.replace('{version}', r.runtimeVersion);

const PROBE_NOTE =
  "The image is distroless (no shell, no curl): its HEALTHCHECK runs /usr/local/bin/healthcheck, a small HTTP probe the Dockerfile's probe stage compiles from Rust's standard library (not added to your repository; see README.Docker.md).";

export const rust: LanguageProvider = {
  id: 'rust',
  title: 'Rust',
  runtime,
  manifests: 'Cargo.toml',
  frameworks: rustFrameworks,
  packageManagers: [],
  uid: UID,
  // The probe the Dockerfile builds (see probe.ts): distroless has no shell, curl or runtime.
  healthcheck: (port, path, anyResponse) => ['/usr/local/bin/healthcheck', String(port), path, anyResponse ? '500' : '400'],
  dockerignore: [
    {
      comment: 'Rust build output (the image builds its own binary in a cache mount)',
      patterns: ['target', '**/*.rs.bk', '*.pdb'],
    },
  ],
  starterGitignore: () => ['/target/'],
  detect: (project) => detectRustWith(rustFrameworks, project),
  defaultPackageManager: () => null,
  extraImages: [FINAL],
  hasApp,

  // The starter is an axum app (its crates, axum and tokio, resolve anywhere), whatever framework was asked for.
  forStarter: (r) => ({ ...r, framework: axum.id }),

  command: ({ r }) => startCommand(r),

  dockerfile(input) {
    const { r, project, templates } = input;
    const fw = frameworkOf(r);
    const view = input.starter ? starterView(input) : inspect(project, r.entrypoint);
    const layer = dependencyLayer(input.starter ? starterSnapshot(input) : project, view);
    return renderTemplate(templates, 'rust/Dockerfile.ejs', {
      title: r.name,
      framework: fw.title,
      runtimeVersion: r.runtimeVersion,
      builderImage: builderImage(r),
      finalImage: FINAL,
      probe: probeWords(),
      ...layer,
      locked: view.locked,
      select: selection(view, r.entrypoint),
      cacheId: `${crateOf(r.name)}-target`,
      binary: r.entrypoint,
      binaryPath: binaryPath(r),
      port: r.port,
      uid: UID,
      assets: input.starter ? [] : assetsOf(project, view),
      healthcheck: execForm(rust.healthcheck(r.port, r.healthPath, r.healthCheck === 'any-response')),
      command: execForm(startCommand(r)),
    });
  },

  readme(input) {
    const { r, project } = input;
    const view = input.starter ? starterView(input) : inspect(project, r.entrypoint);
    return {
      image: [
        `Built with the official Rust image (\`${builderImage(r)}\`), run on \`${FINAL}\`: the binary, glibc, libgcc and
  CA certificates, with no shell, package manager or Rust toolchain. Both are Debian 13 (trixie), so the binary runs on
  the glibc it was linked against.`,
        `The \`deps\` stage copies only the manifests (Cargo.toml${view.cargo.members.length ? ' of the workspace and each member' : ''}${view.locked ? ', Cargo.lock' : ''}), puts stub sources where yours go
  (\`fn main() {}\`, empty libraries) and runs \`cargo build --release\`: every dependency is compiled in a layer that a
  code change does not touch. The \`build\` stage then copies your code and compiles only your crates.`,
        `Cache mounts keep the crate registry (/usr/local/cargo/registry, git/db) and target/ between builds; target/ is seeded
  from the dependency layer (a fresh one when the dependencies change), and the binary is copied out of it in the same step.`,
        view.locked
          ? '`cargo build --release --locked`: the versions are those of Cargo.lock, and the build stops if Cargo.toml no longer matches it.'
          : '`cargo build --release`: there is no Cargo.lock, so each uncached build resolves the newest matching versions. Commit Cargo.lock (run `cargo generate-lockfile`) for reproducible images; the Dockerfile then adds `--locked`.',
        ...distrolessReadme(
          r,
          FINAL,
          "a small probe that the Dockerfile's `probe` stage compiles with rustc from the standard library (nothing is added to\n  your repository, no crate is fetched; the stage depends on nothing of the app, so it stays cached)",
        ),
      ],
      shell: null,
    };
  },

  files(input) {
    return input.starter ? starterFiles(input) : [];
  },

  notes(input) {
    const { r, project, starter } = input;
    if (starter) {
      return [
        `The starter is an axum app (src/main.rs, src/health.rs) whose binary is "${r.entrypoint}"; its only crates are axum and tokio. It has no Cargo.lock: run \`cargo generate-lockfile\` and commit it, and the image builds with --locked.`,
        PROBE_NOTE,
      ];
    }
    const notes: string[] = [];
    const view = inspect(project, r.entrypoint);
    // A member of a workspace above this folder: its lockfile and path dependencies are outside the build context.
    if (r.app !== '.') {
      const top = readCargo(input.repository);
      if (top?.isWorkspace && top.members.some((m) => m.dir === r.app)) {
        notes.push(`${r.app}/ is a member of the Cargo workspace at the repository root (its Cargo.lock and path dependencies are there, outside this build context): run dockerize at the root instead, where it builds this member with \`cargo build -p ${view.pkg?.name ?? r.entrypoint}\`.`);
      }
    }
    const pkg = view.pkg;
    if (view.cargo.members.length && pkg) {
      notes.push(`This is a Cargo workspace (${humanList(view.cargo.members.map((m) => m.name))}${view.cargo.root ? ` and the root package ${view.cargo.root.name}` : ''}): the image builds the binary ${r.entrypoint} of ${pkg.name}${pkg.dir ? ` (${pkg.dir}/)` : ''} with \`cargo build -p ${pkg.name} --bin ${r.entrypoint}\`, from the workspace root (one Cargo.lock, shared path dependencies).`);
    }
    const bins = pkg?.targets.filter((t) => t.kind === 'bin') ?? [];
    if (bins.length > 1) notes.push(`${pkg?.name} has ${bins.length} binaries (${humanList(bins.map((b) => b.name))}); the image builds ${r.entrypoint} and starts it. Set "entrypoint" to build another (a second image, or "command", for a worker).`);
    if (pkg && !bins.some((b) => b.name === r.entrypoint)) notes.push(`No binary target named ${r.entrypoint} was found in Cargo.toml or src/: \`cargo build --bin ${r.entrypoint}\` must find it.`);
    if (!view.locked) notes.push('No Cargo.lock here: the build resolves the newest versions Cargo.toml allows, each time it is not cached. Run `cargo generate-lockfile` and commit Cargo.lock; the image then builds with --locked.');
    for (const p of packagesOf(view.cargo)) {
      const text = project.read(inPkg(p, 'Cargo.toml')) ?? '';
      for (const m of text.matchAll(/path\s*=\s*"(\.\.\/[^"]*)"/g)) {
        const target = p.dir ? `${p.dir}/${m[1]}` : (m[1] as string);
        const depth = target.split('/').reduce((d, part) => (part === '..' ? d - 1 : part && part !== '.' ? d + 1 : d), 0);
        if (depth < 0 || !p.dir) notes.push(`${inPkg(p, 'Cargo.toml')} has a path dependency outside this folder (${m[1]}): the build context (this folder) does not include it, so the build fails until it does.`);
      }
    }
    const sources = pkg ? rustSources(project, pkg) : [];
    const checked = sources.find((s) => /\bsqlx::query(?:_as|_scalar)?(?:_unchecked)?!\s*\(/.test(s.text) && !/_unchecked!/.test(s.text));
    if (checked && project.list('.sqlx') === undefined) {
      notes.push(`${checked.path} uses sqlx's checked query macros, which need a database at compile time, and the image build has none: run \`cargo sqlx prepare\` and commit .sqlx/ (the macros read it when DATABASE_URL is not set, as in the image build).`);
    }
    if (!sources.some((s) => /"PORT"/.test(s.text)) && r.framework !== rocket.id) notes.push(`The app does not read PORT: it must listen on ${r.port} by itself, on 0.0.0.0 (the image sets PORT=${r.port} and publishes ${r.port}).`);
    if (r.framework === rocket.id) notes.push(`Rocket listens on 127.0.0.1:8000 by default: ROCKET_ADDRESS=0.0.0.0 and ROCKET_PORT=${r.port} (in .env) make it reachable; a Rocket.toml [default] address in the image would override them only if it is copied in.`);
    const assets = assetsOf(project, view);
    if (assets.length) notes.push(`${humanList(assets.map((a) => `${a.dir}/`))} ${assets.length > 1 ? 'are' : 'is'} copied next to the binary (/app, the working directory), since the app reads ${assets.length > 1 ? 'them' : 'it'} at run time.`);
    notes.push(`The binary is built with \`cargo build --release${view.locked ? ' --locked' : ''}\` on ${builderImage(r)} and runs on ${FINAL}, as uid ${UID}.`);
    notes.push(PROBE_NOTE);
    return notes;
  },
};

/** The starter's files over the folder, so the Dockerfile's stubs are the starter's targets. */
const starterSnapshot = (input: LanguagePlanInput): ProjectSnapshot => overlay(input.project, Object.fromEntries(starterFiles(input).map((f) => [f.path, f.content])));

function starterView(input: LanguagePlanInput): RustView {
  return inspect(starterSnapshot(input), input.r.entrypoint);
}
