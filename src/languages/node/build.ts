/**
 * How a Node.js app becomes an image: what it builds (a `build` script, a
 * TypeScript compile, `prisma generate`, `next build`), what it starts (the
 * start script turned into `node <file>`), and what the final stage keeps.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { readJson } from '../../core/toolkit.js';
import type { NodeFramework } from './framework.js';
import { compiledPath, scriptFile } from './detect.js';
import { parseStart, type StartScript } from './start.js';

export interface NodeApp {
  scripts: Record<string, string>;
  /** The start script, parsed (start:prod first, then start). */
  start?: StartScript & { name: string };
  /** The app builds before it runs: a build script, or Prisma's client to generate. */
  builds: boolean;
  /** `npm run build` (or the package manager's), when there is a build script. */
  buildScript: boolean;
  prisma?: { schema: string; migrations: boolean };
  /** Next.js: whether next.config asks for the standalone server. */
  nextStandalone: boolean;
  /** A script that applies the database migrations (prisma migrate deploy, typeorm, knex, sequelize, drizzle), by name. */
  migrateScript?: string;
  /** The project's own install lifecycle scripts (set aside while only the manifests are there). */
  lifecycle: LifecycleScripts;
  /** How the app applies its database migrations, when it has any. */
  migration?: NodeMigration;
  /** Worker scripts (a BullMQ consumer, say): each runs beside the app from the same image. */
  workers: NodeWorker[];
}

export interface NodeWorker {
  /** The script's name (worker, start:worker). */
  script: string;
  /** Exec form: node on the file the script runs (its compiled .js for TypeScript). */
  command: string[];
  evidence: string;
}

/** Script names that start a background worker, production ones first. */
const WORKER_SCRIPTS = /^(start:worker(s)?|worker(s)?:(start|prod)|start:prod:worker|worker(s)?|queue(:work)?|jobs(:work)?|consumer)$/;

/** The app's worker scripts, one per file: `node dist/worker.js` for `tsx src/worker.ts` when tsc compiles it there. */
export function nodeWorkers(project: ProjectSnapshot, scripts: Readonly<Record<string, string>>): NodeWorker[] {
  const out: NodeWorker[] = [];
  const names = Object.keys(scripts).filter((n) => WORKER_SCRIPTS.test(n)).sort((a, b) => Number(!/start|prod/.test(a)) - Number(!/start|prod/.test(b)));
  for (const name of names) {
    const script = scripts[name] as string;
    const run = scriptFile(script);
    if (!run) continue;
    const file = /\.(c|m)?ts$/.test(run.file) ? compiledPath(project, run.file) : run.file;
    if (!file || out.some((w) => w.command.includes(file))) continue;
    const s = parseStart(script);
    out.push({ script: name, command: ['node', ...(s?.runner === 'node' ? s.nodeFlags : []), file], evidence: `package.json scripts.${name}: ${script}` });
  }
  return out;
}

export interface NodeMigration {
  /** Exec form, run in /app. */
  command: string[];
  evidence: string;
  /** The CLI's packages that only devDependencies list (the final image has no dev packages). */
  devPackages: string[];
}

/** The package a migration CLI comes from, when its name is not the binary's. */
const BIN_PACKAGES: Readonly<Record<string, string[]>> = {
  'typeorm-ts-node-commonjs': ['typeorm', 'ts-node'],
  'typeorm-ts-node-esm': ['typeorm', 'ts-node'],
  sequelize: ['sequelize-cli'],
  'sequelize-cli': ['sequelize-cli'],
  'db-migrate': ['db-migrate'],
  'ts-node': ['ts-node'],
  tsx: ['tsx'],
};

/** The packages the first program of a script comes from (node itself: none). */
/**
 * A script as the shell runs it at the end of its chain: `npm run typeorm -- migration:run`
 * becomes the typeorm script's command with those arguments; env-cmd and dotenv-cli
 * wrappers go (they read a .env file, which images don't have: the container's
 * environment already holds the variables). `indirect` when the chain went
 * through yarn/pnpm (not in the image) or a wrapper: then only the resolved
 * command runs as it is meant to.
 */
export function resolveScript(scripts: Readonly<Record<string, string>>, name: string): { command: string; indirect: boolean } {
  let command = scripts[name] ?? '';
  let indirect = false;
  for (let depth = 0; depth < 6; depth++) {
    const unwrapped = command.replace(/^\s*(?:env-cmd(?:\s+(?:-f|--file|-e|--environments)\s+\S+|\s+--\S+)*|dotenv(?:\s+-[ecv]\s+\S+)*)\s+(?:--\s+)?/, '');
    if (unwrapped !== command) {
      indirect = true;
      command = unwrapped;
      continue;
    }
    const m = /^\s*(npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?)\s+([\w:.@/-]+)(?:\s+--)?(.*)$/.exec(command);
    const target = m?.[2];
    if (!m || !target || scripts[target] === undefined) break;
    if (!(m[1] as string).startsWith('npm')) indirect = true;
    command = `${scripts[target]}${m[3] ?? ''}`;
  }
  return { command: command.trim(), indirect };
}

