/**
 * A read-only view of the target folder. The core never touches a file
 * system: the front ends implement this over node:fs, Yeoman's mem-fs or an
 * in-memory volume, and the core asks only for the files it needs.
 */
export interface ProjectSnapshot {
  /** The text of a file relative to the project root, or undefined when there is none. */
  read(path: string): string | undefined;
  /** The entries of a folder ("" is the root), sorted, folders ending in "/"; undefined when there is no such folder. */
  list(dir: string): string[] | undefined;
  /** When a file was last changed (ms since the epoch), if the snapshot knows. */
  modified?(path: string): number | undefined;
}

const norm = (dir: string) => (dir === '.' || dir === './' ? '' : dir.replace(/^\.\//, '').replace(/\/+$/, ''));

/** A snapshot over a plain object of files (path -> text), for tests and dry runs. */
export function snapshotOf(files: Readonly<Record<string, string>>, modified?: Readonly<Record<string, number>>): ProjectSnapshot {
  const has = (p: string) => Object.prototype.hasOwnProperty.call(files, p);
  return {
    read: (p) => (has(p) ? files[p] : undefined),
    list(dir) {
      const d = norm(dir);
      const prefix = d ? `${d}/` : '';
      const out = new Set<string>();
      for (const p of Object.keys(files)) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf('/');
        out.add(slash === -1 ? rest : rest.slice(0, slash + 1));
      }
      return out.size || !d ? [...out].sort() : undefined;
    },
    ...(modified ? { modified: (p: string) => modified[p] } : {}),
  };
}

/** A snapshot with some files added on top (the starter app a plan is about to write). */
export function overlay(project: ProjectSnapshot, files: Readonly<Record<string, string>>): ProjectSnapshot {
  const added = snapshotOf(files);
  return {
    read: (p) => added.read(p) ?? project.read(p),
    list: (d) => {
      const a = added.list(d);
      const b = project.list(d);
      return a === undefined && b === undefined ? undefined : [...new Set([...(b ?? []), ...(a ?? [])])].sort();
    },
    ...(project.modified ? { modified: (p: string) => project.modified!(p) } : {}),
  };
}

/** The part of a snapshot below `dir` (a monorepo's app folder), as a snapshot of its own. */
export function within(project: ProjectSnapshot, dir: string): ProjectSnapshot {
  const d = norm(dir);
  if (!d) return project;
  const at = (p: string) => (p ? `${d}/${p}` : d);
  return {
    read: (p) => project.read(at(p)),
    list: (sub) => project.list(at(norm(sub))),
    ...(project.modified ? { modified: (p: string) => project.modified!(at(p)) } : {}),
  };
}
