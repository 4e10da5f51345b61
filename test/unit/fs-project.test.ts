import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsSnapshot, unwritable, writeAtomic } from '../../src/node/fs-project.js';

const root = mkdtempSync(join(tmpdir(), 'dockerize-fs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the folder as the CLI sees it (real file system)', () => {
  it('writes through a symlinked file and keeps the link', () => {
    const dir = join(root, 'link');
    fs.mkdirSync(join(dir, 'shared'), { recursive: true });
    fs.writeFileSync(join(dir, 'shared', 'app.env'), 'A=1\n');
    fs.symlinkSync('shared/app.env', join(dir, '.env'));
    writeAtomic(fs, join(dir, '.env'), 'A=1\nB=2\n', true);
    expect(fs.lstatSync(join(dir, '.env')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(join(dir, 'shared', 'app.env'), 'utf8')).toBe('A=1\nB=2\n');
    // No temporary file is left beside the link or the target.
    expect(fs.readdirSync(dir).filter((f) => f.includes('dockerize'))).toEqual([]);
    expect(fs.readdirSync(join(dir, 'shared'))).toEqual(['app.env']);
  });

  it('reads a folder where a file could be as absent, and refuses to write there', () => {
    const dir = join(root, 'folder');
    fs.mkdirSync(join(dir, '.env.example'), { recursive: true });
    fs.symlinkSync('missing.env', join(dir, '.env'));
    expect(fsSnapshot(fs, dir).read('.env.example')).toBeUndefined();
    expect(fsSnapshot(fs, dir).read('')).toBeUndefined();
    const problems = unwritable(fs, [join(dir, '.env.example'), join(dir, '.env'), join(dir, 'Dockerfile')]);
    expect(problems.map((p) => p.path)).toEqual([join(dir, '.env.example'), join(dir, '.env')]);
    expect(problems[0]?.why).toMatch(/is a folder/);
    expect(problems[1]?.why).toMatch(/symlink to a file that does not exist/);
  });
});
