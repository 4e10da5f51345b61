import * as fs from 'node:fs';
import { main } from './main.js';

/** The real process: node:fs, the current folder, stdio. */
export async function runCli(): Promise<void> {
  const code = await main(process.argv.slice(2), {
    fs,
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  });
  process.exitCode = code;
}
