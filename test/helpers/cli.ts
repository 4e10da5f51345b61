/** Runs the CLI in-process over an in-memory file system (memfs). */
import { createFsFromVolume, Volume } from 'memfs';
import { main, type CliIO, type Question } from '../../src/cli/main.js';
import type { FsLike } from '../../src/node/fs-project.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every file after the run, by absolute path. */
  files: Record<string, string>;
  fs: FsLike;
  asked: Question[];
}

export interface CliOptions {
  interactive?: boolean;
  /** Scripted answers by question name (a function sees the question, e.g. to call its validate). */
  answers?: Record<string, unknown | ((q: Question) => unknown)>;
  /** Wraps the memfs file system (to inject failures or record calls). */
  wrapFs?: (fs: FsLike) => FsLike;
  cwd?: string;
}

export async function cli(argv: string[], files: Record<string, string> = {}, options: CliOptions = {}): Promise<CliRun> {
  const cwd = options.cwd ?? '/work';
  const vol = Volume.fromJSON(files, cwd);
  vol.mkdirSync(cwd, { recursive: true });
  const memfs = createFsFromVolume(vol) as unknown as FsLike;
  const fs = options.wrapFs ? options.wrapFs(memfs) : memfs;
  let stdout = '';
  let stderr = '';
  const asked: Question[] = [];
  const io: CliIO = {
    fs,
    cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    interactive: options.interactive ?? false,
    ask: async (q) => {
      asked.push(q);
      const scripted = options.answers?.[q.name];
      if (typeof scripted === 'function') return (scripted as (q: Question) => unknown)(q);
      if (scripted !== undefined) return scripted;
      return q.initial;
    },
  };
  const code = await main(argv, io);
  // toJSON lists empty folders as null: keep files only.
  const after = Object.fromEntries(Object.entries(vol.toJSON()).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { code, stdout, stderr, files: after, fs, asked };
}
