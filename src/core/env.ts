import type { ResolvedAnswers } from './answers.js';
import type { EnvVarSpec } from './provider.js';
import { frameworkOf, servicesOf } from './registry.js';
import { entryContext, hostPortVar, humanList } from './toolkit.js';
import { mergeEnv, parseEnv, type EnvSection } from './dotenv.js';
import { BYTE_ALPHABET, SECRET_ALPHABET, type RandomSource } from './secrets.js';

/** The variables of .env, grouped, in the order they are written. */
export function envSpecs(r: ResolvedAnswers): Array<{ title: string; specs: readonly EnvVarSpec[] }> {
  const groups: Array<{ title: string; specs: readonly EnvVarSpec[] }> = [
    {
      title: 'Compose',
      specs: [
        { key: 'COMPOSE_PROJECT_NAME', comment: 'Prefix of the containers, network and volumes of this project', value: () => r.name },
        { key: hostPortVar(r), comment: `The app is published on http://localhost:${hostPortVar(r)}`, value: () => String(r.port) },
      ],
    },
  ];
  const fw = frameworkOf(r);
  // A value the project needs for one of the framework's own keys (Django's hosts, joined the way its settings split them) wins.
  const needed = (spec: EnvVarSpec): EnvVarSpec => {
    const read = r.appEnv.find((e) => e.key === spec.key && e.value !== undefined);
    return read ? { ...spec, value: () => read.value as string } : spec;
  };
  if (fw.env?.length) groups.push({ title: fw.title, specs: fw.env.map(needed) });
  for (const s of servicesOf(r)) {
    // A service URL the app's example also sets keeps the example's scheme (mariadb://, postgresql+asyncpg://): the driver is in it.
    const specs = s.env.map((e) => {
      const example = r.appEnv.find((a) => a.key === e.key)?.example;
      const wired = example !== undefined && e.example !== undefined && e.value ? s.wire?.(e.key, example) : undefined;
      return wired?.value ? { ...e, value: wired.value } : e;
    });
    groups.push({ title: s.title, specs });
  }
  const extra = Object.entries(r.env);
  if (extra.length > 0) groups.push({ title: 'App settings', specs: extra.map(([key, value]) => ({ key, value: () => value })) });
  const reads = appEnvSpecs(r, new Set(groups.flatMap((g) => g.specs.map((s) => s.key))));
  if (reads.length > 0) groups.push({ title: "The app's own variables (from its .env.example and code)", specs: reads.map((w) => w.spec) });
  return groups;
}

/** The keys .env has before the app's own: Compose's, the framework's, the services', the answers' env. */
function ourKeys(r: ResolvedAnswers): Set<string> {
  const groups = envSpecs({ ...r, appEnv: [] });
  return new Set(groups.flatMap((g) => g.specs.map((s) => s.key)));
}

/** Keys for a secret the app makes up itself (a signing key): random, never an example's value. */
const OWN_SECRET = /(^|_)(SECRET|SECRET_KEY|SECRET_KEY_BASE|SIGNING_KEY|SIGNING_SECRET|ENCRYPTION_KEY|APP_KEY|SALT|PEPPER)$/;
/** Prefixes of other companies' credentials: those can't be made up; .env gets the example's placeholder. */
const THIRD_PARTY =
  /^(STRIPE|AWS|GITHUB|GITLAB|GOOGLE|GCP|GCLOUD|AZURE|SENDGRID|TWILIO|OPENAI|ANTHROPIC|SLACK|MAILGUN|MAILCHIMP|POSTMARK|RESEND|SENTRY|FIREBASE|AUTH0|CLERK|SUPABASE|PAYPAL|SHOPIFY|DISCORD|FACEBOOK|TWITTER|CLOUDINARY|ALGOLIA|PUSHER|PLAID|OKTA|S3|R2|MINIO|SMTP|EMAIL|MAIL|OAUTH|HUGGINGFACE|HF|GROQ|MISTRAL|COHERE|REPLICATE|PINECONE|NOTION|HUBSPOT|SEGMENT|MIXPANEL|DATADOG|DD|NEW_RELIC|NEWRELIC|LOGTAIL|VERCEL|NETLIFY|HEROKU|CLOUDFLARE|GEMINI)_/;
const CREDENTIAL = /(^|_)(KEY|SECRET|TOKEN|PASSWORD|PASS|DSN)$/;

