/**
 * Every rule an answer must follow, in one place. The prompts (Yeoman and the
 * CLI), the answers-file validation and schema/answers.schema.json all use
 * these: a prompt's `validate` is `(v) => validateX(v, soFar) ?? true`.
 *
 * Each validateX returns undefined when the value is fine, or a message that
 * says what is allowed.
 */
import { CI_TARGETS, DEPLOY_TARGETS, type Answers } from './answers.js';
import { formatEnvValue, isEnvKey } from './dotenv.js';
import { FRAMEWORK_IDS, LANGUAGE_IDS, SERVICE_IDS, findFramework, findProvider, frameworksOf, providers, services } from './registry.js';

export type Validator = (value: unknown, answers: Partial<Answers>) => string | undefined;

/** A value as the user wrote it, for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const s = JSON.stringify(value) ?? String(value);
  const text = s.length > 60 ? `${s.slice(0, 57)}...` : s;
  return typeof value === 'string' ? text : `${text} (a ${typeof value})`;
}

const list = (items: readonly string[]) => items.join(', ');

/** Whether a value is one of a catalogue list (a type guard, so no casts at the call sites). */
const isOneOf = <T extends string>(items: readonly T[], value: unknown): value is T => (items as readonly unknown[]).includes(value);
/** The first item of a list that is not one of `items`, or is listed twice. */
const itemsError = (items: readonly string[], value: readonly unknown[]): string | undefined => {
  for (const [i, v] of value.entries()) {
    if (!isOneOf(items, v)) return `item ${i} must be one of: ${list(items)}, not ${show(v)}`;
    if (value.indexOf(v) !== i) return `item ${i} lists ${JSON.stringify(v)} twice`;
  }
  return undefined;
};
/** The answers' language provider, when the language is a valid one (other fields' rules depend on it). */
const providerOf = (answers: Partial<Answers>) => findProvider(answers.language) ?? findFramework(answers.framework)?.provider;

// -- name ---------------------------------------------------------------------

/** Compose project names, image names, Postgres identifiers and (with - for _) Kubernetes names all accept this. */
export const NAME_PATTERN = '^[a-z][a-z0-9]*(?:(?:_|__|-+)[a-z0-9]+)*$';
export const NAME_MAX = 50;

/** The closest valid name to a free-form one ("My App!" -> "my-app"), or "" when nothing is left. */
export function normaliseName(raw: string): string {
  const s = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/[-_]*([_-])[-_]*/g, '$1')
    .replace(/^[^a-z]+/, '')
    .replace(/[-_]+$/, '');
  return s.slice(0, NAME_MAX).replace(/[-_]+$/, '');
}

export const validateName: Validator = (value) => {
  const allowed = `use lowercase letters, digits, "-" and "_", start with a letter, end with a letter or digit, at most ${NAME_MAX} characters`;
  if (typeof value !== 'string') return `must be a string (${allowed}), not ${show(value)}`;
  if (value.length > NAME_MAX || !new RegExp(NAME_PATTERN).test(value)) {
    const suggestion = normaliseName(value);
    const hint = suggestion ? ` (for example ${JSON.stringify(suggestion)})` : '';
    return `${show(value)} can't be a Compose project or image name: ${allowed}${hint}`;
  }
  return undefined;
};

// -- app folder ---------------------------------------------------------------

export const APP_PATTERN = '^(?:\\.|(?!.*(?:^|/)\\.\\.?(?:/|$))[A-Za-z0-9_@+-][A-Za-z0-9._@+-]*(?:/[A-Za-z0-9._@+-]+)*)$';

export const validateApp: Validator = (value) =>
  typeof value === 'string' && value.length <= 200 && new RegExp(APP_PATTERN).test(value)
    ? undefined
    : `must be a folder inside the repository, relative with "/" separators (for example "backend" or "apps/api"), or ".", not ${show(value)}`;

// -- language, framework, services --------------------------------------------

export const validateLanguage: Validator = (value) =>
  isOneOf(LANGUAGE_IDS, value)
    ? undefined
    : `must be one of: ${list(LANGUAGE_IDS)}, not ${show(value)}`;

export const validateFramework: Validator = (value, answers) => {
  const language = providerOf(answers);
  const found = findFramework(value);
  if (!found) {
    const allowed = language ? `${list(frameworksOf(language.id))} (the ${language.id} frameworks)` : list(FRAMEWORK_IDS);
    return `must be one of: ${allowed}, not ${show(value)}`;
  }
  if (language && found.provider !== language) {
    return `${show(value)} is a ${found.provider.id} framework, but language is ${JSON.stringify(language.id)}: pick one of ${list(frameworksOf(language.id))}, or set language to ${JSON.stringify(found.provider.id)}`;
  }
  return undefined;
};

