/**
 * Example fixtures: test/fixtures/<name>/ holds an input repository (files
 * shaped like a real project of that kind), its answers.json when the run needs
 * one, and expected/: detect.json (what `dockerize --detect` prints) and every
 * file the generator writes (or error.txt when the run must stop).
 *
 * Files git itself reads (.gitignore, .gitattributes) are stored with a
 * `.fixture` suffix, so the repository's git never takes them for its own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');
const STORED_AS = new Map([
  ['.gitignore', '.gitignore.fixture'],
  ['.gitattributes', '.gitattributes.fixture'],
]);
const storedName = (path: string) => {
  const base = path.split('/').pop() ?? path;
  const renamed = STORED_AS.get(base);
  return renamed ? `${path.slice(0, path.length - base.length)}${renamed}` : path;
};
const realName = (path: string) => {
  for (const [real, stored] of STORED_AS) if (path === stored || path.endsWith(`/${stored}`)) return `${path.slice(0, path.length - stored.length)}${real}`;
  return path;
};

export interface Fixture {
  name: string;
  dir: string;
  /** The input repository: path -> text. */
  files: Record<string, string>;
  /** answers.json, parsed (undefined: the run gets no answers, like `dockerize --yes`). */
  answers?: unknown;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const dir = join(FIXTURES_DIR, e.name);
      const files: Record<string, string> = {};
      let answers: unknown;
      for (const p of walk(dir)) {
        if (p.startsWith('expected/')) continue;
        const text = readFileSync(join(dir, p), 'utf8');
        if (p === 'answers.json') answers = JSON.parse(text);
        else files[realName(p)] = text;
      }
      return { name: e.name, dir, files, ...(answers !== undefined ? { answers } : {}) };
    });
}

/** expected/: path -> text, with real names. */
export function readExpected(f: Fixture): Record<string, string> {
  const dir = join(f.dir, 'expected');
  return Object.fromEntries(walk(dir).map((p) => [realName(p), readFileSync(join(dir, p), 'utf8')]));
}

/** Replaces expected/ with these files. */
export function writeExpected(f: Fixture, files: Record<string, string>): void {
  const dir = join(f.dir, 'expected');
  rmSync(dir, { recursive: true, force: true });
  for (const [p, text] of Object.entries(files)) {
    const target = join(dir, storedName(p));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
