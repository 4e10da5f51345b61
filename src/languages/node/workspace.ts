/**
 * An app that is a member of an npm, pnpm or Yarn workspace: its lockfile and
 * the workspace packages it uses live above its folder, so the image is built
 * from the workspace's root. What the build needs to know: every member's
 * manifest (the lockfile covers them all), the members the app depends on
 * (transitively, dependencies first), and the root's own files.
 */
import type { ProjectSnapshot } from '../../core/project.js';
import { parseJson } from '../../core/json.js';
import { lockfiles, type PackageManager } from './package-managers.js';

export interface WorkspaceMember {
  /** Its folder, relative to the workspace root. */
  dir: string;
  name: string;
  scripts: Record<string, string>;
}

export interface Workspace {
  /** The workspace root, relative to the repository root ("." for the root itself). */
  root: string;
  /** The app's folder, relative to the workspace root. */
  app: string;
  /** The app's package name. */
  name: string;
  /** Every member, by folder. */
  members: WorkspaceMember[];
  /** The members the app needs, dependencies first, the app last. */
  closure: WorkspaceMember[];
  /** The package manager whose lockfile the root holds, and the version its packageManager field pins. */
  packageManager: PackageManager;
  pin?: string;
}

const MAX_DEPTH = 4;
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', '.next', '.turbo', 'coverage']);

const object = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const strings = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(object(v)).filter((e): e is [string, string] => typeof e[1] === 'string'));
const join = (a: string, b: string) => (a === '.' || a === '' ? b : b === '.' || b === '' ? a : `${a}/${b}`);

function readPackage(project: ProjectSnapshot, path: string): Record<string, unknown> | undefined {
  const text = project.read(path);
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  return parsed.ok ? object(parsed.value) : undefined;
}

/** The member patterns of a workspace root: package.json workspaces (array or { packages }), pnpm-workspace.yaml packages. */
export function workspacePatterns(project: ProjectSnapshot, dir = '.'): string[] {
  const pkg = readPackage(project, join(dir, 'package.json'));
  const ws = pkg?.workspaces;
  const fromPackage = Array.isArray(ws) ? ws : Array.isArray(object(ws).packages) ? (object(ws).packages as unknown[]) : [];
  const yaml = project.read(join(dir, 'pnpm-workspace.yaml')) ?? '';
  // The `packages:` list only (catalogs and other keys follow at the top level).
  const block = /^packages:\s*\n((?:[ \t]+-.*\n?|[ \t]*#.*\n?|[ \t]*\n)*)/m.exec(yaml)?.[1] ?? '';
  const fromPnpm = [...block.matchAll(/^[ \t]+-[ \t]*["']?([^"'\s#]+)["']?/gm)].map((m) => m[1] as string);
  return [...fromPackage.filter((p): p is string => typeof p === 'string'), ...fromPnpm];
}

/** Folders (relative to `dir`) that a glob of the workspace names: `apps/*`, `packages/**`, `services/api`; `!` patterns exclude. */
function expand(project: ProjectSnapshot, dir: string, patterns: readonly string[]): string[] {
  const found = new Set<string>();
  const excluded: RegExp[] = [];
  const toRegex = (glob: string) => new RegExp(`^${glob.split('/').map((s) => (s === '**' ? '.*' : s.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))).join('/')}$`);
  for (const raw of patterns) {
    const pattern = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    if (pattern.startsWith('!')) {
      excluded.push(toRegex(pattern.slice(1).replace(/^\.\//, '')));
      continue;
    }
    if (!pattern || pattern.includes('..')) continue;
    const walk = (rel: string, rest: string[], depth: number) => {
      if (depth > MAX_DEPTH) return;
      if (rest.length === 0) {
        if (project.read(join(join(dir, rel), 'package.json')) !== undefined) found.add(rel);
        return;
      }
      const [head, ...tail] = rest as [string, ...string[]];
      const children = () => (project.list(join(dir, rel)) ?? []).filter((e) => e.endsWith('/') && !SKIPPED.has(e.slice(0, -1)) && !e.startsWith('.')).map((e) => e.slice(0, -1));
      if (head === '**') {
        walk(rel, tail, depth);
        for (const c of children()) walk(join(rel, c), rest, depth + 1);
      } else if (head.includes('*')) {
        const re = toRegex(head);
        for (const c of children()) if (re.test(c)) walk(join(rel, c), tail, depth + 1);
      } else walk(join(rel, head), tail, depth + 1);
    };
    walk('', pattern.split('/'), 0);
  }
  return [...found].filter((d) => d !== '' && !excluded.some((re) => re.test(d))).sort();
}

/** The workspace an app folder belongs to: the nearest folder above it whose workspace patterns name it, holding a lockfile. */
export function findWorkspace(repository: ProjectSnapshot, appPath: string): Workspace | undefined {
  const app = appPath.replace(/^\.\//, '').replace(/\/+$/, '');
  if (app === '' || app === '.') return undefined;
  // An app with a lockfile of its own installs on its own.
  if (Object.values(lockfiles).some((l) => repository.read(join(app, l)) !== undefined)) return undefined;
  const parts = app.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const root = i === 0 ? '.' : parts.slice(0, i).join('/');
    const patterns = workspacePatterns(repository, root);
    if (patterns.length === 0) continue;
    const rel = parts.slice(i).join('/');
    const dirs = expand(repository, root, patterns);
    if (!dirs.includes(rel)) continue;
    const lock = (Object.entries(lockfiles) as Array<[PackageManager, string]>).find(([, file]) => repository.read(join(root, file)) !== undefined);
    const rootPkg = readPackage(repository, join(root, 'package.json'));
    const field = /^(npm|yarn|pnpm)@(\d+\.\d+\.\d+)/.exec(typeof rootPkg?.packageManager === 'string' ? rootPkg.packageManager : '');
    const packageManager = (field?.[1] as PackageManager | undefined) ?? lock?.[0];
    if (!packageManager) return undefined;
    const members = dirs.map((d) => {
      const pkg = readPackage(repository, join(join(root, d), 'package.json')) ?? {};
      const deps = { ...strings(pkg.dependencies), ...strings(pkg.devDependencies), ...strings(pkg.optionalDependencies) };
      return { dir: d, name: typeof pkg.name === 'string' ? pkg.name : d, scripts: strings(pkg.scripts), deps };
    });
    const byName = new Map(members.map((m) => [m.name, m]));
    // Dependencies first (depth-first post-order), each once; a cycle stops where it closes.
    const closure: Array<(typeof members)[number]> = [];
    const seen = new Set<string>();
    const visit = (m: (typeof members)[number]) => {
      if (seen.has(m.dir)) return;
      seen.add(m.dir);
      for (const dep of Object.keys(m.deps).sort()) {
        const target = byName.get(dep);
        if (target) visit(target);
      }
      closure.push(m);
    };
    const self = members.find((m) => m.dir === rel);
    if (!self) return undefined;
    visit(self);
    const strip = ({ deps: _deps, ...m }: (typeof members)[number]): WorkspaceMember => m;
    return {
      root,
      app: rel,
      name: self.name,
      members: members.map(strip),
      closure: closure.map(strip),
      packageManager,
      ...(field && field[1] === packageManager ? { pin: field[2] } : {}),
    };
  }
  return undefined;
}
