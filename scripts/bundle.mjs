/**
 * Bundles the two front ends into dist/bundle/ (after tsc): one file each plus
 * lazily loaded chunks (prompts, diffs). Loading a few bundled files instead of
 * a hundred small modules is most of what makes `dockerize` start fast (see
 * npm run bench). yeoman-generator and its commit helpers stay external: they
 * come from the installed dependencies, like any Yeoman generator's.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { build } from 'esbuild';
// tsc has just compiled it: the same list of templates the source tree loads.
import { templateFiles } from '../dist/node/templates.js';

/**
 * Node built-ins as `export default process.getBuiltinModule('node:x')`. An ESM `import ... from
 * 'node:fs'` (and esbuild's CommonJS interop, which copies every property)
 * evaluates lazy getters such as fs.promises or parts of util and crypto, each
 * loading more of Node at start-up. Our code imports built-ins by their
 * default export only; a named import fails this build, on purpose.
 */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => (args.namespace === 'builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `export default process.getBuiltinModule(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/**
 * yaml's ES-module build with side effects off, so esbuild keeps only what the
 * generator calls (it stringifies; the parser and composer are left out).
 */
const yamlTreeShaken = {
  name: 'yaml-tree-shaken',
  setup(b) {
    const root = path.resolve('node_modules/yaml/browser');
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: path.join(root, 'index.js'), sideEffects: false }));
    b.onResolve({ filter: /^\./ }, (args) => (args.importer.startsWith(root) ? { path: path.resolve(path.dirname(args.importer), args.path), sideEffects: false } : undefined));
  },
};

/**
 * Templates compiled at build time: no EJS to load and nothing to compile when
 * the CLI starts. Data files (the captured lockfiles) are read on first use,
 * from dist/templates/ (copied there below, so a published package has them).
 */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onResolve({ filter: /\/node\/templates\.js$/ }, (args) => (args.importer.includes(`${path.sep}src${path.sep}`) ? { path: 'templates', namespace: 'precompiled' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'precompiled' }, () => {
      const entries = [];
      for (const { name, file } of templateFiles(path.resolve('.'))) {
        if (name.endsWith('.ejs')) {
          // The same options as src/core/render.ts; Template.compile() leaves the generated body in .source.
          const template = new ejs.Template(readFileSync(file, 'utf8'), { strict: true, localsName: 'it', compileDebug: false, filename: name });
          template.compile();
          entries.push(`${JSON.stringify(name)}: function (it) {\n"use strict";\n${template.source}}`);
        } else {
          entries.push(`get ${JSON.stringify(name)}() { return readData(${JSON.stringify(name)}); }`);
        }
      }
      return {
        resolveDir: path.resolve('src/node'),
        loader: 'js',
        contents: `import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';
function templatesDir() {
  let dir = path.dirname(url.fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'templates', 'core', 'README.Docker.md.ejs'))) return path.join(dir, 'templates');
    const up = path.dirname(dir);
    if (up === dir) throw new Error('BUG: the templates of generator-dockerize are missing (dist/templates/)');
    dir = up;
  }
}
const cache = new Map();
function readData(name) {
  if (!cache.has(name)) cache.set(name, fs.readFileSync(path.join(templatesDir(), name), 'utf8'));
  return cache.get(name);
}
const store = { ${entries.join(',\n')} };
export function loadTemplates() { return store; }
`,
      };
    });
    // Every template is precompiled: the bundle never needs EJS itself.
    b.onResolve({ filter: /^ejs$/ }, () => ({ path: 'ejs', namespace: 'no-ejs' }));
    b.onLoad({ filter: /.*/, namespace: 'no-ejs' }, () => ({ contents: "export default { compile() { throw new Error('BUG: the bundle renders precompiled templates only'); } };", loader: 'js' }));
  },
};

// The templates, under the names the store gives them, for the published package (dist/templates/<lang>/...).
rmSync('dist/templates', { recursive: true, force: true });
for (const { name, file } of templateFiles(path.resolve('.'))) {
  mkdirSync(path.dirname(path.join('dist/templates', name)), { recursive: true });
  copyFileSync(file, path.join('dist/templates', name));
}

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { dockerize: 'src/cli/run.ts', generator: 'src/generator/index.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  external: ['yeoman-generator', '@yeoman/conflicter', 'mem-fs-editor', 'mem-fs-editor/*'],
  // CommonJS dependencies (prompts) call require() for Node built-ins.
  banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  // Less code to parse at every start.
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [builtinsByRequire, yamlTreeShaken, precompiledTemplates],
});
console.log('bundled dist/bundle/dockerize.js and dist/bundle/generator.js');
