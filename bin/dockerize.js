#!/usr/bin/env node
// The `dockerize` command (also `npx generator-dockerize`). Cached compiled code
// makes every later start faster (Node 22.1+; a no-op where unsupported).
import module from 'node:module';

module.enableCompileCache?.();
const { runCli } = await import('../dist/cli/run.js');
await runCli();
