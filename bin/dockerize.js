#!/usr/bin/env node
// The `dockerize` command (also `npx generator-dockerize`): the bundled CLI.
// Node 22.1+ also caches its compiled code, so later starts are faster still.
import module from 'node:module';

module.enableCompileCache?.();
const { runCli } = await import('../dist/bundle/dockerize.js');
await runCli();