function scriptPackages(script: string): string[] {
  const words = script.trim().split(/\s+/).filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) && w !== 'cross-env' && w !== 'npx' && w !== 'dotenv' && w !== '--');
  const bin = words[0] ?? '';
  if (bin === 'node' || bin === '') return [];
  return BIN_PACKAGES[bin] ?? [bin];
}

/**
 * The project's own preinstall/install/postinstall/prepare scripts. They run
 * on the project's code, which the dependency stage doesn't have yet (that is
 * what makes its layer reusable), so that stage's copy of package.json goes
 * without them; what is left of them once git hooks (husky, lefthook, ...) and
 * `prisma generate` (a step of its own) are taken out runs after the code is
 * copied.
 */
export interface LifecycleScripts {
  /** The lifecycle scripts package.json has, by name. */
  names: string[];
  /** Shell commands still to run with the code there (patch-package, say), in npm's order. */
  commands: string[];
}

const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepare'] as const;
/** Parts of an install script that have no business in an image: git hooks, CI guards, and what the image does anyway. */
const SKIPPED_PART = /^(npx\s+)?(husky(\s+install)?(\s+\S+)?|is-ci(\s.*)?|only-allow\s+\S+|simple-git-hooks|lefthook\s+install|git\s.*|prisma\s+generate(\s.*)?|(npm|yarn|pnpm)\s+run\s+build|(npm|yarn|pnpm)\s+build|tsc(\s.*)?|node\s+-e\s+.*husky.*)$/;

export function lifecycleScripts(scripts: Readonly<Record<string, string>>): LifecycleScripts {
  const names = LIFECYCLE.filter((n) => scripts[n] !== undefined);
  const commands: string[] = [];
  // prepare is for git checkouts and publishing (husky, a library build): an app's image skips it.
  for (const n of names.filter((x) => x !== 'prepare')) {
    const kept = (scripts[n] as string)
      .split(/\s*(?:&&|;)\s*/)
      .map((part) => part.trim())
      .filter((part) => part !== '' && !SKIPPED_PART.test(part));
    if (kept.length) commands.push(kept.join(' && '));
  }
  return { names, commands };
}

const strings = (v: unknown): Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

