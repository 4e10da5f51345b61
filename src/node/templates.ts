import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import type { TemplateStore } from '../core/render.js';

/** The package's templates/ folder (two levels up from dist/node/ and from src/node/). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

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