/** How each variable the app reads is set: wired to a service, a random secret, the container's own value, or the example's. */
function appEnvSpecs(r: ResolvedAnswers, taken: ReadonlySet<string>): Array<{ spec: EnvVarSpec; why: 'service' | 'secret' | 'container' | 'credential' | 'example' | 'unset'; service?: string }> {
  const used = servicesOf(r);
  const out: Array<{ spec: EnvVarSpec; why: 'service' | 'secret' | 'container' | 'credential' | 'example' | 'unset'; service?: string }> = [];
  for (const read of r.appEnv) {
    const key = read.key;
    if (taken.has(key)) continue;
    // The image sets these itself, for the container: .env must not undo it (NODE_ENV=development, a PORT of the example's: the Dockerfile's ENV PORT is the app's port).
    if (['NODE_ENV', 'PORT', 'COMPOSE_PROJECT_NAME', hostPortVar(r), 'PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE'].includes(key)) continue;
    // The app's own APP_PORT is its listening port in the container.
    if (key === 'APP_PORT') {
      out.push({ spec: { key, comment: `From ${read.evidence}: the port the app listens on in its container`, value: () => String(r.port) }, why: 'container' });
      continue;
    }
    const comment = `From ${read.evidence}`;
    let wired: EnvVarSpec | undefined;
    let service: string | undefined;
    // The service the example's URL scheme names is asked first (CELERY_BROKER_URL=pyamqp://... is RabbitMQ's, though Redis also wires *_BROKER_URL).
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(read.example ?? read.defaultUrl ?? '')?.[1]?.toLowerCase();
    const ordered = scheme ? [...used.filter((s) => s.urlSchemes.includes(scheme)), ...used.filter((s) => !s.urlSchemes.includes(scheme))] : used;
    for (const s of ordered) {
      wired = s.wire?.(key, read.example ?? read.defaultUrl);
      if (wired) {
        service = s.id;
        break;
      }
    }
    if (wired) out.push({ spec: { ...wired, comment: wired.comment ?? comment }, why: 'service', ...(service ? { service } : {}) });
    else if (/^(HOST|BIND|BIND_HOST|APP_HOST|SERVER_HOST|LISTEN_HOST)$/.test(key)) out.push({ spec: { key, comment: `${comment}: every interface, so other containers and the published port reach the app`, value: () => '0.0.0.0' }, why: 'container' });
    else if (key === 'DEBUG') out.push({ spec: { key, comment: `${comment}: off in the container`, value: () => '0' }, why: 'container' });
    else if (read.value !== undefined) out.push({ spec: { key, comment, value: () => read.value as string }, why: 'example' });
    else if (OWN_SECRET.test(key) && !THIRD_PARTY.test(key)) out.push({ spec: { key, comment: `${comment}: a random secret`, secretLength: 50 }, why: 'secret' });
    else if (CREDENTIAL.test(key) && (THIRD_PARTY.test(key) || read.example === undefined))
      out.push({ spec: { key, comment: `${comment}: a credential only you have; set it`, secret: true, example: read.example ?? '', value: () => read.example ?? '' }, why: 'credential' });
    else if (read.example !== undefined) out.push({ spec: { key, comment, value: () => read.example as string }, why: 'example' });
    else if (!read.hasDefault) out.push({ spec: { key, comment: `${comment}, with no default: set it`, value: () => '' }, why: 'unset' });
  }
  return out;
}

/**
 * Placeholders for a build that runs the app's code (next build, env
 * validation at import): every URL the app reads for a service, with the
 * .env.example's values (USER:PASSWORD), never a secret from .env.
 */
export function buildPlaceholders(r: ResolvedAnswers): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const s of servicesOf(r)) for (const e of s.env) if (e.secret && e.example) out.push([e.key, e.example]);
  if (r.appEnv.length) for (const w of appEnvSpecs(r, ourKeys(r))) if (w.why === 'service' && w.spec.secret && w.spec.example) out.push([w.spec.key, w.spec.example]);
  return out;
}

/** What the user should know about the variables the app reads. */
export function appEnvNotes(r: ResolvedAnswers): string[] {
  const specs = r.appEnv.length ? appEnvSpecs(r, ourKeys(r)) : [];
  const notes: string[] = [];
  const wired = specs.filter((s) => s.why === 'service');
  if (wired.length) notes.push(`The app reads ${humanList(wired.map((s) => s.spec.key))}: .env points ${wired.length > 1 ? 'them' : 'it'} at the generated services.`);
  const credentials = specs.filter((s) => s.why === 'credential' || s.why === 'unset').map((s) => s.spec.key);
  if (credentials.length) notes.push(`Set ${humanList(credentials)} in .env: the app reads ${credentials.length > 1 ? 'them' : 'it'}, and only you have ${credentials.length > 1 ? 'their values' : 'its value'}.`);
  // An app that finds a service by host name alone can't log in to one that requires a password.
  for (const s of servicesOf(r)) {
    const mine = wired.filter((w) => w.service === s.id);
    // The service's own keys count too (an app reading MARIADB_PASSWORD has the password).
    const readsOwnSecret = r.appEnv.some((a) => a.inCode && s.env.some((e) => e.key === a.key && (e.secret || e.secretLength)));
    if (mine.length && mine.every((w) => !w.spec.secret) && !readsOwnSecret && s.env.some((e) => e.secretLength)) {
      notes.push(`The app reads ${humanList(mine.map((w) => w.spec.key))} but no password or URL for ${s.title}, which requires one here: give its client the password from .env (${s.env.find((e) => e.secretLength)?.key}), or read ${s.urlVar}.`);
    }
  }
  return notes;
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
        if (spec.secretLength) value = spec.secretBase64Prefix === undefined ? random(spec.secretLength, SECRET_ALPHABET) : `${spec.secretBase64Prefix}${btoa(random(spec.secretLength, BYTE_ALPHABET))}`;
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
