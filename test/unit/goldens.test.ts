/**
 * Golden files: what the generator writes for every case, committed under
 * test/goldens/<case>/. A change to a template shows up as a reviewable diff.
 * After an intended change: `npm run goldens:update`, then review `git diff test/goldens`.
 * Each file is stored as <path>.golden, so git and other tools never take a
 * golden .gitignore, requirements.txt or package.json for a real one.
 * (Captured npm lockfiles are left out: test/unit/starter.test.ts covers them.)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCases, planOf } from '../helpers/cases.js';

const ROOT = join(import.meta.dirname, '..', 'goldens');
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const SKIP = new Set(['package-lock.json']);
const SUFFIX = '.golden';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/').replace(/\.golden$/, ''))
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
        writeFileSync(join(dir, f.path + SUFFIX), f.content);
      }
      expect(listFiles(dir)).toHaveLength(files.length);
    });
    return;
  }

  it('writes exactly the golden set of files', () => {
    expect(files.map((f) => f.path).sort()).toEqual(listFiles(dir));
  });

  it.each(files.map((f) => [f.path, f] as const))('%s matches its golden file', (_path, f) => {
    expect(f.content).toBe(readFileSync(join(dir, f.path + SUFFIX), 'utf8'));
  });
});
