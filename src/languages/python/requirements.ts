import type { ResolvedAnswers } from '../../core/answers.js';
import { services } from '../../services/index.js';
import { versions } from '../../versions.js';
import type { PythonFramework } from './framework.js';

/** PEP 503 normalised project name. */
export function normaliseRequirement(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

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

const pin = (key: string) => {
  const v = (versions.python as Readonly<Record<string, string>>)[key];
  if (!v) throw new Error(`BUG: no version for python package ${key}`);
  return `${key}==${v}`;
};

/**
 * What the image needs, each with the names that already satisfy it: the
 * framework and its server by their own names; a service's driver by any of
 * that service's Python clients (an app on asyncpg needs no psycopg).
 */
export function wantedRequirements(r: ResolvedAnswers, fw: PythonFramework): Array<{ line: string; satisfiedBy: string[] }> {
  const own = fw.requirements.map((k) => ({ line: pin(k), satisfiedBy: [normaliseRequirement(k)] }));
  const drivers = services
    .filter((s) => r.services.includes(s.id))
    .flatMap((s) => {
      const clients = s.clients.python;
      if (!clients) return [];
      const names = clients.packages.map((p) => normaliseRequirement(p.replace(/\[.*$/, '')));
      return clients.starter.map((k) => ({ line: pin(k), satisfiedBy: [normaliseRequirement(k.replace(/\[.*$/, '')), ...names] }));
    });
  return [...own, ...drivers];
}

/** requirements.txt: a new pinned file, or the user's file with only the missing packages appended. */
export function renderRequirements(r: ResolvedAnswers, fw: PythonFramework, existing: string | undefined): string {
  const wanted = wantedRequirements(r, fw);
  if (existing === undefined) {
    return `# Python dependencies, pinned (written by generator-dockerize: add yours below).\n${wanted.map((w) => w.line).join('\n')}\n`;
  }
  const listed = listedRequirements(existing);
  const missing = wanted.filter((w) => !w.satisfiedBy.some((n) => listed.has(n))).map((w) => w.line);
  if (missing.length === 0) return existing;
  const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return `${existing}${sep}# Added by generator-dockerize\n${missing.join('\n')}\n`;
}
