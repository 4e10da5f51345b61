import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';
import type { TemplateStore } from '../core/render.js';

/** The package's templates/ folder: the nearest one above this module (src/node/, dist/node/ or a bundle in dist/). */
function findTemplates(): string {
  let dir = path.dirname(url.fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (fs.existsSync(path.join(candidate, 'Dockerfile.python.ejs'))) return candidate;
    const up = path.dirname(dir);
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
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else store[path.relative(dir, p).split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  if (dir === TEMPLATES_DIR) cache = store;
  return store;
}
