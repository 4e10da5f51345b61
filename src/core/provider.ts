/**
 * The seam between the core and what varies: a language provider (one folder
 * under src/languages/) and a service (one file under src/services/). The core
 * asks these interfaces everything language- or service-specific; it never
 * checks a language id itself.
 */
import type { ResolvedAnswers } from './answers.js';
import type { ProjectSnapshot } from './project.js';
import type { TemplateStore } from './render.js';
import type { FieldError } from './validate.js';

/** What derived strings (commands, env values, starter paths) may look at. */
export interface EntryContext {
  name: string;
  port: number;
  entrypoint: string;
  healthPath: string;
  services: readonly string[];
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
  /** With secretLength: that many random bytes, base64-encoded after this prefix (Laravel's APP_KEY: "base64:" and 32 bytes), instead of letters and digits. */
  secretBase64Prefix?: string;
  /** Holds a secret (a password, or a URL with one): Docker/Kubernetes secrets, never a ConfigMap or a stack file. */
  secret?: boolean;
  /** Who reads it: the app (default) or only the service's own container. */
  readBy?: 'app' | 'service';
  /** A fixed or derived value (from the answers and the values decided before it). */
  value?: (ctx: EntryContext, env: EnvValues) => string;
}

/** How the answers' `entrypoint` is checked, shown and defaulted for one framework. */
export interface EntrypointSpec {
  default: string;
  /** Shown in prompts, --help and the schema. */
  help: string;
  /**
   * Rules the value must meet, in order: a regular expression (also written to
   * the JSON Schema) and what it must be, said when it does not match ("must be
   * <must>, not ..."). None: the entry point is fixed to `default`.
   */
  rules: ReadonlyArray<{ pattern: string; must: string }>;
}

/** A web framework of a language: one file under src/languages/<lang>/frameworks/. */
export interface Framework {
  id: string;
  title: string;
  defaultPort: number;
  entrypoint: EntrypointSpec;
  /** The exec-form command that starts the production server. */
  command(ctx: EntryContext): string[];
  /** Variables the framework reads from .env. */
  env?: readonly EnvVarSpec[];
  /** Paths that must stay writable when the root file system is read-only (Kubernetes). */
  writablePaths?: readonly string[];
  /** Headers the Kubernetes HTTP probes send (Django answers only to the hosts it allows). */
  probeHeaders?: Readonly<Record<string, string>>;
}

/** A file a provider adds to the plan (a dependency manifest it merges, for example). */
export interface ProviderFile {
  path: string;
  content: string;
  kind: 'generated' | 'merged' | 'starter';
  purpose: string;
}

/**
 * A process of the app's own image besides the server: a one-shot step that
 * must finish before the app starts (database migrations), or one that runs
 * beside it (a Celery or RQ worker).
 */
export interface Process {
  /** Its service name in Compose, Swarm and Kubernetes: migrate, worker, beat. */
  name: string;
  /** Exec form. */
  command: string[];
  /** once: runs to completion before the app starts; always: runs beside the app. */
  lifecycle: 'once' | 'always';
  /** What it does (for comments and README.Docker.md). */
  purpose: string;
  /** The file and rule that called for it. */
  evidence: string;
  /** How to tell an always-running process is healthy (exec form), instead of the image's HTTP healthcheck. */
  healthcheck?: string[];
  /** Extra variables it needs, as Compose interpolations of .env keys (RQ_REDIS_URL: ${REDIS_URL}). */
  environment?: Readonly<Record<string, string>>;
  /**
   * A Dockerfile stage to build it from instead of the final one (one that
   * still has the dev packages a migration CLI is), and why. Compose builds
   * that stage; Swarm and Kubernetes run it as an image of its own, named by
   * `processImage`.
   */
  target?: { stage: string; why: string };
}

/**
 * How the app runs while it is being worked on (docker-compose.override.yml,
 * `docker compose up --watch`): the framework's live reload, and what Compose
 * copies into the container or rebuilds on a change.
 */
export interface DevSetup {
  /** The start command with the framework's live reload (exec form). */
  command: string[];
  /** What reloads it, for comments and README.Docker.md ("uvicorn --reload"). */
  reload: string;
  /** A Dockerfile stage to build instead of the final one (with the dev packages and a copy of the code its user may write), and why. */
  target?: { stage: string; why: string };
  /** The app's folder in the container: where a changed file is copied. */
  workdir: string;
  /** Paths below the app's folder never copied in, because the image builds them itself (node_modules, .venv). */
  ignore: readonly string[];
  /** Files below the app's folder whose change needs a new image (manifests, lockfiles). */
  rebuildOn: readonly string[];
  /** Variables that differ in development (NODE_ENV=development). */
  environment?: Readonly<Record<string, string>>;
  /** A debugger's port, published on 127.0.0.1 only, and how to attach to it. */
  debug?: { port: number; how: string };
}

