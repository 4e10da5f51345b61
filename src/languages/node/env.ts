/**
 * The environment variables a Node.js app reads: `process.env.X` (with a
 * default when `||` or `??` follows), `process.env['X']`, and destructuring
 * from process.env. Bounded: the entry file, config modules and the sources
 * under src/ (a few dozen files, never node_modules or tests).
 */
import type { EnvRead } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';

const MAX_FILES = 60;
const SOURCE = /\.(c|m)?(js|ts)x?$/;
const SKIP = /(^|\/)(node_modules|dist|build|\.next|coverage|test|tests|__tests__|e2e|fixtures)(\/|$)|\.(test|spec)\.|\.d\.ts$/;

/** The entry file, config files at the top and in config/, then src/ down to three levels. */
export function sourceFiles(project: ProjectSnapshot, entry: string | undefined): string[] {
  const out = new Set<string>();
  if (entry && project.read(entry) !== undefined) out.add(entry);
  const walk = (dir: string, depth: number) => {
    for (const e of project.list(dir) ?? []) {
      if (out.size >= MAX_FILES) return;
      const path = dir ? `${dir}/${e.replace(/\/$/, '')}` : e.replace(/\/$/, '');
      if (SKIP.test(path) || e.startsWith('.')) continue;
      if (e.endsWith('/')) {
        if (depth < 3) walk(path, depth + 1);
      } else if (SOURCE.test(e)) out.add(path);
    }
  };
  for (const f of project.list('') ?? []) if (/^(config|env|settings)\.(c|m)?(js|ts)$/.test(f)) out.add(f);
  walk('config', 2);
  walk('src', 0);
  walk('app', 1);
  walk('lib', 2);
  return [...out].slice(0, MAX_FILES);
}

export function nodeEnvReads(project: ProjectSnapshot, entry: string | undefined): EnvRead[] {
  const out: EnvRead[] = [];
  const add = (key: string, file: string, hasDefault: boolean) => {
    const same = out.find((r) => r.key === key);
    if (!same) out.push({ key, evidence: file, ...(hasDefault ? { hasDefault: true } : {}) });
    // Read with a default anywhere: it works unset.
    else if (hasDefault) same.hasDefault = true;
  };
  for (const file of sourceFiles(project, entry)) {
    const text = project.read(file) ?? '';
    if (!text.includes('process.env')) continue;
    for (const m of text.matchAll(/process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\])(\s*\)?\s*(?:\|\||\?\?))?/g)) add((m[1] ?? m[2]) as string, file, m[3] !== undefined);
    for (const m of text.matchAll(/(?:const|let|var)\s*\{([^}]*)\}\s*=\s*process\.env\b/g)) {
      for (const part of (m[1] as string).split(',')) {
        const d = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*\w+\s*)?(=)?/.exec(part);
        if (d) add(d[1] as string, file, d[2] !== undefined);
      }
    }
  }
  return out;
}
