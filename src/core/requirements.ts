import { frameworks, services, versions } from '../catalogue/index.js';
import type { ResolvedAnswers } from './answers.js';

/** PEP 503 normalised project name. */
export function normaliseRequirement(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Projects that already satisfy a requirement we would add (any PostgreSQL driver will do for user code). */
const ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  psycopg: ['psycopg', 'psycopg2', 'psycopg2-binary', 'asyncpg', 'pg8000'],
};

/** The project names a requirements.txt already lists (options, includes and comments skipped). */
export function listedRequirements(text: string): Set<string> {
  const names = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-')) continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line);
    if (m?.[1]) names.add(normaliseRequirement(m[1]));
  }
  return names;
}

/** `name==version` lines the app needs: framework, server, then a driver per service. */
export function wantedRequirements(r: ResolvedAnswers): string[] {
  const keys = [...(frameworks[r.framework].requirements ?? []), ...r.services.flatMap((s) => services[s].python)];
  const table = versions.python as Readonly<Record<string, string>>;
  return keys.map((k) => {
    const v = table[k];
    if (!v) throw new Error(`BUG: no version for python package ${k}`);
    return `${k}==${v}`;
  });
}

/** requirements.txt: a new pinned file, or the user's file with only the missing packages appended. */
export function renderRequirements(r: ResolvedAnswers, existing: string | undefined): string {
  const wanted = wantedRequirements(r);
  if (existing === undefined) {
    return `# Python dependencies, pinned (written by generator-dockerize: add yours below).\n${wanted.join('\n')}\n`;
  }
  const listed = listedRequirements(existing);
  const missing = wanted.filter((line) => {
    const name = normaliseRequirement(line.replace(/[[=].*$/, ''));
    return !(ALTERNATIVES[name] ?? [name]).some((n) => listed.has(n));
  });
  if (missing.length === 0) return existing;
  const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return `${existing}${sep}# Added by generator-dockerize\n${missing.join('\n')}\n`;
}