/** The image of a process built from another stage: the app's image name with the stage appended (shop:1.2 -> shop-tools:1.2). */
export function processImage(image: string, stage: string): string {
  const m = /^(.*?)(:[\w][\w.-]*)?(@sha256:[a-f0-9]+)?$/.exec(image);
  const [name, tag] = [m?.[1] ?? image, m?.[2] ?? ''];
  return `${name}-${stage}${tag}`;
}

/** A variable the app reads, where, and what it falls back to. */
export interface EnvRead {
  key: string;
  /** The file and the rule (".env.example", "app/core/config.py: Settings.POSTGRES_SERVER"). */
  evidence: string;
  /** The value an example file gives it. */
  example?: string;
  /** The code has a default of its own: nothing needs to be set. */
  hasDefault?: boolean;
  /** That default, when it is a URL in the code (`os.environ.get("BROKER_URL", "pyamqp://localhost")`): its scheme tells which service the variable is for. */
  defaultUrl?: string;
  /** The code reads it (not only an example file). */
  inCode?: boolean;
  /** The value this project needs, when the provider knows better than a default (Django's hosts, joined the way the settings split them). */
  value?: string;
}

/**
 * An answer found in the project, with the file and the rule that decided it.
 * Evidence names files of the folder the provider read; one that names a file
 * of the repository root instead (a monorepo's .nvmrc) starts with "/".
 */
export interface Finding<T> {
  value: T;
  evidence: string;
}

/** What a provider found in a folder. Keys are answers keys; each value carries its evidence. */
export interface LanguageDetection {
  /** How sure: 2 = a framework of this language was found, 1 = only its manifests. */
  confidence: 1 | 2;
  /** Why this language (the manifest that gave it away). */
  evidence: string;
  framework?: Finding<string>;
  packageManager?: Finding<string>;
  runtimeVersion?: Finding<string>;
  entrypoint?: Finding<string>;
  port?: Finding<number>;
  healthPath?: Finding<string>;
  /** Client packages the project declares, for services to recognise (normalised names, with where they were found). */
  packages: ReadonlyArray<{ name: string; evidence: string }>;
  /** Services found by other means than a client package (an ORM's provider setting, a Django ENGINE). */
  services?: ReadonlyArray<Finding<string>>;
  /** URL schemes written in the app's settings ("postgresql" of postgresql://...), which the core maps to services. */
  schemes?: ReadonlyArray<{ scheme: string; evidence: string }>;
  /** Folders below this one that hold apps of their own (workspaces). */
  workspaces?: readonly string[];
  /** Environment variables the app's code reads (settings classes, os.environ, process.env), bounded to the files that configure it. */
  env?: readonly EnvRead[];
  warnings: string[];
  /** What was found but can't be served (a runtime version we have no image for): an error unless the answers set that key. */
  problems?: ReadonlyArray<{ key: 'runtimeVersion' | 'packageManager' | 'framework' | 'entrypoint'; message: string }>;
}

/** Everything a provider decides for the plan, from the resolved answers and the folder. */
export interface LanguagePlanInput {
  r: ResolvedAnswers;
  /** The app's folder, read-only. */
  project: ProjectSnapshot;
  /** The repository's root (the app's folder is `r.app` below it), read-only. */
  repository: ProjectSnapshot;
  /** For a build that runs the app's code: each URL variable the app reads, with a placeholder value (never a secret of .env). */
  buildPlaceholders: ReadonlyArray<readonly [string, string]>;
  templates: TemplateStore;
  /** Whether a starter app is part of the plan. */
  starter: boolean;
}

