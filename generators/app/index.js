// `yo dockerize` finds generators at generators/<name>/index.js: this one is
// written in TypeScript (src/generator/index.ts) and compiled to dist/.
export { default } from '../../dist/generator/index.js';
