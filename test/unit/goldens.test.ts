/**
 * Golden files: what the generator writes for every case, committed under
 * test/goldens/<case>/. A change to a template shows up as a reviewable diff.
 * After an intended change: `npm run goldens:update`, then review `git diff test/goldens`.
 * (Captured npm lockfiles are left out: test/unit/lockfiles.test.ts covers them.)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCases, planOf } from '../helpers/cases.js';

const ROOT = join(import.meta.dirname, '..', 'goldens');
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const SKIP = new Set(['package-lock.json']);

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

describe.each(allCases)('golden $name', (c) => {
  const dir = join(ROOT, c.name);
  const files = planOf(c).files.filter((f) => !SKIP.has(f.path));

  if (UPDATE) {
    it('updates the golden files', () => {
      rmSync(dir, { recursive: true, force: true });
      for (const f of files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
      expect(listFiles(dir)).toHaveLength(files.length);
    });
    return;
  }

  it('writes exactly the golden set of files', () => {
    expect(files.map((f) => f.path).sort()).toEqual(listFiles(dir));
  });

  it.each(files.map((f) => [f.path, f] as const))('%s matches its golden file', (_path, f) => {
    expect(f.content).toBe(readFileSync(join(dir, f.path), 'utf8'));
  });
});
