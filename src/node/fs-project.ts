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
        if (!stat) return undefined;
        if (!stat.isFile()) throw new Error(`${full} exists but is not a file`);
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
export function writeAtomic(fs: FsLike, path: string, content: string, sensitive?: boolean): void {
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
