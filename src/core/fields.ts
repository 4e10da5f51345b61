/**
 * One table describes every answer: what it means, how it is asked, its
 * default, and which validator checks it. The Yeoman prompts, the CLI prompts,
 * the JSON Schema's descriptions and the CLI's --help all come from here.
 * Defaults come from detection first (when it found the key for this language
 * and framework), then from the language and framework entries.
 */
import { CI_TARGETS, DEPLOY_TARGETS, type Answers, type ProjectFacts } from './answers.js';
import type { Detection } from './detect.js';
import { LANGUAGE_IDS, SERVICE_IDS, findFramework, findProvider, frameworksOf, providers, services } from './registry.js';
import { ALL_PACKAGE_MANAGERS, validators, type Validator } from './validate.js';

export interface Choice {
  value: string;
  title: string;
}

/** What a prompt's `when` may consult: the folder's facts for the answers so far, and whether it holds an app for them. */
export interface PromptContext {
  facts(a: Partial<Answers>): ProjectFacts;
  hasApp(a: Partial<Answers>): boolean;
}

export interface Field {
  key: keyof Answers;
  /** One sentence for the schema, --help and the README. */
  description: string;
  /** How it is asked; undefined: answers-file only. */
  prompt?: {
    type: 'text' | 'number' | 'select' | 'multiselect' | 'confirm';
    message: string;
    choices?: (a: Partial<Answers>, facts: ProjectFacts) => Choice[];
    /** Asked only when this holds. */
    when?: (a: Partial<Answers>, ctx: PromptContext) => boolean;
  };
  /** Default when the answer is missing (undefined: none). */
  default?: (a: Partial<Answers>, facts: ProjectFacts) => unknown;
  validate: Validator;
}

const fw = (a: Partial<Answers>) => findFramework(a.framework)?.framework;
const lang = (a: Partial<Answers>) => findProvider(a.language) ?? findFramework(a.framework)?.provider;
const orchestrated = (a: Partial<Answers>) => Array.isArray(a.deploy) && a.deploy.some((d) => d !== 'compose');

/** What detection found, when it speaks of the same language (and, for `sameFramework`, the same framework) as the answers. */
function found(a: Partial<Answers>, facts: ProjectFacts, sameFramework = false): Detection | undefined {
  const d = facts.detected;
  if (!d?.language) return undefined;
  const language = a.language ?? findFramework(a.framework)?.provider.id;
  if (language !== undefined && language !== d.language) return undefined;
  if (sameFramework && a.framework !== undefined && a.framework !== d.framework) return undefined;
  return d;
}

/** Where a field's default comes from, when detection gave it (shown beside the question). */
export function evidenceFor(key: keyof Answers, a: Partial<Answers>, facts: ProjectFacts): string | undefined {
  const sameFramework = key === 'entrypoint' || key === 'port' || key === 'healthPath';
  const d = found(a, facts, sameFramework);
  return key === 'name' || key === 'app' ? facts.detected?.evidence[key] : d?.evidence[key];
}