export const validateServices: Validator = (value) => {
  if (!Array.isArray(value)) return `must be a list of services from: ${list(SERVICE_IDS)} (an empty list is fine), not ${show(value)}`;
  const bad = itemsError(SERVICE_IDS, value);
  if (bad) return bad;
  // Two services that hand the app the same variable (PostgreSQL and MySQL: DATABASE_URL; Redis and Valkey: REDIS_URL) are alternatives.
  const chosen = services.filter((s) => (value as unknown[]).includes(s.id));
  for (const a of chosen) {
    const b = chosen.find((x) => x !== a && x.urlVar === a.urlVar);
    if (b) return `${JSON.stringify(a.id)} and ${JSON.stringify(b.id)} both give the app ${a.urlVar}: they are alternatives, pick one`;
  }
  return undefined;
};

// -- port, runtime, package manager ------------------------------------------

export const validatePort: Validator = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535
    ? undefined
    : `must be an integer from 1 to 65535, not ${show(value)}`;

/** Every runtime version some language supports (for the schema, when the language is not known). */
export const ALL_RUNTIME_VERSIONS: readonly string[] = [...new Set(providers.flatMap((p) => p.runtime.supported))];

export const validateRuntimeVersion: Validator = (value, answers) => {
  const language = providerOf(answers);
  const allowed = language ? language.runtime.supported : ALL_RUNTIME_VERSIONS;
  if (typeof value === 'string' && allowed.includes(value)) return undefined;
  return `must be one of: ${list(allowed)}${language ? ` (supported ${language.id} versions)` : ''}, given as a string, not ${show(value)}`;
};

/** Every package manager some language lets the answers choose. */
export const ALL_PACKAGE_MANAGERS: readonly string[] = [...new Set(providers.flatMap((p) => p.packageManagers))];

export const validatePackageManager: Validator = (value, answers) => {
  const language = providerOf(answers);
  if (language && language.packageManagers.length === 0) {
    const others = providers.filter((p) => p.packageManagers.length > 0).map((p) => p.id);
    return `is only for ${list(others)} projects (${language.title} has one way to install its dependencies); remove it`;
  }
  const allowed = language ? language.packageManagers : ALL_PACKAGE_MANAGERS;
  return isOneOf(allowed, value) ? undefined : `must be one of: ${list(allowed)}, not ${show(value)}`;
};

// -- entrypoint, command, health path ------------------------------------------

export const validateEntrypoint: Validator = (value, answers) => {
  const fw = findFramework(answers.framework)?.framework;
  if (typeof value !== 'string') return `must be a string, not ${show(value)}`;
  if (value.startsWith('/') || value.includes('\\') || value.split('/').includes('..')) {
    return `must stay inside the project: a relative path with "/" separators, no ".." and not absolute, not ${show(value)}`;
  }
  if (!fw) return undefined;
  const spec = fw.entrypoint;
  if (spec.rules.length === 0) {
    return value === spec.default ? undefined : `is fixed to ${JSON.stringify(spec.default)} for ${fw.title} (${spec.help}); remove it, or use "command"`;
  }
  const broken = spec.rules.find((rule) => !new RegExp(rule.pattern).test(value));
  return broken ? `must be ${broken.must}, not ${show(value)}` : undefined;
};

export const COMMAND_MAX_ITEMS = 64;
export const COMMAND_MAX_LENGTH = 4096;

export const validateCommand: Validator = (value) => {
  const what = `a list of 1 to ${COMMAND_MAX_ITEMS} non-empty strings (exec form: ["program", "arg", ...])`;
  if (!Array.isArray(value) || value.length === 0 || value.length > COMMAND_MAX_ITEMS) return `must be ${what}, not ${show(value)}`;
  for (const [i, arg] of value.entries()) {
    if (typeof arg !== 'string' || arg.length === 0) return `item ${i} must be a non-empty string, not ${show(arg)}`;
    if (arg.length > COMMAND_MAX_LENGTH) return `item ${i} is longer than ${COMMAND_MAX_LENGTH} characters`;
    if (arg.includes('\0')) return `item ${i} contains a NUL character`;
  }
  return undefined;
};

