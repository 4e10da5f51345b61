import type { Detection } from './detect.js';
import type { EnvRead } from './provider.js';

/** Where an app's deployment files can go. */
export const DEPLOY_TARGETS = ['compose', 'swarm', 'kubernetes'] as const;
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];

/** CI services a workflow can be written for. */
export const CI_TARGETS = ['github', 'gitlab'] as const;
export type CiTarget = (typeof CI_TARGETS)[number];

/**
 * The answers: what a user tells the generator, through prompts or a JSON
 * answers file. This one type is the contract for the prompts, the CLI, the
 * Yeoman generator and schema/answers.schema.json. Every key may be left out:
 * detection (or a default) fills it.
 */
export interface Answers {
  /** Editor hint, ignored. */
  $schema?: string;
  /** The app's folder inside the repository (monorepos), relative to it. Default: the folder holding the only app. */
  app?: string;
  /** Project name: the Compose project, the image name, the database name. */
  name?: string;
  /** A language id of src/languages/ (python, node, ...). */
  language?: string;
  /** A framework id of that language. */
  framework?: string;
  /** Backing services the app needs (ids of src/services/). */
  services?: string[];
  /** Port the app listens on in the container. Default: the framework's usual port. */
  port?: number;
  /** The runtime's major (or major.minor) version. */
  runtimeVersion?: string;
  /** For languages with several (Node: npm, yarn, pnpm). Default: from the lockfile present. */
  packageManager?: string;
  /** What the server starts: module:attribute, Django project package, or JS file. */
  entrypoint?: string;
  /** Replaces the whole start command (exec form, one string per argument). */
  command?: string[];
  /** HTTP path the healthchecks call. */
  healthPath?: string;
  /** Write a minimal app when the folder has none. Default: true. */
  starter?: boolean;
  /** Extra non-secret settings for the app, written to .env. */
  env?: Record<string, string>;
  /** Also publish the database/cache ports, on 127.0.0.1 only. Default: false. */
  exposeServices?: boolean;
  /** What to generate deployment files for. Default: ["compose"]. */
  deploy?: DeployTarget[];
  /** App replicas for Swarm and Kubernetes. Default: 2. */
  replicas?: number;
  /** Image reference for Swarm and Kubernetes (pushed to a registry). Default: "<name>:latest". */
  image?: string;
  /** Also write docker-compose.override.yml: the app with live reload, for `docker compose up --watch`. Default: false. */
  dev?: boolean;
  /** CI workflows to write that build the image, start the stack, and push the image to a registry. Default: none. */
  ci?: CiTarget[];
}

/** What defaults depend on besides the answers: the folder's name and what detection found in it. */
export interface ProjectFacts {
  /** A suggested project name (the folder name, normalised). */
  suggestedName?: string;
  /** What detection found (answers win over it). */
  detected?: Detection;
}

/** Answers with every default applied. */
export interface ResolvedAnswers {
  /** "." or a relative folder. */
  app: string;
  name: string;
  language: string;
  framework: string;
  services: string[];
  port: number;
  runtimeVersion: string;
  /** null for languages with one way to install. */
  packageManager: string | null;
  entrypoint: string;
  command: string[] | null;
  healthPath: string;
  /**
   * route: healthPath is the app's own health route (answered, found, or the starter's), and must answer 2xx/3xx;
   * any-response: no route was found, so the check accepts any HTTP answer below 500 from healthPath ("/").
   */
  healthCheck: 'route' | 'any-response';
  starter: boolean;
  env: Record<string, string>;
  /** What the app reads besides what the generator writes for it (from detection): .env gets each, wired to the services. */
  appEnv: readonly EnvRead[];
  /** Folders the app writes into at run time (absolute, in the container), which the provider found: a volume each. Set by the plan. */
  dataPaths: ReadonlyArray<{ path: string; evidence: string }>;
  exposeServices: boolean;
  deploy: DeployTarget[];
  replicas: number;
  image: string;
  dev: boolean;
  ci: CiTarget[];
}
