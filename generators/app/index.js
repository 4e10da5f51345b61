// `yo dockerize` finds generators at generators/<name>/index.js: this one is
// written in TypeScript (src/generator/index.ts) and bundled into dist/bundle/.
export { default } from '../../dist/bundle/generator.js';
