import { SERVICE_IDS, providers, services } from '../../src/core/registry.js';
import { InputError, generate, seededRandom, snapshotOf, type Answers, type Plan } from '../../src/core/index.js';
import { loadTemplates } from '../../src/node/templates.js';
import { loadFixtures } from './fixtures.js';

export interface Case {
  name: string;
  answers: Answers;
  /** Files already in the folder. */
  project?: Record<string, string>;
  /** The folder's name (the default project name). */
  folderName?: string;
}

/** Keeps the first of services that give the app the same URL variable (they are alternatives). */
export function compatible(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.filter((id) => {
    const v = services.find((s) => s.id === id)!.urlVar;
    if (taken.has(v)) return false;
    taken.add(v);
    return true;
  });
}

/**
 * The sets of services every framework is tested with, in catalogue order:
 * none, each alone, PostgreSQL with Redis, and each full stack (one of each
 * kind of alternative, with every other service).
 */
export const serviceSets: string[][] = (() => {
  const groups = new Map<string, string[]>();
  for (const s of services) groups.set(s.urlVar, [...(groups.get(s.urlVar) ?? []), s.id]);
  let full: string[][] = [[]];
  for (const choices of groups.values()) full = full.flatMap((set) => choices.map((c) => [...set, c]));
  const order = (set: string[]) => SERVICE_IDS.filter((id) => set.includes(id));
  const sets = [[], ...SERVICE_IDS.map((id) => [id]), ['postgres', 'redis'], ...full.map(order)];
  return [...new Map(sets.map((set) => [set.join('+'), set])).values()];
})();

export const caseName = (framework: string, services: readonly string[]) => [framework, ...services].join('+');

/** Every language x framework x set of services, into an empty folder (so with a starter app). */
export const matrix: Case[] = providers.flatMap((p) =>
  p.frameworks.flatMap((fw) =>
    serviceSets.map((services) => ({
      name: caseName(fw.id, services),
      answers: { name: `${fw.id}-app`, language: p.id, framework: fw.id, services },
    })),
  ),
);

/** The example fixtures that generate (those that stop with an error are tested in fixtures.test.ts only). */
export const fixtureCases: Case[] = loadFixtures()
  .map((f) => ({ name: `fixture ${f.name}`, answers: (f.answers ?? {}) as Answers, project: f.files, folderName: f.name }))
  .filter((c) => {
    try {
      planOf(c);
      return true;
    } catch (err) {
      if (err instanceof InputError) return false;
      throw err;
    }
  });

/** Every framework's starter with the development setup (answers' `dev`), beside a database and a cache. */
export const devCases: Case[] = providers.flatMap((p) =>
  p.frameworks.map((fw) => ({
    name: `${caseName(fw.id, ['postgres', 'redis'])} dev`,
    answers: { name: `${fw.id}-dev`, language: p.id, framework: fw.id, services: ['postgres', 'redis'], dev: true },
  })),
);

export const allCases: Case[] = [...matrix, ...devCases, ...fixtureCases];

/** The plan for a case, with a fixed secret source so the output is reproducible. */
export function planOf(c: Case, seed = 42): Plan {
  return generate({ answers: c.answers, project: snapshotOf(c.project ?? {}), templates: loadTemplates(), random: seededRandom(seed), ...(c.folderName ? { folderName: c.folderName } : {}) });
}
