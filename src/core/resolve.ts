import { SERVICES, frameworks } from '../catalogue/index.js';
import type { Answers, ProjectFacts, ResolvedAnswers } from './answers.js';
import { fields } from './fields.js';

/** Answers with every default from the field table applied (answers must be valid). */
export function resolveAnswers(answers: Answers, facts: ProjectFacts): ResolvedAnswers {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.key === '$schema') continue;
    const given = answers[f.key];
    out[f.key] = given !== undefined ? given : f.default?.(answers, facts);
  }
  const r = out as unknown as ResolvedAnswers;
  if (r.language === 'python') r.packageManager = null;
  r.command = answers.command ?? null;
  r.entrypoint = answers.entrypoint ?? frameworks[r.framework].entrypoint.default;
  // Catalogue order, so the same set of services always gives the same files.
  r.services = SERVICES.filter((s) => r.services.includes(s));
  return r;
}
