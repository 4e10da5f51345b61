import nodePath from 'node:path';
import type { ProjectSnapshot } from '../core/project.js';

/** The parts of node:fs the CLI uses (node:fs itself, or memfs in tests). */
export interface FsLike {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string, options?: { mode?: number }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  statSync(path: string, options?: { throwIfNoEntry: false }): { isFile(): boolean; isDirectory(): boolean; mode: number; mtimeMs?: number } | undefined;
  readdirSync(path: string, options: { withFileTypes: true }): Array<{ name: string | { toString(): string }; isDirectory(): boolean; isSymbolicLink(): boolean }>;
  /** Where a symlink leads (node:fs and memfs have it; a file system without symlinks may leave it out). */
  realpathSync?(path: string): string | { toString(): string };
  lstatSync?(path: string, options?: { throwIfNoEntry: false }): { isSymbolicLink(): boolean } | undefined;
}

function code(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** A ProjectSnapshot over a folder: the core reads only the files and folders it asks for. */
export function fsSnapshot(fs: FsLike, root: string): ProjectSnapshot {
  return {
    list(dir) {
      const full = nodePath.join(root, dir);
      try {
        return fs
          .readdirSync(full, { withFileTypes: true })
          .map((e) => {
            const name = String(e.name);
            // A symlink counts as what it points to (a broken one as a file, which read() then finds missing).
            const isDir = e.isDirectory() || (e.isSymbolicLink() && fs.statSync(nodePath.join(full, name), { throwIfNoEntry: false })?.isDirectory() === true);
            return isDir ? `${name}/` : name;
          })
          .sort();
      } catch (err) {
        if (code(err) === 'ENOENT' || code(err) === 'ENOTDIR') return undefined;
        throw err;
      }
    },
    modified(path) {
      try {
        return fs.statSync(nodePath.join(root, path), { throwIfNoEntry: false })?.mtimeMs;
      } catch {
        return undefined;
      }
    },
    read(path) {
      const full = nodePath.join(root, path);
      try {
        // throwIfNoEntry: a missing file (most of them, on a first run) costs no exception.
        const stat = fs.statSync(full, { throwIfNoEntry: false });
        // A folder (or a device) where a file could be is no file: detection reads on; writing there is refused before anything is written (unwritable()).
        if (!stat || !stat.isFile()) return undefined;
        return fs.readFileSync(full, 'utf8');
      } catch (err) {
        if (code(err) === 'ENOENT' || code(err) === 'ENOTDIR') return undefined;
        throw err;
      }
    },
  };
}

/** Mode to create a file with: files holding secrets are readable by their owner only. */
export function newFileMode(sensitive: boolean | undefined): number {
  return sensitive ? 0o600 : 0o644;
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same
 * folder, which then replaces the target in one rename. An interrupted run
 * leaves the old file or the new one, never half of either.
 */
export function writeAtomic(fs: FsLike, target: string, content: string, sensitive?: boolean): void {
  // A symlink (a shared .env, say) stays the user's: the file it leads to is written, the link is kept.
  const path = fs.lstatSync?.(target, { throwIfNoEntry: false })?.isSymbolicLink() && fs.realpathSync ? String(fs.realpathSync(target)) : target;
  fs.mkdirSync(nodePath.dirname(path), { recursive: true });
  const existing = fs.statSync(path, { throwIfNoEntry: false });
  const mode = existing ? existing.mode & 0o7777 : newFileMode(sensitive);
  const tmp = nodePath.join(nodePath.dirname(path), `.${path.split('/').pop()}.dockerize-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  fs.writeFileSync(tmp, content, { mode });
  try {
    fs.renameSync(tmp, path);
  } catch (err) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* the temporary file is already gone */
    }
    throw err;
  }
}

/**
 * The paths of a plan that can't be written as files: a folder (or anything
 * but a file) stands there, or a broken symlink (whose target is unknown to
 * the user as much as to us). Checked before anything is written.
 */
export function unwritable(fs: FsLike, paths: readonly string[]): Array<{ path: string; why: string }> {
  const out: Array<{ path: string; why: string }> = [];
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat && !stat.isFile()) out.push({ path: p, why: stat.isDirectory() ? 'is a folder, where dockerize writes a file: rename or move it, then run again' : 'is not a regular file: move it, then run again' });
    else if (!stat && fs.lstatSync?.(p, { throwIfNoEntry: false })?.isSymbolicLink()) out.push({ path: p, why: 'is a symlink to a file that does not exist: create the file it points to, or remove the link, then run again' });
  }
  return out;
}
