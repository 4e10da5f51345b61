/**
 * The environment variables a Node.js app reads: `process.env.X` (with a
 * default when `||` or `??` follows), `process.env['X']`, and destructuring
 * from process.env. Bounded: the entry file, config modules, the sources
 * under src/, app/, lib/, then the rest of the app folder (a few dozen
 * files, never node_modules, build output or tests).
 */
import type { EnvRead } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';

const MAX_FILES = 80;
const SOURCE = /\.(c|m)?(js|ts)x?$/;
const SKIP = /(^|\/)(node_modules|venv|__pycache__|target|dist|build|out|\.next|\.nuxt|coverage|public|static|assets|vendor|test|tests|__tests__|__mocks__|e2e|fixtures|migrations|seeds|scripts|docs|examples)(\/|$)|\.(test|spec)\.|\.d\.ts$/;

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
  // The usual homes of the code first (so the bound keeps them), then whatever else the app keeps beside its entry (routes/, utils/, server.ts).
  walk('config', 2);
  walk('src', 0);
  walk('app', 1);
  walk('lib', 2);
  walk('', 1);
  return [...out].slice(0, MAX_FILES);
}

export function nodeEnvReads(project: ProjectSnapshot, entry: string | undefined): EnvRead[] {
  const out: EnvRead[] = [];
  const add = (key: string, file: string, hasDefault: boolean, defaultUrl?: string) => {
    // Set by the runtime itself (Next.js, npm, Docker), never by .env.
    if (/^(NEXT_RUNTIME|NEXT_PHASE|HOSTNAME|npm_\w+)$/.test(key)) return;
    const same = out.find((r) => r.key === key);
    if (!same) out.push({ key, evidence: file, ...(hasDefault ? { hasDefault: true } : {}), ...(defaultUrl ? { defaultUrl } : {}) });
    // Read with a default anywhere: it works unset.
    else if (hasDefault) same.hasDefault = true;
  };
  for (const file of sourceFiles(project, entry)) {
    const text = project.read(file) ?? '';
    if (!text.includes('process.env')) continue;
    for (const m of text.matchAll(/process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\])(\s*\)?\s*(?:\|\||\?\?))?/g)) {
      // A URL default names the service the variable is for (amqp:// is RabbitMQ's).
      const url = m[3] ? /^\s*["'`]([a-z][a-z0-9+.-]*:\/\/[^"'`]*)["'`]/.exec(text.slice((m.index ?? 0) + m[0].length))?.[1] : undefined;
      add((m[1] ?? m[2]) as string, file, m[3] !== undefined, url);
    }
    for (const m of text.matchAll(/(?:const|let|var)\s*\{([^}]*)\}\s*=\s*process\.env\b/g)) {
      for (const part of (m[1] as string).split(',')) {
        const d = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*\w+\s*)?(=)?/.exec(part);
        if (d) add(d[1] as string, file, d[2] !== undefined);
      }
    }
  }
  return out;
}
