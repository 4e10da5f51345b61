import { lockfiles, type PackageManager } from '../catalogue/index.js';
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

export function detectFacts(project: ProjectSnapshot, folderName?: string): ProjectFacts {
  const facts: ProjectFacts = {};
  const suggested = folderName ? normaliseName(folderName) : '';
  if (suggested) facts.suggestedName = suggested;
  const found = (Object.keys(lockfiles) as PackageManager[]).find((pm) => project.read(lockfiles[pm]) !== undefined);
  if (found) facts.lockfileManager = found;
  return facts;
}