/** "/" or "/a/b": segments of letters, digits and ._~- not starting with a dot; no trailing slash or query. */
export const HEALTH_PATH_PATTERN = '^/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*)?$';

export const validateHealthPath: Validator = (value) =>
  typeof value === 'string' && value.length <= 200 && new RegExp(HEALTH_PATH_PATTERN).test(value)
    ? undefined
    : `must be a URL path like "/health" or "/api/health": "/"-separated parts of letters, digits and ._~- (not starting with "."), no trailing "/" or query string, not ${show(value)}`;

// -- starter, env, exposeServices ---------------------------------------------

const validateBoolean: Validator = (value) => (typeof value === 'boolean' ? undefined : `must be true or false, not ${show(value)}`);
export const validateStarter = validateBoolean;
export const validateExposeServices = validateBoolean;
export const validateDev = validateBoolean;

/** .env keys the generator writes itself: answers can't set them through `env`. */
export const RESERVED_ENV_KEYS: readonly string[] = [
  ...new Set([
    'APP_PORT',
    'PORT',
    ...services.flatMap((s) => s.env.map((e) => e.key)),
    ...providers.flatMap((p) => p.frameworks.flatMap((f) => (f.env ?? []).map((e) => e.key))),
  ]),
];

/** Keys the container's system or Compose itself own, with the reason given when answers set one. */
export const SYSTEM_ENV_KEYS: Readonly<Record<string, string>> = {
  PATH: "the image's own search path for programs: setting it in .env would hide the runtime",
  HOME: "the app user's home folder, set by the image",
  HOSTNAME: "the container's name, set by Docker (the healthcheck calls it)",
  PWD: 'the working folder, set by the shell',
  USER: 'the user the container runs as, set by the image',
  SHELL: "the image's shell",
  LD_PRELOAD: 'it would load a library into every process of the container',
  LD_LIBRARY_PATH: "it would change which libraries the image's programs load",
  HOST_PORT: 'the generator writes it (the port on your machine, when the app reads APP_PORT itself)',
};
/** Prefixes of the variables Compose reads from .env to configure itself (COMPOSE_PROJECT_NAME, COMPOSE_FILE, DOCKER_HOST). */
export const COMPOSE_ENV_PATTERN = '^(COMPOSE|DOCKER)_';

export const ENV_KEY_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';
export const ENV_MAX_KEYS = 100;

/** Validates `env`; the pointer suffix names the offending key. */
export function validateEnvEntries(value: unknown): { suffix: string; message: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { suffix: '', message: `must be an object of NAME: "value" pairs, not ${show(value)}` };
  }
  const entries = Object.entries(value);
  if (entries.length > ENV_MAX_KEYS) return { suffix: '', message: `has more than ${ENV_MAX_KEYS} variables` };
  for (const [key, v] of entries) {
    const suffix = `/${escapePointer(key)}`;
    if (!isEnvKey(key)) return { suffix, message: `${show(key)} is not a variable name: use letters, digits and "_", not starting with a digit` };
    if (RESERVED_ENV_KEYS.includes(key)) return { suffix, message: `${key} is written by the generator itself; remove it from env` };
    if (Object.hasOwn(SYSTEM_ENV_KEYS, key)) return { suffix, message: `${key} can't be set here: ${SYSTEM_ENV_KEYS[key]}; remove it from env` };
    if (new RegExp(COMPOSE_ENV_PATTERN).test(key)) return { suffix, message: `${key} can't be set here: Compose reads COMPOSE_* and DOCKER_* from .env to configure itself, not for the app; remove it from env (or set it in your shell)` };
    if (typeof v !== 'string') return { suffix, message: `must be a string, not ${show(v)}` };
    if (v.length > 4096) return { suffix, message: 'is longer than 4096 characters' };
    if (formatEnvValue(v) === undefined) {
      return {
        suffix,
        message: `can't be written to .env so that Compose, dotenv and python-dotenv all read the same value: no backslashes, line breaks or NUL, and not both a single quote and one of " $ \``,
      };
    }
  }
  return undefined;
}

export const validateEnv: Validator = (value) => {
  const e = validateEnvEntries(value);
  return e ? (e.suffix ? `${e.suffix.slice(1)}: ${e.message}` : e.message) : undefined;
};

// -- deploy, replicas, image ---------------------------------------------------

