/**
 * One table describes every answer: what it means, how it is asked, its
 * default, and which validator checks it. The Yeoman prompts, the CLI prompts,
 * the JSON Schema's descriptions and the CLI's --help all come from here.
 */
import { LANGUAGES, PACKAGE_MANAGERS, SERVICES, DEPLOY_TARGETS, frameworks, frameworksOf, services, versions } from '../catalogue/index.js';
import type { FrameworkId, Language } from '../catalogue/types.js';
import type { Answers, ProjectFacts } from './answers.js';
import { runtimeVersionsOf, validators, type Validator } from './validate.js';

export interface Choice {
  value: string;
  title: string;
}

/** What a prompt's `when` may consult: the folder's facts, and whether it holds an app for the answers so far. */
export interface PromptContext {
  facts: ProjectFacts;
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
    choices?: (a: Partial<Answers>) => Choice[];
    /** Asked only when this holds. */
    when?: (a: Partial<Answers>, ctx: PromptContext) => boolean;
  };
  /** Default when the answer is missing (undefined: none, the key is required or optional-without-default). */
  default?: (a: Partial<Answers>, facts: ProjectFacts) => unknown;
  validate: Validator;
}

const fw = (a: Partial<Answers>) => frameworks[a.framework as FrameworkId];
const orchestrated = (a: Partial<Answers>) => Array.isArray(a.deploy) && a.deploy.some((d) => d !== 'compose');

export const fields: readonly Field[] = [
  {
    key: 'name',
    description: 'Project name: the Compose project, the image name, the database name and user.',
    prompt: { type: 'text', message: 'Project name' },
    default: (_a, facts) => facts.suggestedName || 'app',
    validate: validators.name,
  },
  {
    key: 'language',
    description: `Language of the app: ${LANGUAGES.join(' or ')}.`,
    prompt: {
      type: 'select',
      message: 'Language',
      choices: () => LANGUAGES.map((l) => ({ value: l, title: l === 'node' ? 'Node.js' : 'Python' })),
    },
    validate: validators.language,
  },
  {
    key: 'framework',
    description: 'Web framework: python: fastapi, flask, django; node: express, fastify, nestjs, nextjs.',
    prompt: {
      type: 'select',
      message: 'Framework',
      choices: (a) => frameworksOf(a.language as Language).map((id) => ({ value: id, title: frameworks[id].title })),
    },
    validate: validators.framework,
  },
  {
    key: 'services',
    description: `Backing services the app uses, any of: ${SERVICES.join(', ')}. Each gets a container, a volume, a healthcheck and a URL in .env.`,
    prompt: {
      type: 'multiselect',
      message: 'Services the app needs',
      choices: () => SERVICES.map((s) => ({ value: s, title: services[s].title })),
    },
    default: () => [],
    validate: validators.services,
  },
  {
    key: 'port',
    description: 'Port the app listens on inside the container. Default: 8000 for Python, 3000 for Node.',
    prompt: { type: 'number', message: 'Port the app listens on' },
    default: (a) => fw(a)?.defaultPort,
    validate: validators.port,
  },
  {
    key: 'runtimeVersion',
    description: `Runtime version: python ${versions.runtimes.python.supported.join(', ')} (default ${versions.runtimes.python.default}); node ${versions.runtimes.node.supported.join(', ')} (default ${versions.runtimes.node.default}).`,
    prompt: {
      type: 'select',
      message: 'Runtime version',
      choices: (a) => runtimeVersionsOf(a.language as Language).map((v) => ({ value: v, title: `${a.language === 'node' ? 'Node.js' : 'Python'} ${v}` })),
    },
    default: (a) => (a.language === 'python' || a.language === 'node' ? versions.runtimes[a.language].default : undefined),
    validate: validators.runtimeVersion,
  },
  {
    key: 'entrypoint',
    description:
      'What the server starts. FastAPI/Flask: module:attribute (default app.main:app / app:app); Django: the project package (default config); Express/Fastify: the JS file (default src/server.js); NestJS: the compiled file (default dist/main.js); Next.js: fixed (server.js).',
    prompt: {
      type: 'text',
      message: 'Entry point',
      when: (a) => fw(a)?.entrypoint.kind !== 'fixed',
    },
    default: (a) => fw(a)?.entrypoint.default,
    validate: validators.entrypoint,
  },
  {
    key: 'starter',
    description: 'When the folder has no app yet, write a minimal one with a /health endpoint that checks every service. Never overwrites an app. Default: true.',
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
    description: `Node only: ${PACKAGE_MANAGERS.join(', ')}. Default: the one whose lockfile is present, else npm.`,
    prompt: {
      type: 'select',
      message: 'Package manager',
      choices: () => PACKAGE_MANAGERS.map((p) => ({ value: p, title: p })),
      // A starter app comes with an npm lockfile, so npm it is.
      when: (a, ctx) => a.language === 'node' && !(a.starter !== false && !ctx.hasApp(a)),
    },
    default: (a, facts) => (a.language === 'node' ? (facts.lockfileManager ?? 'npm') : undefined),
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
    key: 'image',
    description: 'Image reference Swarm and Kubernetes pull, e.g. "registry.example.com/team/app:1.0". Default: "<name>:latest".',
    prompt: { type: 'text', message: 'Image to push and deploy (registry/name:tag)', when: (a) => orchestrated(a) },
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
    description: 'HTTP path the container healthcheck (and Kubernetes probes) call. Default: /health.',
    default: () => '/health',
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