export const fields: readonly Field[] = [
  {
    key: 'app',
    description: 'The app\'s folder inside the repository, relative to it (for monorepos: "backend", "apps/api"). Default: the folder that holds the only app ("." for the root).',
    prompt: {
      type: 'select',
      message: 'Which app',
      choices: (_a, facts) => (facts.detected?.candidates ?? []).map((c) => ({ value: c.dir, title: `${c.dir} (${c.summary})` })),
      when: (a, ctx) => (ctx.facts(a).detected?.candidates.length ?? 0) > 1,
    },
    default: (_a, facts) => facts.detected?.app ?? '.',
    validate: validators.app,
  },
  {
    key: 'name',
    description: 'Project name: the Compose project, the image name, the database name and user. Default: the folder name.',
    prompt: { type: 'text', message: 'Project name' },
    default: (_a, facts) => facts.suggestedName || 'app',
    validate: validators.name,
  },
  {
    key: 'language',
    description: `Language of the app: ${LANGUAGE_IDS.join(', ')}. Default: detected.`,
    prompt: {
      type: 'select',
      message: 'Language',
      choices: () => providers.map((p) => ({ value: p.id, title: p.title })),
    },
    // A framework names its language.
    default: (a, facts) => findFramework(a.framework)?.provider.id ?? facts.detected?.language,
    validate: validators.language,
  },
  {
    key: 'framework',
    description: `Web framework: ${providers.map((p) => `${p.id}: ${frameworksOf(p.id).join(', ')}`).join('; ')}. Default: detected.`,
    prompt: {
      type: 'select',
      message: 'Framework',
      choices: (a) => (lang(a)?.frameworks ?? []).map((f) => ({ value: f.id, title: f.title })),
    },
    default: (a, facts) => found(a, facts)?.framework,
    validate: validators.framework,
  },
  {
    key: 'services',
    description: `Backing services the app uses, any of: ${SERVICE_IDS.join(', ')}. Each gets a container, a volume, a healthcheck and a URL in .env. Default: those whose clients the app depends on.`,
    prompt: {
      type: 'multiselect',
      message: 'Services the app needs',
      choices: () => services.map((s) => ({ value: s.id, title: s.title })),
    },
    default: (a, facts) => [...(found(a, facts)?.services ?? [])],
    validate: validators.services,
  },
  {
    key: 'port',
    description: 'Port the app listens on inside the container. Default: detected, else the framework\'s usual port.',
    prompt: { type: 'number', message: 'Port the app listens on' },
    default: (a, facts) => found(a, facts, true)?.port ?? fw(a)?.defaultPort,
    validate: validators.port,
  },
  {
    key: 'runtimeVersion',
    description: `Runtime version: ${providers.map((p) => `${p.id} ${p.runtime.supported.join(', ')} (default ${p.runtime.default})`).join('; ')}. Default: detected, else the newest the framework supports well.`,
    prompt: {
      type: 'select',
      message: 'Runtime version',
      choices: (a) => {
        const p = lang(a);
        return (p?.runtime.supported ?? []).map((v) => ({ value: v, title: `${p?.title} ${v}` }));
      },
    },
    default: (a, facts) => found(a, facts)?.runtimeVersion ?? lang(a)?.runtime.default,
    validate: validators.runtimeVersion,
  },
  {
    key: 'entrypoint',
    description: `What the server starts. ${providers
      .flatMap((p) => p.frameworks.map((f) => `${f.title}: ${f.entrypoint.rules.length ? `${f.entrypoint.help} (default ${f.entrypoint.default})` : `fixed (${f.entrypoint.default})`}`))
      .join('; ')}. Default: detected.`,
    prompt: {
      type: 'text',
      message: 'Entry point',
      when: (a) => (fw(a)?.entrypoint.rules.length ?? 0) > 0,
    },
    default: (a, facts) => found(a, facts, true)?.entrypoint ?? fw(a)?.entrypoint.default,
    validate: validators.entrypoint,
  },
  {
    key: 'starter',
    description: 'When the folder has no app yet, write a minimal one with a health endpoint that checks every service. Never overwrites an app. Default: true.',
    prompt: {
      type: 'confirm',
      message: 'No app found here. Write a minimal starter app?',
      when: (a, ctx) => !ctx.hasApp(a),
    },
    default: () => true,
    validate: validators.starter,
  },
  {
    key: 'packageManager',
    description: `For languages with several (${providers.filter((p) => p.packageManagers.length).map((p) => `${p.id}: ${p.packageManagers.join(', ')}`).join('; ')}). Default: detected (the lockfile present), else ${ALL_PACKAGE_MANAGERS[0] ?? 'none'}.`,
    prompt: {
      type: 'select',
      message: 'Package manager',
      choices: (a) => (lang(a)?.packageManagers ?? []).map((p) => ({ value: p, title: p })),
      // A starter app comes with its own lockfile, so its package manager is settled.
      when: (a, ctx) => (lang(a)?.packageManagers.length ?? 0) > 0 && !(a.starter !== false && !ctx.hasApp(a)),
    },
    default: (a, facts) => found(a, facts)?.packageManager ?? lang(a)?.defaultPackageManager() ?? undefined,
    validate: validators.packageManager,
  },
  {
    key: 'deploy',
    description: `Deployment files to write, any of: ${DEPLOY_TARGETS.join(', ')}. Default: ["compose"].`,
    prompt: {
      type: 'multiselect',
      message: 'Deployment targets',
      choices: () => [
        { value: 'compose', title: 'Docker Compose (docker-compose.yml)' },
        { value: 'swarm', title: 'Docker Swarm (docker-stack.yml)' },
        { value: 'kubernetes', title: 'Kubernetes (k8s/ with kustomize)' },
      ],
    },
    default: () => ['compose'],
    validate: validators.deploy,
  },
  {
    key: 'replicas',
    description: 'App replicas for Swarm and Kubernetes. Default: 2.',
    prompt: { type: 'number', message: 'App replicas (Swarm and Kubernetes)', when: (a) => orchestrated(a) },
    default: () => 2,
    validate: validators.replicas,
  },
  {
    key: 'dev',
    description:
      'Also write docker-compose.override.yml, which docker compose merges by itself: the app with its framework\'s live reload, and `develop.watch` rules that copy a changed source file into the container and rebuild on a dependency change (`docker compose up --watch`). Default: false.',
    prompt: {
      type: 'confirm',
      message: 'Also a development setup (live reload with docker compose up --watch)?',
      when: (a) => !Array.isArray(a.deploy) || a.deploy.includes('compose'),
    },
    default: () => false,
    validate: validators.dev,
  },
  {
    key: 'ci',
    description: `CI workflows to write, any of: ${CI_TARGETS.join(', ')}. Each builds the image with the registry as its cache, starts the stack and waits for it to be healthy, then pushes the image ("image", or the CI's own registry) on the default branch and on tags. Default: none.`,
    prompt: {
      type: 'multiselect',
      message: 'CI workflow that builds, checks and pushes the image (none: Enter)',
      // The CI the repository already runs says so in its title.
      choices: (_a, facts) => {
        const runs = (id: string) => facts.detected?.ci?.find((c) => c.target === id);
        const seen = (id: string) => (runs(id) ? `, beside your ${runs(id)?.evidence}` : '');
        return [
          { value: 'github', title: `GitHub Actions (.github/workflows/docker.yml${seen('github')})` },
          { value: 'gitlab', title: `GitLab CI (${runs('gitlab') ? `a job your .gitlab-ci.yml includes` : '.gitlab-ci.yml'})` },
        ];
      },
    },
    default: () => [],
    validate: validators.ci,
  },
  {
    key: 'image',
    description: 'Image reference: the name docker compose tags the image with, what the CI workflows push, and what Swarm and Kubernetes pull, e.g. "registry.example.com/team/app:1.0" (with a registry, compose tags the image with it and `docker compose push` pushes it). Default: "<name>:latest".',
    prompt: { type: 'text', message: 'Image to push and deploy (registry/name:tag)', when: (a) => orchestrated(a) || (Array.isArray(a.ci) && a.ci.length > 0) },
    default: (a) => (typeof a.name === 'string' ? `${a.name}:latest` : undefined),
    validate: validators.image,
  },
  {
    key: 'command',
    description: 'Replaces the whole start command, in exec form: ["program", "arg", ...]. Default: the framework\'s production server.',
    validate: validators.command,
  },
  {
    key: 'healthPath',
    description:
      "HTTP path the container healthcheck (and Kubernetes probes) call; it must answer 2xx or 3xx. Default: the app's own health route when one is found; else / with a check that accepts any answer below 500; a starter app's /health.",
    default: (a, facts) => found(a, facts, true)?.healthPath ?? (facts.detected?.language ? '/' : '/health'),
    validate: validators.healthPath,
  },
  {
    key: 'env',
    description: 'Extra non-secret settings for the app, written to .env and .env.example: {"NAME": "value"}.',
    default: () => ({}),
    validate: validators.env,
  },
  {
    key: 'exposeServices',
    description: 'Also publish the database and cache ports, on 127.0.0.1 only (for local tools). Default: false.',
    default: () => false,
    validate: validators.exposeServices,
  },
  {
    key: '$schema',
    description: 'Path or URL of this JSON Schema, for editor completion. Ignored by the generator.',
    validate: validators.$schema,
  },
];

export function field(key: keyof Answers): Field {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`BUG: no field ${key}`);
  return f;
}