export const validateDeploy: Validator = (value) => {
  if (!Array.isArray(value) || value.length === 0) return `must be a non-empty list from: ${list(DEPLOY_TARGETS)}, not ${Array.isArray(value) ? 'an empty list' : show(value)}`;
  return itemsError(DEPLOY_TARGETS, value);
};

export const validateReplicas: Validator = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100
    ? undefined
    : `must be an integer from 1 to 100, not ${show(value)}`;

/**
 * [registry/]path[:tag], lowercase path components as Docker requires. Docker reads the
 * first component as a registry only when it has a dot or a port, or is localhost
 * (ghcr.io, registry:5000, localhost): otherwise it is part of the path, lowercase too.
 */
export const IMAGE_PATTERN =
  '^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+(?::[0-9]+)?|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?:[0-9]+|localhost)/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$';

export const validateImage: Validator = (value) =>
  typeof value === 'string' && value.length <= 255 && new RegExp(IMAGE_PATTERN).test(value)
    ? undefined
    : `must be an image reference like "registry.example.com/team/app:1.0" (lowercase path, optional registry and tag), not ${show(value)}`;

export const validateCi: Validator = (value) => {
  if (!Array.isArray(value)) return `must be a list from: ${list(CI_TARGETS)} (or empty), not ${show(value)}`;
  return itemsError(CI_TARGETS, value);
};

export const validateSchemaRef: Validator = (value) => (typeof value === 'string' ? undefined : `must be a string, not ${show(value)}`);

// -- the whole answers object --------------------------------------------------

/** Per-key validators, in the order keys are checked (language before what depends on it). */
export const validators: Readonly<Record<keyof Answers, Validator>> = {
  $schema: validateSchemaRef,
  app: validateApp,
  name: validateName,
  language: validateLanguage,
  framework: validateFramework,
  services: validateServices,
  port: validatePort,
  runtimeVersion: validateRuntimeVersion,
  packageManager: validatePackageManager,
  entrypoint: validateEntrypoint,
  command: validateCommand,
  healthPath: validateHealthPath,
  starter: validateStarter,
  env: validateEnv,
  exposeServices: validateExposeServices,
  deploy: validateDeploy,
  replicas: validateReplicas,
  image: validateImage,
  dev: validateDev,
  ci: validateCi,
};

export const ANSWER_KEYS = Object.keys(validators) as (keyof Answers)[];

export interface FieldError {
  /** JSON pointer to the offending value ("" for the whole document). */
  pointer: string;
  message: string;
  /** Set when the problem is in a project file (package-lock.json, say), not in the answers: named instead of the pointer. */
  file?: string;
}

export type ValidationResult = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Edit distance, for "did you mean" suggestions on unknown keys. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min(tmp + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

export function closestKey(key: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of ANSWER_KEYS) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Checks a parsed answers document against every rule; all problems are reported, not just the first. */
export function validateAnswers(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ pointer: '', message: `the answers must be a JSON object like {"name": "shop-api", "framework": "fastapi"} (every key may be left out: detection fills it), not ${show(input)}` }] };
  }
  const doc = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(doc)) {
    if (!(ANSWER_KEYS as string[]).includes(key)) {
      const near = closestKey(key);
      errors.push({
        pointer: `/${escapePointer(key)}`,
        message: `unknown key${near ? `: did you mean ${JSON.stringify(near)}?` : ''} Allowed keys: ${ANSWER_KEYS.filter((k) => k !== '$schema').join(', ')}`,
      });
    }
  }
  const partial = doc as Partial<Answers>;
  for (const key of ANSWER_KEYS) {
    const value = doc[key];
    if (value === undefined) continue;
    if (key === 'env') {
      const e = validateEnvEntries(value);
      if (e) errors.push({ pointer: `/env${e.suffix}`, message: e.message });
      continue;
    }
    const message = validators[key](value, partial);
    if (!message) continue;
    // List validators say "item N ...": point at the item itself.
    const item = /^item (\d+) (.*)$/s.exec(message);
    errors.push(item ? { pointer: `/${key}/${item[1]}`, message: item[2] as string } : { pointer: `/${key}`, message });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, answers: doc as unknown as Answers };
}

/** One line per error, as the CLI and the generator print them. */
export function formatErrors(errors: readonly FieldError[], source = 'answers'): string {
  // One line per error, even when a key holds a line break.
  const printable = (t: string) => t.replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
  return errors.map((e) => `${e.file ?? `${source}${printable(e.pointer) || ' (document)'}`}: ${printable(e.message)}`).join('\n');
}
