import type { ResolvedAnswers } from './answers.js';
import type { EnvVarSpec } from './provider.js';
import { frameworkOf, servicesOf } from './registry.js';
import { entryContext } from './toolkit.js';
import { mergeEnv, parseEnv, type EnvSection } from './dotenv.js';
import { SECRET_ALPHABET, type RandomSource } from './secrets.js';

/** The variables of .env, grouped, in the order they are written. */
export function envSpecs(r: ResolvedAnswers): Array<{ title: string; specs: readonly EnvVarSpec[] }> {
  const groups: Array<{ title: string; specs: readonly EnvVarSpec[] }> = [
    {
      title: 'Compose',
      specs: [
        { key: 'COMPOSE_PROJECT_NAME', comment: 'Prefix of the containers, network and volumes of this project', value: () => r.name },
        { key: 'APP_PORT', comment: `The app is published on http://localhost:APP_PORT`, value: () => String(r.port) },
      ],
    },
  ];
  const fw = frameworkOf(r);
  if (fw.env?.length) groups.push({ title: fw.title, specs: fw.env });
  for (const s of servicesOf(r)) groups.push({ title: s.title, specs: s.env });
  const extra = Object.entries(r.env);
  if (extra.length > 0) groups.push({ title: 'App settings', specs: extra.map(([key, value]) => ({ key, value: () => value })) });
  return groups;
}

/** Every variable's value: existing .env values win (secrets are never replaced); missing ones are made. */
export function envValues(r: ResolvedAnswers, existing: string | undefined, random: RandomSource): Map<string, string> {
  const current = existing === undefined ? new Map<string, string>() : parseEnv(existing);
  const values = new Map<string, string>();
  const ctx = entryContext(r);
  for (const group of envSpecs(r)) {
    for (const spec of group.specs) {
      let value = current.get(spec.key);
      if (value === undefined) {
        if (spec.secretLength) value = random(spec.secretLength, SECRET_ALPHABET);
        else value = spec.value?.(ctx, Object.fromEntries([...current, ...values])) ?? '';
      }
      values.set(spec.key, value);
    }
  }
  return values;
}

/** Placeholders people leave in a .env: a secret that is one of these (or short) is kept, with a note. */
const PLACEHOLDERS = new Set(['changethis', 'changeme', 'change-me', 'change_me', 'password', 'secret', 'postgres', 'admin', 'example', 'test', 'dev']);

/** The secrets the user's .env already had that are weak (short or a placeholder): kept, but worth saying. */
export function weakSecrets(r: ResolvedAnswers, existing: string | undefined): string[] {
  if (existing === undefined) return [];
  const current = parseEnv(existing);
  return envSpecs(r)
    .flatMap((g) => g.specs)
    .filter((s) => {
      const v = s.secretLength ? current.get(s.key) : undefined;
      return v !== undefined && (v.length < 16 || PLACEHOLDERS.has(v.toLowerCase()));
    })
    .map((s) => s.key);
}

const ENV_HEADER = [
  'Settings and secrets for docker compose, written by generator-dockerize.',
  'Never commit this file: .gitignore and .dockerignore exclude it. .env.example lists the same keys.',
  'A database keeps the password it was created with: after changing one here, `docker compose down -v` (deletes the data).',
];

const EXAMPLE_HEADER = [
  'The variables docker compose needs, without their secrets: safe to commit.',
  'Copy to .env and replace each change-me (or run generator-dockerize, which writes .env with random secrets).',
];

/** Whether a variable holds a secret (Docker/Kubernetes secrets, never a stack file or ConfigMap). */
export const isSecret = (spec: EnvVarSpec) => Boolean(spec.secret || spec.secretLength);

/** The variables outside the Compose group (what Swarm and Kubernetes carry), with their values. */
export function deployedVariables(r: ResolvedAnswers, values: ReadonlyMap<string, string>): Array<{ spec: EnvVarSpec; value: string }> {
  return envSpecs(r)
    .filter((g) => g.title !== 'Compose')
    .flatMap((g) => g.specs.map((spec) => ({ spec, value: values.get(spec.key) ?? '' })));
}

export function renderEnv(r: ResolvedAnswers, existing: string | undefined, values: ReadonlyMap<string, string>): string {
  const sections: EnvSection[] = envSpecs(r).map((g) => ({
    title: g.title,
    entries: g.specs.map((s) => ({ key: s.key, value: values.get(s.key) ?? '', ...(s.comment ? { comment: s.comment } : {}) })),
  }));
  return mergeEnv(existing, ENV_HEADER, sections);
}

export function renderEnvExample(r: ResolvedAnswers, existing: string | undefined): string {
  const ctx = entryContext(r);
  const known: Record<string, string> = {};
  const sections: EnvSection[] = envSpecs(r).map((g) => ({
    title: g.title,
    entries: g.specs.map((s) => {
      const value = s.secretLength ? 'change-me' : (s.example ?? s.value?.(ctx, known) ?? '');
      known[s.key] = value;
      return { key: s.key, value, ...(s.comment ? { comment: s.comment } : {}) };
    }),
  }));
  return mergeEnv(existing, EXAMPLE_HEADER, sections);
}
