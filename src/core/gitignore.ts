import type { ResolvedAnswers } from './answers.js';
import { providerOf } from './registry.js';

/** Patterns that already keep .env out of git. */
const ENV_IGNORED = new Set(['.env', '/.env', '.env*', '/.env*', '*.env']);

function present(lines: Set<string>, pattern: string): boolean {
  if (pattern === '.env') return [...ENV_IGNORED].some((p) => lines.has(p));
  const bare = pattern.replace(/^\/|\/$/g, '');
  return [bare, `/${bare}`, `${bare}/`, `/${bare}/`].some((p) => lines.has(p));
}

/** What .gitignore must hold: .env and every other file holding secrets; for a starter app also its dependency and build folders. */
export function wantedIgnores(r: ResolvedAnswers, starter: boolean, secretPaths: readonly string[]): string[] {
  const out = ['.env'];
  if (secretPaths.some((p) => p.startsWith('secrets/'))) out.push('secrets/');
  if (secretPaths.includes('k8s/secrets.env')) out.push('k8s/secrets.env');
  if (starter) out.push(...providerOf(r).starterGitignore(r));
  return out;
}

/** .gitignore with the missing patterns appended; every existing line kept. */
export function renderGitignore(wanted: readonly string[], existing: string | undefined): string {
  const lines = new Set((existing ?? '').split(/\r?\n/).map((l) => l.trim()));
  const missing = wanted.filter((p) => !present(lines, p));
  if (existing !== undefined && missing.length === 0) return existing;
  const base = existing ?? '';
  const sep = base === '' || base.endsWith('\n') ? '' : '\n';
  const lead = base === '' ? '' : '\n';
  return `${base}${sep}${lead}# Added by generator-dockerize (.env holds secrets)\n${missing.join('\n')}\n`;
}
