import type { EntryContext, EnvVarSpec, Framework } from '../../core/provider.js';

/** A starter app file: its path in the project and its template (under this language's templates/starters/). */
export interface StarterFile {
  path: string;
  template: string;
}

/** What a Python framework adds to the core's Framework. */
export interface PythonFramework extends Framework {
  /** Requirement names (keys of versions.python) a starter app's requirements.txt lists: the framework and its production server. */
  requirements: readonly string[];
  /** The production server the start command runs (a key of versions.python), and the requirements that already provide it. */
  server(entrypoint: string): { requirement: string; providedBy: readonly string[] };
  /** Distributions whose presence in the project's dependencies means this framework (PEP 503 names). */
  packages: readonly string[];
  /** The class an app module instantiates (`app = FastAPI(...)`), for finding the entry point. */
  appClass?: string;
  /** What the entry point names: an application object (`module:app`) or a Django project package. */
  entry: 'app' | 'package';
  /** The development server with its live reload (docker-compose.override.yml), and what reloads it. */
  dev(ctx: EntryContext, has: (file: string) => boolean): { command: string[]; reload: string };
  starter: {
    /** Files whose presence means an app already exists (any one is enough). */
    appMarkers(ctx: EntryContext): string[];
    files(ctx: EntryContext): StarterFile[];
    /** What this framework's starter templates print beyond the common view. */
    view(ctx: EntryContext): Record<string, unknown>;
  };
}

/** gunicorn, the production WSGI server, bound to every interface of the container. */
export const gunicorn = (target: string, port: number) => [
  'gunicorn',
  '--bind',
  `0.0.0.0:${port}`,
  // One line per request on stdout, so `docker compose logs` shows traffic.
  '--access-logfile',
  '-',
  target,
];

/** Both servers read their worker count from here (gunicorn's --workers and uvicorn's default). */
export const WEB_CONCURRENCY: EnvVarSpec = { key: 'WEB_CONCURRENCY', comment: 'Worker processes of the server (gunicorn and uvicorn read this)', value: () => '2' };
