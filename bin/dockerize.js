#!/usr/bin/env node
// The `dockerize` command (also `npx generator-dockerize`): the bundled CLI.
// Node 22.1+ also caches its compiled code, so later starts are faster still.
// (getBuiltinModule: a built-in without building an ES module namespace for it.)
process.getBuiltinModule('node:module').enableCompileCache?.();
await import('../dist/bundle/dockerize.js').then((cli) => cli.runCli());
