import type { Answers, ProjectFacts, ResolvedAnswers } from './answers.js';
import { fields } from './fields.js';
import { SERVICE_IDS, providerOf } from './registry.js';

/** Answers with every default from the field table applied (answers valid and complete: language and framework known). */
export function resolveAnswers(answers: Answers, facts: ProjectFacts): ResolvedAnswers {
  // In field order, each default sees the answers resolved before it (the framework's port needs the detected framework).
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.key === '$schema') continue;
    const given = answers[f.key];
    out[f.key] = given !== undefined ? given : f.default?.({ ...answers, ...(out as Partial<Answers>) }, facts);
  }
  const r = out as unknown as ResolvedAnswers;
  if (providerOf(r).packageManagers.length === 0) r.packageManager = null;
  r.command = answers.command ?? null;
  // A route the answers name, detection found, or a starter will serve, must answer; otherwise any answer below 500 will do.
  const d = facts.detected;
  const foundRoute = d?.healthPath !== undefined && d.framework === r.framework && r.healthPath === d.healthPath;
  r.healthCheck = answers.healthPath !== undefined || foundRoute || !d?.language ? 'route' : 'any-response';
  r.appEnv = d?.env ?? [];
  r.dataPaths = [];
  // Registry order, so the same set of services always gives the same files.
  r.services = SERVICE_IDS.filter((s) => r.services.includes(s));
  return r;
}
