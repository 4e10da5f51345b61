import type { PlannedFile } from './plan.js';
import type { ProjectSnapshot } from './project.js';

/**
 * What writing a planned file would do to the folder:
 * - create: nothing there yet
 * - identical: already has exactly this content (left untouched)
 * - update: a merged file gains our additions (user lines kept)
 * - conflict: a file the user has, with other content, that we would replace
 */
export type ChangeStatus = 'create' | 'identical' | 'update' | 'conflict';

export interface Change {
  file: PlannedFile;
  status: ChangeStatus;
  /** The content on disk now, when there is a file. */
  current?: string;
}

export function classify(files: readonly PlannedFile[], project: ProjectSnapshot): Change[] {
  return files.map((file) => {
    const current = project.read(file.path);
    if (current === undefined) return { file, status: 'create' };
    if (current === file.content) return { file, status: 'identical', current };
    return { file, status: file.kind === 'merged' ? 'update' : 'conflict', current };
  });
}
