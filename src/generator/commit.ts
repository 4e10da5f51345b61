import fs from 'node:fs';
import fsp from 'node:fs/promises';
import nodePath from 'node:path';
import stream from 'node:stream';
import { createConflicterTransform, createYoResolveTransform, forceYoFiles } from '@yeoman/conflicter';
import { clearFileState, isFileNew, isFilePending, isFileStateDeleted, isFileStateModified, setCommittedFile } from 'mem-fs-editor/state';

/** The slice of a mem-fs file this commit needs. */
interface MemFile {
  path: string;
  contents: Buffer | null;
  stat?: { mode?: number } | null;
}

/** The slice of a Yeoman environment this commit needs. */
export interface CommitEnv {
  adapter: unknown;
  conflicterOptions?: object;
  sharedFs: { pipeline(options: object, ...transforms: unknown[]): Promise<void> };
}

async function writeAtomic(path: string, contents: Buffer, mode: number | undefined): Promise<void> {
  await fsp.mkdir(nodePath.dirname(path), { recursive: true });
  const tmp = nodePath.join(nodePath.dirname(path), `.${nodePath.basename(path)}.dockerize-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await fsp.writeFile(tmp, contents, mode === undefined ? {} : { mode });
    if (mode !== undefined) await fsp.chmod(tmp, mode & 0o7777);
    await fsp.rename(tmp, path);
  } catch (err) {
    await fsp.unlink(tmp).catch(() => {});
    throw err;
  }
}

/**
 * The last stage of the commit: waits until the conflicter has settled every
 * file (so aborting in its menu writes nothing at all), then writes each file
 * through a temporary file and a rename, so none is ever half-written.
 */
function createAtomicCommitTransform(): stream.Transform {
  const files: MemFile[] = [];
  return new stream.Transform({
    objectMode: true,
    transform(file: MemFile, _encoding, callback) {
      files.push(file);
      callback();
    },
    flush(callback) {
      (async () => {
        for (const file of files) {
          if (isFileStateModified(file as never)) {
            setCommittedFile(file as never);
            if (!file.contents) throw new Error(`${file.path} cannot write an empty file`);
            await writeAtomic(file.path, file.contents, file.stat?.mode ?? undefined);
          } else if (isFileStateDeleted(file as never) && !isFileNew(file as never)) {
            setCommittedFile(file as never);
            await fsp.rm(file.path, { recursive: true });
          }
          clearFileState(file as never);
          this.push(file);
        }
      })().then(() => callback(), callback);
    },
  });
}

/**
 * forceYoFiles() (and the generator, for merged files) mark files `force`, so
 * the conflicter reports a new .yo-rc.json as "force": a file not on disk yet
 * is reported (and written) as `create`.
 */
function createNotForce(): stream.Transform {
  return new stream.Transform({
    objectMode: true,
    transform(file: MemFile & { conflicter?: string }, _encoding, callback) {
      if (file.conflicter === 'force' && !fs.existsSync(file.path)) file.conflicter = 'create';
      callback(null, file);
    },
  });
}

/** Yeoman's own commit pipeline (yo-resolve, .yo-rc force, conflicter), with the atomic write stage. */
export async function commitAtomically(env: CommitEnv): Promise<void> {
  await env.sharedFs.pipeline(
    { filter: (file: MemFile) => isFilePending(file as never) || file.path.endsWith('.yo-resolve') },
    createYoResolveTransform(),
    forceYoFiles(),
    createNotForce(),
    createConflicterTransform(env.adapter as never, env.conflicterOptions as never),
    createAtomicCommitTransform(),
  );
}
