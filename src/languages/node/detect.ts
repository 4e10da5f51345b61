/**
 * What a folder says about a Node.js app: package.json's dependencies and
 * scripts, the lockfile (and packageManager field), the runtime pins, the
 * ORM settings that name a database (Prisma, Drizzle, TypeORM, Sequelize,
 * Knex), the entry file and the port. Never walks node_modules.
 */
import type { Finding, LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { healthRoute, readJson } from '../../core/toolkit.js';
import { pickLine } from '../../core/version-range.js';
import { versions } from '../../versions.js';
import type { NodeFramework } from './framework.js';
import { PACKAGE_MANAGERS, lockfiles } from './package-managers.js';
import { LTS_NAMES, nodeLine, parseRange } from './semver.js';
import { parseStart } from './start.js';
import { findWorkspace } from './workspace.js';
import { nodeEnvReads } from './env.js';

/** Frameworks we recognise but don't generate for: a warning, never silently another one. */
const OTHER_FRAMEWORKS: Readonly<Record<string, string>> = {
  koa: 'Koa',
  hono: 'Hono',
  '@hapi/hapi': 'hapi',
  restify: 'Restify',
  '@adonisjs/core': 'AdonisJS',
  sails: 'Sails',
  '@remix-run/node': 'Remix',
  '@react-router/node': 'React Router',
  nuxt: 'Nuxt',
  '@sveltejs/kit': 'SvelteKit',
  astro: 'Astro',
  '@angular/core': 'Angular',
  vite: 'Vite (a front end: build it into static files, or serve it from your API)',
  'react-scripts': 'Create React App (a front end)',
};

/** Lockfiles in the order they win when nothing else decides; bun's too, which we recognise. */
const LOCKFILES: ReadonlyArray<{ file: string; manager: string }> = [
  { file: lockfiles.pnpm, manager: 'pnpm' },
  { file: lockfiles.yarn, manager: 'yarn' },
  { file: lockfiles.npm, manager: 'npm' },
  { file: 'npm-shrinkwrap.json', manager: 'npm' },
  { file: 'bun.lock', manager: 'bun' },
  { file: 'bun.lockb', manager: 'bun' },
];

const record = (v: unknown): Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

function findPackageManager(project: ProjectSnapshot, pkg: Record<string, unknown>): { found?: Finding<string>; warnings: string[]; problem?: string } {
  const warnings: string[] = [];
  const present = LOCKFILES.filter((l) => project.read(l.file) !== undefined);
  const field = typeof pkg.packageManager === 'string' ? /^(npm|yarn|pnpm|bun)@/.exec(pkg.packageManager)?.[1] : undefined;
  let chosen: { manager: string; evidence: string } | undefined;
  if (field) {
    chosen = { manager: field, evidence: `package.json packageManager: ${pkg.packageManager as string}` };
    const others = present.filter((l) => l.manager !== field);
    if (others.length) warnings.push(`${others.map((l) => l.file).join(' and ')} ${others.length > 1 ? 'are' : 'is'} here too: the image installs with ${field}, as package.json's packageManager says; delete the stale lockfile`);
  } else if (present.length === 1) {
    chosen = { manager: present[0]!.manager, evidence: present[0]!.file };
  } else if (present.length > 1) {
    const managers = [...new Set(present.map((l) => l.manager))];
    const byAge = project.modified ? [...present].sort((a, b) => (project.modified!(b.file) ?? 0) - (project.modified!(a.file) ?? 0)) : present;
    const newest = byAge[0]!;
    const sameTime = project.modified && byAge.length > 1 && project.modified(byAge[0]!.file) === project.modified(byAge[1]!.file);
    chosen = { manager: newest.manager, evidence: `${newest.file}${project.modified && !sameTime ? ' (the newest lockfile)' : ''}` };
    if (managers.length > 1) {
      warnings.push(`${present.map((l) => l.file).join(' and ')} are both here: using ${newest.file}${project.modified && !sameTime ? ', the newest' : ''}; delete the other, or set "packageManager" in package.json or the answers`);
    }
  }
  if (!chosen) return { warnings };
  if (chosen.manager === 'bun' && project.read('bun.lock') === undefined && project.read('bun.lockb') !== undefined) {
    return { warnings, problem: 'bun.lockb is bun\'s old binary lockfile, which the image can\'t check against package.json: run `bun install --save-text-lockfile` (bun 1.2 and later write bun.lock), commit bun.lock, and run the generator again' };
  }
  if (!(PACKAGE_MANAGERS as readonly string[]).includes(chosen.manager)) {
    return { warnings, problem: `${chosen.evidence} says ${chosen.manager}, which the generator doesn't install with yet; set "packageManager" to one of ${PACKAGE_MANAGERS.join(', ')} (and commit its lockfile)` };
  }
  return { found: { value: chosen.manager, evidence: chosen.evidence }, warnings };
}

const runtime = versions.runtimes.node;

function findRuntime(project: ProjectSnapshot, pkg: Record<string, unknown>, repository: ProjectSnapshot | undefined): { found?: Finding<string>; problem?: string } {
  const supported: readonly string[] = runtime.supported;
  const pinned = (v: string, evidence: string) =>
    supported.includes(v)
      ? { found: { value: v, evidence } }
      : { problem: `${evidence.replace(/^\//, '')} asks for Node.js ${v}, which no image here serves (supported: ${supported.join(', ')}); set "runtimeVersion" to one of these` };
  // The app folder's pins, then the repository root's (a monorepo keeps one .nvmrc).
  const pins = [project, ...(repository ? [repository] : [])].flatMap((where) => ['.nvmrc', '.node-version'].map((file) => ({ where, file, label: where === project ? file : `/${file}` })));
  for (const { where, file: name, label: file } of pins) {
    const text = where.read(name)?.trim().split(/\s+/)[0];
    if (!text) continue;
    const lts = /^lts\/(.+)$/i.exec(text)?.[1]?.toLowerCase();
    if (lts === '*' || text === 'node' || text === 'stable' || text === 'latest') return { found: { value: runtime.default, evidence: `${file}: ${text}` } };
    if (lts && LTS_NAMES[lts]) return pinned(String(LTS_NAMES[lts]), `${file}: ${text}`);
    const major = /^v?(\d+)/.exec(text)?.[1];
    if (major) return pinned(major, `${file}: ${text}`);
  }
  const tool = /^\s*(?:nodejs|node)\s+v?(\d+)/m.exec(project.read('.tool-versions') ?? '')?.[1];
  if (tool) return pinned(tool, `.tool-versions: nodejs ${tool}`);
  const volta = record(pkg.volta).node;
  if (volta) {
    const major = /^v?(\d+)/.exec(volta)?.[1];
    if (major) return pinned(major, `package.json volta.node: ${volta}`);
  }
  const engines = record(pkg.engines).node;
  if (engines) {
    const range = parseRange(engines);
    if (!range) return {};
    const v = pickLine(supported, runtime.default, range, nodeLine);
    if (v) return { found: { value: v, evidence: `package.json engines.node: "${engines}"` } };
    return { problem: `package.json engines.node "${engines}" allows none of the Node.js versions we build (${supported.join(', ')}); set "runtimeVersion" to one of these` };
  }
  return {};
}

/** Databases an ORM's own settings name: Prisma's datasource, Drizzle's dialect, TypeORM's type, Sequelize's dialect, Knex's client. */
function ormServices(project: ProjectSnapshot, pkg: Record<string, unknown>): Finding<string>[] {
  const out: Finding<string>[] = [];
  const prismaSetting = record(pkg.prisma).schema;
  const prismaFiles = [
    ...(prismaSetting ? [prismaSetting.replace(/^\.\//, '')] : []),
    'prisma/schema.prisma',
    'schema.prisma',
    ...(project.list('prisma/schema') ?? []).filter((n) => n.endsWith('.prisma')).map((n) => `prisma/schema/${n}`),
  ];
  const prismaIds: Readonly<Record<string, string>> = { postgresql: 'postgres', postgres: 'postgres', cockroachdb: 'postgres', mysql: 'mysql', mongodb: 'mongodb' };
  for (const f of prismaFiles) {
    const p = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"(\w+)"/s.exec(project.read(f) ?? '')?.[1];
    if (p && prismaIds[p]) {
      out.push({ value: prismaIds[p] as string, evidence: `${f}: datasource provider = "${p}"` });
      break;
    }
  }
  const dialects: Readonly<Record<string, string>> = { postgresql: 'postgres', postgres: 'postgres', pg: 'postgres', mysql: 'mysql', mysql2: 'mysql', mariadb: 'mariadb', mongodb: 'mongodb' };
  const files = [
    'drizzle.config.ts', 'drizzle.config.js', 'drizzle.config.mjs',
    'ormconfig.json', 'ormconfig.js', 'ormconfig.ts', 'ormconfig.json.example', 'ormconfig.yml',
    'src/data-source.ts', 'src/data-source.js', 'src/app.module.ts', 'src/config/database.ts', 'src/config/database.js', 'src/database/data-source.ts',
    'config/config.json', 'config/database.js', 'knexfile.js', 'knexfile.ts',
  ];
  for (const f of files) {
    const text = project.read(f);
    if (!text) continue;
    const m = /["']?(?:dialect|type|client|driver)["']?\s*:\s*["'](postgresql|postgres|pg|mysql2?|mariadb|mongodb)["']/.exec(text);
    if (m) out.push({ value: dialects[m[1] as string] as string, evidence: `${f}: ${m[0].replace(/\s+/g, ' ')}` });
  }
  return out;
}

/** A listen() that binds localhost only: a host of 127.0.0.1/localhost, or Fastify's listen without a host (its default is localhost). */
function localOnlyListen(text: string, framework: string): string | undefined {
  const explicit = /\.listen\([^)]*["'`](localhost|127\.0\.0\.1)["'`]/.exec(text);
  if (explicit) return `listen() binds ${explicit[1]}`;
  if (framework === 'fastify') {
    const call = /\.listen\(\s*\{([^}]*)\}/.exec(text);
    if (call && !/\bhost\b/.test(call[1] as string)) return "Fastify's listen() has no host, and Fastify then listens on localhost";
  }
  return undefined;
}

/** The file a start script runs: node, nodemon, ts-node, tsx, bun, or fastify-cli's `fastify start FILE`. */
export function scriptFile(script: string): { file: string; runner: string } | undefined {
  const s = parseStart(script);
  if (!s?.file) return undefined;
  if (!/^(node|nodemon|ts-node|ts-node-dev|tsx|bun)$/.test(s.runner) && !(s.runner === 'fastify' && s.subcommand === 'start')) return undefined;
  return { file: s.file, runner: s.runner === 'fastify' ? 'fastify start' : s.runner };
}

/**
 * Where tsc writes a TypeScript file: outDir/rootDir from tsconfig(.build).json.
 * Without a rootDir, tsc uses the sources' common folder: `sourceRoot` when the
 * caller knows it (nest-cli.json), else the file's top folder (src/).
 */
export function compiledPath(project: ProjectSnapshot, tsFile: string, sourceRoot?: string): string | undefined {
  for (const config of ['tsconfig.build.json', 'tsconfig.json']) {
    const text = project.read(config);
    if (text === undefined) continue;
    // tsconfig allows comments and trailing commas.
    const clean = text.replace(/\/\*[\s\S]*?\*\/|(^|[^:"'])\/\/.*$/gm, '$1').replace(/,(\s*[}\]])/g, '$1');
    let opts: Record<string, unknown> = {};
    try {
      opts = (JSON.parse(clean) as { compilerOptions?: Record<string, unknown> }).compilerOptions ?? {};
    } catch {
      continue;
    }
    const outDir = typeof opts.outDir === 'string' ? opts.outDir.replace(/^\.\//, '').replace(/\/$/, '') : undefined;
    if (!outDir) continue;
    const rootDir = typeof opts.rootDir === 'string' ? opts.rootDir.replace(/^\.\//, '').replace(/\/$/, '') : (sourceRoot ?? (tsFile.includes('/') ? tsFile.split('/')[0] : ''));
    const rel = rootDir && rootDir !== '.' && tsFile.startsWith(`${rootDir}/`) ? tsFile.slice(rootDir.length + 1) : tsFile;
    return `${outDir}/${rel.replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs')}`;
  }
  return undefined;
}

const USUAL_FILES = ['server.js', 'index.js', 'app.js', 'main.js', 'src/server.js', 'src/index.js', 'src/app.js', 'src/main.js', 'bin/www', 'server.mjs', 'index.mjs', 'src/server.mjs', 'src/index.mjs'];

function findEntry(project: ProjectSnapshot, pkg: Record<string, unknown>, fw: NodeFramework): { entrypoint?: Finding<string>; source?: string } {
  if (fw.entrypoint.rules.length === 0) return {};
  const scripts = record(pkg.scripts);
  if (fw.build.kind === 'script') {
    const cli = readJson(project, 'nest-cli.json');
    const entryFile = typeof cli?.entryFile === 'string' ? cli.entryFile : 'main';
    const sourceRoot = typeof cli?.sourceRoot === 'string' ? cli.sourceRoot : 'src';
    const compiled = compiledPath(project, `${sourceRoot}/${entryFile}.ts`, sourceRoot) ?? `dist/${entryFile}.js`;
    const prod = scripts['start:prod'] ? scriptFile(scripts['start:prod']) : undefined;
    if (prod && /\.(c|m)?js$/.test(prod.file)) return { entrypoint: { value: prod.file, evidence: `package.json scripts.start:prod: ${scripts['start:prod']}` } };
    return { entrypoint: { value: compiled, evidence: cli ? `nest-cli.json: ${sourceRoot}/${entryFile}.ts, compiled to ${compiled}` : `${sourceRoot}/${entryFile}.ts, compiled to ${compiled}` }, source: `${sourceRoot}/${entryFile}.ts` };
  }
  for (const name of ['start:prod', 'start', 'serve']) {
    const script = scripts[name];
    const run = script ? scriptFile(script) : undefined;
    if (!run) continue;
    if (/\.(c|m)?ts$/.test(run.file)) {
      const out = compiledPath(project, run.file);
      if (out) return { entrypoint: { value: out, evidence: `package.json scripts.${name}: ${script} (TypeScript, compiled to ${out})` }, source: run.file };
      continue;
    }
    return { entrypoint: { value: run.file, evidence: `package.json scripts.${name}: ${script}` }, source: run.file };
  }
  const main = typeof pkg.main === 'string' ? pkg.main.replace(/^\.\//, '') : undefined;
  if (main && /\.(c|m)?ts$/.test(main)) {
    const out = compiledPath(project, main);
    if (out) return { entrypoint: { value: out, evidence: `package.json main: ${main} (TypeScript, compiled to ${out})` }, source: main };
  } else if (main && project.read(main) !== undefined) return { entrypoint: { value: main, evidence: `package.json main: ${pkg.main as string}` }, source: main };
  for (const f of USUAL_FILES) if (project.read(f) !== undefined) return { entrypoint: { value: f, evidence: `${f} (the usual entry file)` }, source: f };
  // TypeScript sources without a start script: where tsc writes the usual entry file.
  for (const f of ['src/server.ts', 'src/index.ts', 'src/main.ts', 'src/app.ts', 'server.ts', 'index.ts']) {
    const out = project.read(f) !== undefined ? compiledPath(project, f) : undefined;
    if (out) return { entrypoint: { value: out, evidence: `${f} (TypeScript, compiled to ${out})` }, source: f };
  }
  return {};
}

/** A port the app picks itself: `PORT=4000` in a script, `process.env.PORT || 4000` or `.listen(4000` in the entry file, PORT in .env.example. */
function findPort(project: ProjectSnapshot, pkg: Record<string, unknown>, source: string | undefined): Finding<number> | undefined {
  const scripts = record(pkg.scripts);
  for (const name of ['start:prod', 'start']) {
    const m = /\bPORT=(\d{2,5})\b/.exec(scripts[name] ?? '');
    if (m) return { value: Number(m[1]), evidence: `package.json scripts.${name}: PORT=${m[1]}` };
  }
  const text = source ? project.read(source) : undefined;
  if (text) {
    const m = /process\.env\.PORT\s*(?:(?:\|\||\?\?)\s*process\.env\.\w+\s*)*(?:\|\||\?\?)\s*["']?(\d{2,5})|\.listen\(\s*(?:\{\s*port:\s*)?(\d{2,5})\b|\bPORT\s*=\s*(\d{2,5})\b/.exec(text);
    if (m) return { value: Number(m[1] ?? m[2] ?? m[3]), evidence: `${source}: ${m[0].trim()}` };
  }
  const env = /^\s*PORT\s*=\s*["']?(\d{2,5})\b/m.exec(project.read('.env.example') ?? '');
  if (env) return { value: Number(env[1]), evidence: `.env.example: PORT=${env[1]}` };
  return undefined;
}

/** Next.js route handlers and API routes, at the paths they serve. */
function nextRoutes(project: ProjectSnapshot): Array<{ path: string; file: string }> {
  const out: Array<{ path: string; file: string }> = [];
  for (const root of ['app', 'src/app']) {
    for (const prefix of ['', 'api/']) {
      for (const dir of (project.list(`${root}/${prefix.replace(/\/$/, '')}`.replace(/\/$/, '')) ?? []).filter((e) => e.endsWith('/'))) {
        const name = dir.slice(0, -1);
        const file = (project.list(`${root}/${prefix}${name}`) ?? []).find((f) => /^route\.(js|ts|mjs)$/.test(f));
        if (file) out.push({ path: `/${prefix}${name}`, file: `${root}/${prefix}${name}/${file}` });
      }
    }
  }
  for (const root of ['pages/api', 'src/pages/api']) {
    for (const f of project.list(root) ?? []) {
      const m = /^([\w-]+)\.(js|ts|mjs)$/.exec(f);
      if (m) out.push({ path: `/api/${m[1]}`, file: `${root}/${f}` });
    }
  }
  return out;
}

/** NestJS controllers' routes (`@Controller('health')` + `@Get()`), behind the global prefix main.ts sets. */
function nestRoutes(project: ProjectSnapshot, sourceRoot: string): Array<{ path: string; file: string }> {
  const prefix = /setGlobalPrefix\(\s*['"]([^'"]*)['"]/.exec(project.read(`${sourceRoot}/main.ts`) ?? '')?.[1] ?? '';
  const files: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const e of project.list(dir) ?? []) {
      if (e.endsWith('/') && depth < 3 && e !== 'node_modules/') visit(`${dir}/${e.slice(0, -1)}`, depth + 1);
      else if (/\.controller\.(ts|js)$/.test(e)) files.push(`${dir}/${e}`);
    }
  };
  visit(sourceRoot, 0);
  const out: Array<{ path: string; file: string }> = [];
  for (const file of files.slice(0, 100)) {
    const text = project.read(file) ?? '';
    const controller = /@Controller\(\s*(?:['"]([^'"]*)['"])?/.exec(text);
    if (!controller) continue;
    for (const m of text.matchAll(/@(?:Get|Head|All)\(\s*(?:['"]([^'"]*)['"])?\s*\)/g)) {
      out.push({ path: [prefix, controller[1] ?? '', m[1] ?? ''].filter(Boolean).join('/'), file });
    }
  }
  return out;
}

/** Routes the entry file declares on the app itself (`app.get('/health'`, `fastify.route({ url: '/ping'`). */
function appRoutes(project: ProjectSnapshot, source: string | undefined): Array<{ path: string; file: string }> {
  const text = source ? project.read(source) : undefined;
  if (!text) return [];
  const out: Array<{ path: string; file: string }> = [];
  for (const m of text.matchAll(/\b(?:app|server|fastify|instance|api)\.(?:get|head|all)\(\s*['"`]([^'"`]+)['"`]/g)) out.push({ path: m[1] as string, file: source as string });
  for (const m of text.matchAll(/\.route\(\s*\{[^}]*?url:\s*['"`]([^'"`]+)['"`]/g)) out.push({ path: m[1] as string, file: source as string });
  return out;
}

/** Reads a folder; undefined when it holds no package.json. */
export function detectNodeWith(frameworks: readonly NodeFramework[], project: ProjectSnapshot, repository?: ProjectSnapshot, path?: string): LanguageDetection | undefined {
  const text = project.read('package.json');
  if (text === undefined) return undefined;
  const pkg = readJson(project, 'package.json');
  const found: LanguageDetection = { confidence: 1, evidence: 'package.json', packages: [], warnings: [] };
  if (!pkg) {
    found.warnings.push('package.json is not a JSON object: nothing in it was read');
    return found;
  }
  const deps = { ...record(pkg.optionalDependencies), ...record(pkg.dependencies) };
  found.packages = Object.keys(deps).map((name) => ({ name, evidence: `package.json dependencies: ${name} ${deps[name]}` }));
  const ws = Array.isArray(pkg.workspaces) ? pkg.workspaces : Array.isArray((pkg.workspaces as { packages?: unknown })?.packages) ? (pkg.workspaces as { packages: unknown[] }).packages : [];
  const pnpmWs = [...(project.read('pnpm-workspace.yaml') ?? '').matchAll(/^\s*-\s*["']?([^"'\s#]+)["']?\s*$/gm)].map((m) => m[1] as string);
  const workspaces = [...ws.filter((w): w is string => typeof w === 'string'), ...pnpmWs];
  if (workspaces.length) found.workspaces = workspaces;

  // A framework built on another (NestJS on Express) wins over it.
  const declared = frameworks.filter((f) => f.packages.some((p) => deps[p] !== undefined) || (f.files ?? []).some((file) => project.read(file) !== undefined));
  const fw = declared.find((f) => !declared.some((o) => o !== f && (o.wraps ?? []).includes(f.id)));
  if (fw) {
    const dep = fw.packages.find((p) => deps[p] !== undefined);
    const file = (fw.files ?? []).find((f) => project.read(f) !== undefined);
    found.confidence = 2;
    found.framework = { value: fw.id, evidence: [dep ? `package.json dependencies: ${dep} ${deps[dep]}` : '', file ?? ''].filter(Boolean).join('; ') };
    const entry = findEntry(project, pkg, fw);
    if (entry.entrypoint) found.entrypoint = entry.entrypoint;
    const port = findPort(project, pkg, entry.source);
    if (port) found.port = port;
    const sourceRoot = typeof readJson(project, 'nest-cli.json')?.sourceRoot === 'string' ? (readJson(project, 'nest-cli.json')?.sourceRoot as string) : 'src';
    const routes = fw.build.kind === 'nextjs' ? nextRoutes(project) : fw.build.kind === 'script' ? nestRoutes(project, sourceRoot) : appRoutes(project, entry.source);
    const health = healthRoute(routes);
    if (health) found.healthPath = { value: health.path, evidence: `${health.file}: a route for ${health.path}` };
    const env = nodeEnvReads(project, entry.source);
    // Auth.js trusts the Host header only on hosts it knows (Vercel): in a container it needs telling.
    const authjs = ['next-auth', '@auth/core', '@auth/express'].find((p) => deps[p] !== undefined);
    if (authjs && !env.some((e) => e.key === 'AUTH_TRUST_HOST')) env.push({ key: 'AUTH_TRUST_HOST', evidence: `package.json: ${authjs} (behind Docker's port mapping, Auth.js must trust the Host header)`, value: 'true' });
    if (env.length) found.env = env;
    const listen = entry.source ? localOnlyListen(project.read(entry.source) ?? '', fw.id) : undefined;
    if (listen && entry.source) found.warnings.push(`${entry.source}: ${listen}: the app would answer only inside its container (the healthcheck and the published port reach it on the container's address); listen on 0.0.0.0, for example host: process.env.HOST ?? '0.0.0.0'`);
  } else {
    const others = Object.keys(OTHER_FRAMEWORKS).filter((p) => deps[p] !== undefined || record(pkg.devDependencies)[p] !== undefined);
    for (const p of others) found.warnings.push(`${OTHER_FRAMEWORKS[p]} found (package.json: ${p}): not a framework the generator writes for (${frameworks.map((f) => f.title).join(', ')})`);
  }
  found.services = ormServices(project, pkg);

  const pm = findPackageManager(project, pkg);
  // A workspace member installs with the workspace: its lockfile is at the workspace root.
  const member = !pm.found && repository && path ? findWorkspace(repository, path) : undefined;
  if (pm.found) found.packageManager = pm.found;
  else if (member) found.packageManager = { value: member.packageManager, evidence: `${member.root === '.' ? '' : `${member.root}/`}${lockfiles[member.packageManager]} (the workspace root's, which installs ${member.name})` };
  found.warnings.push(...pm.warnings);
  const rt = findRuntime(project, pkg, repository);
  if (rt.found) found.runtimeVersion = rt.found;
  const problems = [
    ...(pm.problem ? [{ key: 'packageManager' as const, message: pm.problem }] : []),
    ...(rt.problem ? [{ key: 'runtimeVersion' as const, message: rt.problem }] : []),
  ];
  if (problems.length) found.problems = problems;
  return found;
}
