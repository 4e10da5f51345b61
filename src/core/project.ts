import type { PackageManager } from '../catalogue/types.js';
import type { ProjectFacts } from './answers.js';
import { normaliseName } from './validate.js';

/**
 * A read-only view of the target folder. The core never touches a file
 * system: the front ends implement this over node:fs, Yeoman's mem-fs or an
 * in-memory volume, and the core asks only for the files it needs.
 */
export interface ProjectSnapshot {
  /** The text of a file relative to the project root, or undefined when there is none. */
  read(path: string): string | undefined;
}

/** A snapshot over a plain object, for tests and dry runs. */
export function snapshotOf(files: Readonly<Record<string, string>>): ProjectSnapshot {
  return { read: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined) };
}

const LOCKFILES: ReadonlyArray<[string, PackageManager]> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'],
];

/** The lockfile each package manager installs from. */
export const LOCKFILE_OF: Readonly<Record<PackageManager, string>> = { npm: 'package-lock.json', yarn: 'yarn.lock', pnpm: 'pnpm-lock.yaml' };

export function detectFacts(project: ProjectSnapshot, folderName?: string): ProjectFacts {
  const facts: ProjectFacts = {};
  const suggested = folderName ? normaliseName(folderName) : '';
  if (suggested) facts.suggestedName = suggested;
  const lock = LOCKFILES.find(([file]) => project.read(file) !== undefined);
  if (lock) facts.lockfileManager = lock[1];
  return facts;
}
