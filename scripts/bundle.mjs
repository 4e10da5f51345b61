/**
 * Bundles the two front ends into dist/bundle/ (after tsc): one file each plus
 * lazily loaded chunks (prompts, diffs). Loading a few bundled files instead of
 * a hundred small modules is most of what makes `dockerize` start fast (see
 * npm run bench). yeoman-generator and its commit helpers stay external: they
 * come from the installed dependencies, like any Yeoman generator's.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

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
  // CommonJS dependencies (ejs, prompts) call require() for Node built-ins.
  banner: { js: "import { createRequire as __dockerizeRequire } from 'node:module'; const require = __dockerizeRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log('bundled dist/bundle/dockerize.js and dist/bundle/generator.js');
