import type { Answers, ProjectFacts, ResolvedAnswers } from './answers.js';
import { fields } from './fields.js';
import { SERVICE_IDS, providerOf } from './registry.js';
import { formatEnvValue } from './dotenv.js';
import { COMPOSE_ENV_PATTERN, SYSTEM_ENV_KEYS } from './validate.js';

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
  // Never the variables the image, Docker or Compose own (PATH, HOME, COMPOSE_*): a value in .env would break the container.
  r.appEnv = (d?.env ?? [])
    .filter((e) => !Object.hasOwn(SYSTEM_ENV_KEYS, e.key) && !new RegExp(COMPOSE_ENV_PATTERN).test(e.key))
    // An example value .env can't hold as every reader reads it (a backslash, a line break) is left out: the key is written unset.
    .map((e) => ({
      ...e,
      ...(e.example !== undefined && formatEnvValue(e.example) === undefined ? { example: undefined } : {}),
      ...(e.value !== undefined && formatEnvValue(e.value) === undefined ? { value: undefined } : {}),
    }));
  r.dataPaths = [];
  // Registry order, so the same set of services always gives the same files.
  r.services = SERVICE_IDS.filter((s) => r.services.includes(s));
  return r;
}
