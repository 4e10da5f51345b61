import type { ResolvedAnswers } from '../../core/answers.js';
import type { TemplateStore } from '../../core/render.js';
import { services, starterServices as starterServicesFor } from '../../services/index.js';
import { versions } from '../../versions.js';
import type { NodeFramework } from './framework.js';

/** The answers' services a Node starter app connects to (those with a Node client for starters), in catalogue order. */
export function starterServices(r: Pick<ResolvedAnswers, 'services'>): string[] {
  return starterServicesFor(r, 'node');
}

/** The npm packages a Node starter depends on, for its package.json and lockfile. */
export function starterPackages(r: Pick<ResolvedAnswers, 'services'>, fw: NodeFramework): { dependencies: string[]; devDependencies: string[] } {
  const drivers = services.filter((s) => r.services.includes(s.id)).flatMap((s) => s.clients.node?.starter ?? []);
  return {
    dependencies: [...fw.starter.dependencies, ...drivers].sort(),
    devDependencies: [...(fw.starter.devDependencies ?? [])].sort(),
  };
}

function pinned(names: readonly string[]): Record<string, string> {
  const table = versions.node as Readonly<Record<string, string>>;
  return Object.fromEntries(
    names.map((n) => {
      const v = table[n];
      if (!v) throw new Error(`BUG: no version for npm package ${n}`);
      return [n, v];
    }),
  );
}

/** The starter's package.json as data (also what the lockfile capture script installs). */
export function starterPackageJson(r: Pick<ResolvedAnswers, 'name' | 'entrypoint' | 'services'>, fw: NodeFramework): Record<string, unknown> {
  const { dependencies, devDependencies } = starterPackages(r, fw);
  const scripts = Object.fromEntries(Object.entries(fw.starter.scripts).map(([k, v]) => [k, v.replace('{entrypoint}', r.entrypoint)]));
  return {
    name: r.name,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts,
    dependencies: pinned(dependencies),
    ...(devDependencies.length ? { devDependencies: pinned(devDependencies) } : {}),
  };
}

/** Name of the captured lockfile for this framework and set of services. */
export function lockfileKey(r: Pick<ResolvedAnswers, 'framework' | 'services'>): string {
  return [r.framework, ...starterServices(r)].join('+');
}

/** The captured npm lockfile, renamed to the project. */
export function starterLockfile(r: ResolvedAnswers, templates: TemplateStore): string {
  const name = `node/lockfiles/${lockfileKey(r)}.json`;
  const source = templates[name];
  if (typeof source !== 'string') throw new Error(`BUG: no captured lockfile ${name} (run npm run lockfiles:update)`);
  const lock = JSON.parse(source) as { name?: string; packages?: Record<string, { name?: string }> };
  lock.name = r.name;
  const root = lock.packages?.[''];
  if (root) root.name = r.name;
  return `${JSON.stringify(lock, null, 2)}\n`;
}
