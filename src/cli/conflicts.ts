import type { Change } from '../core/index.js';
import type { CliIO } from './main.js';
import { promptsAsk } from './prompts.js';

/** A unified diff of what is on disk and what would be written. */
export async function unifiedDiff(path: string, current: string, next: string): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  return createTwoFilesPatch(`${path} (yours)`, `${path} (generated)`, current, next, '', '', { context: 3 });
}

/**
 * Asks, file by file, what to do with each conflict: overwrite, skip, show the
 * diff first, or abort. 'abort' (chosen in the menu) and 'cancel' (Ctrl+C):
 * nothing is written at all.
 */
export async function resolveConflicts(io: CliIO, conflicts: readonly Change[]): Promise<Map<string, 'write' | 'skip'> | 'abort' | 'cancel'> {
  const ask = io.ask ?? promptsAsk;
  const decisions = new Map<string, 'write' | 'skip'>();
  for (const c of conflicts) {
    for (;;) {
      const choice = await ask({
        type: 'select',
        name: 'action',
        message: `${c.file.path} exists and differs. What should happen to it?`,
        initial: 'diff',
        choices: [
          { title: 'Show the differences', value: 'diff' },
          { title: 'Overwrite it', value: 'write' },
          { title: 'Keep mine (skip)', value: 'skip' },
          { title: 'Abort: write nothing', value: 'abort' },
        ],
      });
      if (choice === undefined) return 'cancel';
      if (choice === 'abort') return 'abort';
      if (choice === 'diff') {
        io.stdout(await unifiedDiff(c.file.path, c.current ?? '', c.file.content));
        continue;
      }
      decisions.set(c.file.path, choice as 'write' | 'skip');
      break;
    }
  }
  return decisions;
}
