/**
 * A package.json start script, read as what the image must run: the variables
 * it sets, the program, node's own flags, the file and its arguments. The
 * image then runs `node` itself in exec form (PID 1, gets SIGTERM), never
 * `npm start`.
 */

export interface StartScript {
  /** NAME=value assignments before the command (cross-env's too). */
  env: Array<[string, string]>;
  /** node, nodemon, ts-node, ts-node-dev, tsx, bun, or a framework CLI (fastify, next, nest). */
  runner: string;
  /** For a CLI: its subcommand (fastify start, next start). */
  subcommand?: string;
  /** node flags worth keeping in the image (--enable-source-maps, -r x, --import x, --max-old-space-size=N). */
  nodeFlags: string[];
  /** The CLI's own options before the file (fastify start -l info). */
  options: string[];
  file?: string;
  /** Arguments after the file. */
  args: string[];
}

/** node flags that take the next word as their value. */
const WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--env-file-if-exists', '-P', '--project', '--title', '--watch-path', '--conditions', '-C']);
/** Flags that make sense only on a developer's machine (the image has no .env file and no file watcher). */
const DROPPED = /^--(env-file(-if-exists)?|watch|watch-path|watch-preserve-output|inspect(-brk|-port)?|trace-warnings)(=|$)/;

/** The last command of a script ("npm run build && node dist/main.js" -> node dist/main.js), parsed. */
export function parseStart(script: string): StartScript | undefined {
  const last = script.split(/\s*(?:&&|;|\|\|)\s*/).filter(Boolean).pop()?.trim();
  if (!last) return undefined;
  const tokens = last.split(/\s+/);
  const env: Array<[string, string]> = [];
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t === 'cross-env' || t === 'env' || t === 'exec') continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(t);
    if (!m) break;
    env.push([m[1] as string, (m[2] as string).replace(/^["']|["']$/g, '')]);
  }
  const runner = (tokens[i] ?? '').replace(/^\.\/node_modules\/\.bin\//, '');
  if (!runner) return undefined;
  const out: StartScript = { env, runner, nodeFlags: [], options: [], args: [] };
  let j = i + 1;
  if (['fastify', 'next', 'nest'].includes(runner)) {
    out.subcommand = tokens[j];
    j++;
  }
  for (; j < tokens.length; j++) {
    const t = tokens[j] as string;
    if (t === 'watch' && runner === 'tsx') continue;
    if (t.startsWith('-')) {
      const takesValue = WITH_VALUE.has(t) || (out.subcommand !== undefined && !t.includes('=') && /^-[a-zA-Z]$|^--(log-level|address|port|options|plugin-timeout|prefix)$/.test(t));
      const value = takesValue ? tokens[j + 1] : undefined;
      if (takesValue) j++;
      if (runner === 'node' && !DROPPED.test(t)) out.nodeFlags.push(...(value === undefined ? [t] : [t, value]));
      else if (out.subcommand !== undefined) out.options.push(...(value === undefined ? [t] : [t, value]));
      continue;
    }
    out.file = t.replace(/^\.\//, '');
    out.args = tokens.slice(j + 1);
    break;
  }
  return out;
}