/** One language: a folder under src/languages/, listed in src/languages/index.ts. */
export interface LanguageProvider {
  id: string;
  title: string;
  /** Base images: `tag` with `{version}` for the runtime version. */
  runtime: { tag: string; default: string; supported: readonly string[]; endOfLife?: Readonly<Record<string, string>> };
  /** What detection looks for, for messages ("pyproject.toml, requirements*.txt, ..."). */
  manifests: string;
  /** Frameworks, in the order prompts list them (and detection prefers them). */
  frameworks: readonly Framework[];
  /** Package managers the answers may name; empty when the language has one way to install. */
  packageManagers: readonly string[];
  /** Numeric uid of the image's unprivileged user (Kubernetes' runAsNonRoot needs a number). */
  uid: number;
  /**
   * The HEALTHCHECK command (exec form) for a port and path, run with the image's own runtime (slim images have no curl):
   * it passes on a 2xx/3xx answer, or with `anyResponse` on any answer below 500. It calls the container's own
   * address (its host name), not 127.0.0.1: an app listening on localhost only, which nothing outside the
   * container can reach, fails it.
   */
  healthcheck(port: number, path: string, anyResponse: boolean): string[];
  /** .dockerignore sections for this language (the core adds the common ones). */
  dockerignore: ReadonlyArray<{ comment: string; patterns: readonly string[] }>;
  /** .gitignore patterns a starter app of this language needs. */
  starterGitignore(r: ResolvedAnswers): string[];
  /**
   * Reads a folder: undefined when it holds nothing of this language. `repository`
   * is the repository's root when the app is in a folder below it (version pins
   * such as .python-version or .nvmrc often sit there), and `path` that folder.
   */
  detect(project: ProjectSnapshot, repository?: ProjectSnapshot, path?: string): LanguageDetection | undefined;
  /** The package manager when neither the answers nor detection give one. */
  defaultPackageManager(): string | null;
  /** Problems with the answers or the project that only this language can see (pointer + message): exit 2, nothing written. */
  check?(answers: Readonly<Record<string, unknown>>, input: LanguagePlanInput): FieldError[];
  /** Answers adjusted for a starter app (which comes with its own lockfile, say). */
  forStarter?(r: ResolvedAnswers): ResolvedAnswers;
  /** True when the folder already holds an app for these answers (then no starter is written). */
  hasApp(r: Pick<ResolvedAnswers, 'framework' | 'entrypoint'> & Partial<ResolvedAnswers>, project: ProjectSnapshot): boolean;
  /** The image's CMD (exec form): the answers' `command`, or the framework's production server as this project runs it. */
  command(input: LanguagePlanInput): string[];
  /** Folders the app writes into at run time (uploads), as absolute paths in the container: the Dockerfile makes them writable, the plan gives each a volume. */
  dataPaths?(input: LanguagePlanInput): Array<{ path: string; evidence: string }>;
  /** The Dockerfile's text. */
  dockerfile(input: LanguagePlanInput): string;
  /**
   * When the image needs files above the app's folder (a workspace's lockfile
   * and the packages the app depends on): that folder, relative to the
   * repository's root, as the build context, what of it the build never needs
   * (.dockerignore patterns, relative to it), and why.
   */
  buildContext?(input: LanguagePlanInput): BuildContext | undefined;
  /** Dependency manifests the image needs (merged with the user's) and the starter app's files. */
  files(input: LanguagePlanInput): ProviderFile[];
  /** What the user should know about their project (also written to README.Docker.md). */
  notes(input: LanguagePlanInput): string[];
  /** The app's migrations and workers, run from its own image. */
  processes?(input: LanguagePlanInput): Process[];
  /** How the app runs in development (answers' `dev`); none: every change rebuilds the image (a compiled app). */
  dev?(input: LanguagePlanInput): DevSetup | undefined;
  /**
   * README.Docker.md's account of the image, when the usual one (one slim
   * runtime image in every stage, a healthcheck run with that runtime, a shell
   * to exec into) is not true of this language's images: the bullets of "How
   * the image is built", and the command for a shell in the app's container
   * (null: the image has none).
   */
  readme?(input: LanguagePlanInput): { image: string[]; shell: string | null };
  /** Said after a starter app was written, e.g. how to work on it outside Docker. */
  starterHint?: string;
  /** Image tags the provider can write besides its runtime images (for --list-images). */
  extraImages?: readonly string[];
}

export interface BuildContext {
  dir: string;
  ignore: readonly string[];
  why: string;
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

/** How a service is recognised in a project written in one language. */
export interface ServiceClients {
  /** Package names (normalised as the language's provider normalises them) whose presence means the app uses the service. */
  packages: readonly string[];
  /** The packages a starter app of this language uses (keys of the language's pins in versions.ts). */
  starter: readonly string[];
}

/** What identifies a service in a project, for services we generate and those we only recognise. */
export interface ServiceRecognition {
  id: string;
  title: string;
  /** What the app uses it for: a database gets the app's migrations. */
  kind: 'database' | 'cache' | 'queue' | 'search';
  /** Client packages, keyed by language id. */
  clients: Readonly<Record<string, ServiceClients>>;
  /** URL schemes that name the service in settings or .env.example (`postgresql` in postgresql://...). */
  urlSchemes: readonly string[];
  /** Job queues (Celery, RQ, BullMQ) can use it as their broker: their workers are planned only beside one. */
  broker?: boolean;
}

/** A backing service: one file under src/services/, listed in src/services/index.ts. */
export interface ServiceEntry extends ServiceRecognition {
  image: string;
  port: number;
  /** Named volume and where the service keeps its data (none for a cache that keeps nothing, like Memcached). */
  volume?: { name: string; target: string };
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
  /** What the app's URL variable is called (DATABASE_URL, REDIS_URL). */
  urlVar: string;
  /**
   * A variable the app reads under a name of its own (POSTGRES_SERVER,
   * DB_PASSWORD, SQLALCHEMY_DATABASE_URI, REDIS_HOST): the spec that points it
   * at this service (the host is the compose service name, passwords are the
   * generated ones), or undefined when the name is not about this service.
   * `example` is the value .env.example gives it (a URL keeps its scheme: postgresql+asyncpg://).
   */
  wire?(key: string, example: string | undefined): EnvVarSpec | undefined;
  /** Commands README.Docker.md lists for this service ("A psql session"). */
  readme?(ctx: EntryContext): ReadonlyArray<{ task: string; command: string }>;
  /** A paragraph README.Docker.md adds under Secrets. */
  secretsNote?: string;
  /** How README.Docker.md sums up its Kubernetes manifests ("Redis with its volume claim and Service"). */
  k8sSummary: string;
}
