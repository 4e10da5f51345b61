/**
 * Shapes of the catalogue: one entry per language, framework and service.
 * Entries are data plus a few small functions that derive strings from the
 * answers; no I/O and no templates here.
 */

export const LANGUAGES = ['python', 'node'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FRAMEWORKS = ['fastapi', 'flask', 'django', 'express', 'fastify', 'nestjs', 'nextjs'] as const;
export type FrameworkId = (typeof FRAMEWORKS)[number];

export const SERVICES = ['postgres', 'redis'] as const;
export type ServiceId = (typeof SERVICES)[number];

export const PACKAGE_MANAGERS = ['npm', 'yarn', 'pnpm'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

export const DEPLOY_TARGETS = ['compose', 'swarm', 'kubernetes'] as const;
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];

/** What the catalogue functions may look at: the resolved answers that matter to them. */
export interface EntryContext {
  name: string;
  port: number;
  entrypoint: string;
  healthPath: string;
  services: readonly ServiceId[];
}

/** Values already decided for .env (existing ones win), used to derive URLs from secrets. */
export type EnvValues = Readonly<Record<string, string>>;

/** One variable in .env. */
export interface EnvVarSpec {
  key: string;
  /** A comment line written above the variable the first time it is added. */
  comment?: string;
  /** Placeholder for .env.example. Defaults to the value for non-secrets. */
  example?: string;
  /** A random secret of this many characters, made with node:crypto (implies `secret`). */
  secretLength?: number;
  /** Holds a secret (a password, or a URL with one): Docker/Kubernetes secrets, never a ConfigMap or a stack file. */
  secret?: boolean;
  /** Who reads it: the app (default) or only the service's own container. */
  readBy?: 'app' | 'service';
  /** A fixed or derived value (from the answers and the values decided before it). */
  value?: (ctx: EntryContext, env: EnvValues) => string;
}

/** Per-language facts: base image, how to health-check, what to keep out of the build context. */
export interface LanguageEntry {
  id: Language;
  title: string;
  /** Numeric uid of the image's unprivileged user (Kubernetes' runAsNonRoot needs a number). */
  uid: number;
  /** Command the HEALTHCHECK runs inside the container (exec form), for a URL. */
  healthcheck(url: string): string[];
  /** .dockerignore sections: comment + patterns. */
  dockerignore: ReadonlyArray<{ comment: string; patterns: readonly string[] }>;
}

export type EntrypointKind =
  /** `package.module:attribute`, an ASGI/WSGI application object. */
  | 'python-app'
  /** A Python package (Django project) holding wsgi.py. */
  | 'python-package'
  /** A JavaScript file run by `node`, relative to the project root. */
  | 'node-file'
  /** Fixed by the framework (Next.js standalone's server.js). */
  | 'fixed';

/** How a Node framework is built before it runs. */
export type NodeBuild =
  /** Plain JavaScript: install production dependencies, copy the app. */
  | { kind: 'none' }
  /** `npm run build` (TypeScript and the like); the final image keeps `outputs` and production deps. */
  | { kind: 'script'; outputs: readonly string[] }
  /** Next.js standalone output: the build traces exactly the files the server needs. */
  | { kind: 'nextjs' };

export interface StarterFile {
  /** Path in the project (may use the entrypoint-derived layout). */
  path: string;
  /** Template under templates/starters/. */
  template: string;
}

export interface FrameworkEntry {
  id: FrameworkId;
  language: Language;
  title: string;
  defaultPort: number;
  entrypoint: {
    kind: EntrypointKind;
    default: string;
    /** Shown in prompts and in the schema. */
    help: string;
  };
  /** The exec-form command that starts the production server. */
  command(ctx: EntryContext): string[];
  /** Python: requirement names (keys of versions.python) this framework needs. */
  requirements?: readonly string[];
  /** Node: how the app is built. */
  build?: NodeBuild;
  /** Extra variables the framework reads from .env. */
  env?: readonly EnvVarSpec[];
  /** Paths that must stay writable when the root file system is read-only (Kubernetes). */
  writablePaths?: readonly string[];
  starter: {
    /** Files whose presence means an app already exists (any one is enough). */
    appMarkers(ctx: EntryContext): string[];
    /** The files of the minimal app. */
    files(ctx: EntryContext): StarterFile[];
    /** Node: the starter's package.json dependencies (keys of versions.node). */
    dependencies?: readonly string[];
    devDependencies?: readonly string[];
    scripts?: Readonly<Record<string, string>>;
  };
}

/** Docker secret name and mount path for a secret .env key (POSTGRES_PASSWORD -> postgres_password). */
export const swarmSecretName = (key: string) => key.toLowerCase();
export const swarmSecretPath = (key: string) => `/run/secrets/${swarmSecretName(key)}`;

/** What the Kubernetes builders need: names, labels and where settings live. */
export interface K8sContext {
  /** The project name as a DNS-1123 label (also the namespace). */
  name: string;
  labels(component: string): Record<string, string>;
  selector(component: string): Record<string, string>;
  /** The ConfigMap (non-secret settings) and Secret that kustomize generates. */
  configMap: string;
  secret: string;
  /** A container env var read from the ConfigMap, or from the Secret (named `name`, default the key). */
  fromConfig(key: string): { name: string; valueFrom: { configMapKeyRef: { name: string; key: string } } };
  fromSecret(key: string, name?: string): { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } };
}

export interface ServiceEntry {
  id: ServiceId;
  title: string;
  image: string;
  port: number;
  /** Named volume and where the service keeps its data. */
  volume: { name: string; target: string };
  /** Variables this service adds to .env (its own settings, then the URL the app reads). */
  env: readonly EnvVarSpec[];
  /** The compose service (without ports: the plan adds them only when asked). */
  compose(ctx: EntryContext): Record<string, unknown>;
  /** Comments written above keys of the compose service (dotted paths inside the service). */
  composeComments?: Readonly<Record<string, string>>;
  /** Docker Swarm: the stack service, reading its password from Docker secrets (`secrets`: the .env keys it mounts). */
  swarm(ctx: EntryContext): { service: Record<string, unknown>; secrets: readonly string[]; comments?: Readonly<Record<string, string>> };
  /** Kubernetes: the service's manifests (workload, Service, storage). */
  kubernetes(k: K8sContext): Record<string, unknown>[];
  /** Python driver requirements (keys of versions.python). */
  python: readonly string[];
  /** Node driver dependencies for the starters (keys of versions.node). */
  node: readonly string[];
  /** What the app's URL variable is called (DATABASE_URL, REDIS_URL). */
  urlVar: string;
}