/** Where Prisma's schema is: package.json's prisma.schema, prisma/schema.prisma, or a prisma/schema/ folder. */
export function prismaSchema(project: ProjectSnapshot, pkg: Record<string, unknown> | undefined): string | undefined {
  const configured = strings(pkg?.prisma).schema?.replace(/^\.\//, '');
  for (const p of [configured, 'prisma/schema.prisma', 'schema.prisma']) if (p && project.read(p) !== undefined) return p;
  if ((project.list('prisma/schema') ?? []).some((f) => f.endsWith('.prisma'))) return 'prisma/schema';
  return undefined;
}

const MIGRATE_SCRIPTS = ['migrate:deploy', 'db:migrate:deploy', 'migrate', 'db:migrate', 'migration:run', 'migrations:run', 'typeorm:migrate', 'knex:migrate'];

/** A migration script: `npm run <name>`, or the command it resolves to when its chain needs what the image lacks (yarn, env-cmd). */
function scriptMigration(scripts: Readonly<Record<string, string>>, name: string, devOnly: (names: string[]) => string[]): NodeMigration {
  const { command, indirect } = resolveScript(scripts, name);
  return {
    command: indirect ? ['npm', 'exec', '-c', command] : ['npm', 'run', name],
    evidence: `package.json: the ${name} script${indirect ? ` (${command})` : ''}`,
    devPackages: devOnly(scriptPackages(command)),
  };
}

/** What the image needs to know about the app (a starter's package.json counts: the plan sees the folder with it). */
export function nodeApp(project: ProjectSnapshot, fw: NodeFramework): NodeApp {
  const pkg = readJson(project, 'package.json');
  const scripts = strings(pkg?.scripts);
  const startName = ['start:prod', 'start'].find((n) => scripts[n] && parseStart(scripts[n] as string)?.runner === 'node') ?? ['start:prod', 'start'].find((n) => scripts[n]);
  const parsed = startName ? parseStart(scripts[startName] as string) : undefined;
  const deps = { ...strings(pkg?.dependencies), ...strings(pkg?.devDependencies) };
  const schema = deps['@prisma/client'] || deps.prisma ? prismaSchema(project, pkg) : undefined;
  const prisma = schema ? { schema, migrations: project.list(`${schema.replace(/\/[^/]*\.prisma$/, '').replace(/\/schema$/, '')}/migrations`) !== undefined } : undefined;
  const buildScript = scripts.build !== undefined;
  const config = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'].map((p) => project.read(p)).find((t) => t !== undefined);
  const nextStandalone = fw.build.kind === 'nextjs' && /output\s*:\s*["'`]standalone["'`]/.test(config ?? '');
  // Prisma applies its own migrations; other ORMs through the project's script for it.
  const lifecycle = lifecycleScripts(scripts);
  const prod = strings(pkg?.dependencies);
  const devOnly = (names: string[]) => names.filter((n) => prod[n] === undefined && deps[n] !== undefined);
  const migration: NodeMigration | undefined = prisma?.migrations
    ? {
        command: ['node_modules/.bin/prisma', 'migrate', 'deploy', ...(schema && schema !== 'prisma/schema.prisma' ? ['--schema', schema] : [])],
        evidence: `${schema?.includes('/') ? schema.replace(/\/[^/]*$/, '') : '.'}/migrations/: Prisma migrations`,
        devPackages: devOnly(['prisma']),
      }
    : undefined;
  // Drizzle: migrations generated into the config's `out` folder (a journal there), applied by drizzle-kit.
  const drizzleConfig = ['drizzle.config.ts', 'drizzle.config.js', 'drizzle.config.mjs', 'drizzle.config.cjs'].find((f) => project.read(f) !== undefined);
  const drizzleOut = drizzleConfig ? (/\bout\s*:\s*["'`](?:\.\/)?([^"'`]+?)\/?["'`]/.exec(project.read(drizzleConfig) ?? '')?.[1] ?? 'drizzle') : undefined;
  const drizzle: NodeMigration | undefined =
    !migration && drizzleConfig && drizzleOut && project.read(`${drizzleOut}/meta/_journal.json`) !== undefined
      ? { command: ['node_modules/.bin/drizzle-kit', 'migrate'], evidence: `${drizzleConfig}: migrations in ${drizzleOut}/`, devPackages: devOnly(['drizzle-kit']) }
      : undefined;
  const migrateScript = prisma?.migrations || drizzle ? undefined : MIGRATE_SCRIPTS.find((n) => scripts[n] && !/\b(make|generate|create|new|dev|rollback|revert|down)\b/.test(scripts[n] as string));
  return {
    scripts,
    ...(parsed && startName ? { start: { ...parsed, name: startName } } : {}),
    builds: fw.build.kind === 'nextjs' || buildScript || prisma !== undefined || lifecycle.commands.length > 0,
    buildScript,
    ...(prisma ? { prisma } : {}),
    nextStandalone,
    ...(migrateScript ? { migrateScript } : {}),
    lifecycle,
    workers: nodeWorkers(project, scripts),
    ...(migration ? { migration } : drizzle ? { migration: drizzle } : migrateScript ? { migration: scriptMigration(scripts, migrateScript, devOnly) } : {}),
  };
}

/** The CMD: node itself (exec form: PID 1, gets SIGTERM), with the start script's own node flags and arguments; fastify-cli apps through fastify-cli. */
export function startCommand(r: ResolvedAnswers, fw: NodeFramework, app: NodeApp, nodeFrameworkCommand: string[]): string[] {
  if (r.command) return r.command;
  const s = app.start;
  if (fw.build.kind === 'nextjs') return nodeFrameworkCommand;
  if (s?.runner === 'fastify' && s.subcommand === 'start') {
    // fastify-cli listens on localhost unless told otherwise: every interface, on the app's port.
    const options = s.options.filter((o, i, all) => !/^(-a|--address|-p|--port)$/.test(o) && !/^(-a|--address|-p|--port)$/.test(all[i - 1] ?? ''));
    return ['node_modules/.bin/fastify', 'start', '--address', '0.0.0.0', '--port', String(r.port), ...options, r.entrypoint];
  }
  const flags = s?.runner === 'node' ? s.nodeFlags : [];
  const args = s?.runner === 'node' && s.file === r.entrypoint ? s.args : [];
  return ['node', ...flags, r.entrypoint, ...args];
}

/** Variables the start script sets (NODE_ENV and PORT aside: the image sets those). */
export function startEnv(app: NodeApp): Array<[string, string]> {
  return (app.start?.env ?? []).filter(([k]) => k !== 'NODE_ENV' && k !== 'PORT');
}
