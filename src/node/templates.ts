import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';
import type { TemplateStore } from '../core/render.js';

/**
 * Templates live beside what uses them: src/languages/<lang>/templates/ and
 * src/core/templates/. Each is named "<lang>/<path>" or "core/<path>" in the
 * template store. The build copies them to dist/templates/ (the same names as
 * paths), which is what a published package has.
 */

/** This package's root: the nearest folder above this module with our package.json. */
function packageRoot(): string {
  let dir = path.dirname(url.fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && /"name":\s*"generator-dockerize"/.test(fs.readFileSync(pkg, 'utf8'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('BUG: the package root of generator-dockerize is missing');
    dir = up;
  }
}

/** Every template folder and the name prefix its files get. */
export function templateRoots(root = packageRoot()): Array<{ prefix: string; dir: string }> {
  const src = path.join(root, 'src');
  if (fs.existsSync(path.join(src, 'languages'))) {
    const langs = fs
      .readdirSync(path.join(src, 'languages'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(src, 'languages', e.name, 'templates')))
      .map((e) => ({ prefix: e.name, dir: path.join(src, 'languages', e.name, 'templates') }));
    return [{ prefix: 'core', dir: path.join(src, 'core', 'templates') }, ...langs.sort((a, b) => a.prefix.localeCompare(b.prefix))];
  }
  const dist = path.join(root, 'dist', 'templates');
  if (!fs.existsSync(dist)) throw new Error('BUG: the templates of generator-dockerize are missing (neither src/ nor dist/templates/)');
  return fs
    .readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ prefix: e.name, dir: path.join(dist, e.name) }));
}

/** Every template file: its name in the store and where it is. */
export function templateFiles(root?: string): Array<{ name: string; file: string }> {
  const out: Array<{ name: string; file: string }> = [];
  for (const { prefix, dir } of templateRoots(root)) {
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.push({ name: `${prefix}/${path.relative(dir, p).split(path.sep).join('/')}`, file: p });
      }
    };
    walk(dir);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

let cache: TemplateStore | undefined;

/** Every template, read once per process. */
export function loadTemplates(): TemplateStore {
  if (cache) return cache;
  const store: Record<string, string> = {};
  for (const { name, file } of templateFiles()) store[name] = fs.readFileSync(file, 'utf8');
  cache = store;
  return store;
}
