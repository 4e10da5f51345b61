import type { DeployTarget, FrameworkId, Language, PackageManager, ServiceId } from '../catalogue/types.js';

/**
 * The answers: what a user tells the generator, through prompts or a JSON
 * answers file. This one type is the contract for the prompts, the CLI, the
 * Yeoman generator and schema/answers.schema.json.
 */
export interface Answers {
  /** Editor hint, ignored. */
  $schema?: string;
  /** Project name: the Compose project, the image name, the database name. */
  name: string;
  language: Language;
  framework: FrameworkId;
  /** Backing services the app needs. */
  services?: ServiceId[];
  /** Port the app listens on in the container. Default: the framework's usual port. */
  port?: number;
  /** Python (3.11-3.13) or Node.js (22, 24, 26) major version. */
  runtimeVersion?: string;
  /** Node only. Default: from the lockfile present, else npm. */
  packageManager?: PackageManager;
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
}

/** Facts about the target folder that defaults depend on (read by the front ends, pure data). */
export interface ProjectFacts {
  /** A suggested project name (the folder name, normalised). */
  suggestedName?: string;
  /** Package manager implied by the lockfile present, if any. */
  lockfileManager?: PackageManager;
}

/** Answers with every default applied. */
export interface ResolvedAnswers {
  name: string;
  language: Language;
  framework: FrameworkId;
  services: ServiceId[];
  port: number;
  runtimeVersion: string;
  /** null for Python. */
  packageManager: PackageManager | null;
  entrypoint: string;
  command: string[] | null;
  healthPath: string;
  starter: boolean;
  env: Record<string, string>;
  exposeServices: boolean;
  deploy: DeployTarget[];
  replicas: number;
  image: string;
}
