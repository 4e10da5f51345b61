/**
 * go.mod as data: the module path, the `go` and `toolchain` lines, and the
 * requirements (direct ones apart from `// indirect`), each with its line for
 * evidence. Only what detection needs; `replace` and `exclude` are ignored.
 */
export interface GoRequire {
  path: string;
  version: string;
  indirect: boolean;
  /** The line as written, for evidence. */
  text: string;
}

export interface GoMod {
  module?: string;
  go?: string;
  toolchain?: string;
  requires: GoRequire[];
  /** `replace` lines pointing at a local folder (../shared): the build context must include it. */
  localReplaces: string[];
}

const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');

export function parseGoMod(text: string): GoMod {
  const mod: GoMod = { requires: [], localReplaces: [] };
  let block: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const indirect = /\/\/\s*indirect\b/.test(rawLine);
    const line = rawLine.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (block) {
      if (line === ')') {
        block = undefined;
        continue;
      }
      entry(block, line, indirect);
      continue;
    }
    const m = /^(module|go|toolchain|require|replace|exclude|retract|godebug|tool|ignore)\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, verb = '', rest = ''] = m;
    if (rest === '(') {
      block = verb;
      continue;
    }
    entry(verb, rest, indirect);
  }
  return mod;

  function entry(verb: string, rest: string, indirect: boolean) {
    const words = rest.split(/\s+/).map(unquote);
    if (verb === 'module') mod.module = words[0];
    else if (verb === 'go') mod.go = words[0];
    else if (verb === 'toolchain') mod.toolchain = words[0];
    else if (verb === 'require' && words.length >= 2) mod.requires.push({ path: words[0] as string, version: words[1] as string, indirect, text: `require ${words[0]} ${words[1]}` });
    else if (verb === 'replace') {
      const arrow = words.indexOf('=>');
      const target = arrow >= 0 ? words[arrow + 1] : undefined;
      if (target && /^\.\.?(\/|$)/.test(target)) mod.localReplaces.push(target);
    }
  }
}

/** A module path without its major-version suffix: github.com/jackc/pgx/v5 -> github.com/jackc/pgx. */
export const withoutMajor = (path: string) => path.replace(/\/v\d+$/, '').replace(/\.v\d+$/, '');
