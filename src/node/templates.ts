import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';
import type { TemplateStore } from '../core/render.js';

/** The package's templates/ folder: the nearest one above this module (src/node/, dist/node/ or a bundle in dist/). */
function findTemplates(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'Dockerfile.python.ejs'))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('BUG: the templates/ folder of generator-dockerize is missing');
    dir = up;
  }
}

export const TEMPLATES_DIR = findTemplates();

let cache: TemplateStore | undefined;

/** Every template, read once per process. */
export function loadTemplates(dir = TEMPLATES_DIR): TemplateStore {
  if (cache && dir === TEMPLATES_DIR) return cache;
  const store: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else store[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  if (dir === TEMPLATES_DIR) cache = store;
  return store;
}
