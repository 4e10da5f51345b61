/** Helpers the service files share: Compose interpolation, healthchecks, Swarm deploy settings, Kubernetes pieces. */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { EntryContext, EnvVarSpec, K8sContext } from '../core/provider.js';

/** A compose interpolation that stops `docker compose` with a clear message when .env lacks the variable. */
export const required = (key: string) => `\${${key}:?set ${key} in .env}`;

/** Database and user names derived from the project name (SQL identifiers: no dashes). */
export const dbIdentifier = (ctx: Pick<EntryContext, 'name'>) => ctx.name.replace(/[^a-z0-9_]/g, '_');

/** Swarm: how each service restarts, and what it may use (one replica: its volume lives on one node). */
export const swarmDeploy = (memory: string) => ({
  replicas: 1,
  restart_policy: { condition: 'any', delay: '5s' },
  resources: { limits: { cpus: '1', memory }, reservations: { memory: '64M' } },
});

/** Compose and Swarm healthchecks: the probes are cheap, so a short interval lets the app start sooner. */
export const healthcheck = (test: string[], startPeriod: string) => ({ test, interval: '3s', timeout: '5s', retries: 10, start_period: startPeriod });

/** Kubernetes probes and storage. */
export const probe = (command: string) => ({ exec: { command: ['sh', '-c', command] }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 });
export const dataClaim = (size: string) => ({ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce' as const], resources: { requests: { storage: size } } } });

/** A service's pod: its labels, the runtime's default seccomp profile, one container (and its volumes). */
export const podTemplate = (k: K8sContext, name: string, container: IContainer, volumes?: IVolume[]) => ({
  metadata: { labels: k.labels(name) },
  spec: { securityContext: { seccompProfile: { type: 'RuntimeDefault' as const } }, containers: [container], ...(volumes ? { volumes } : {}) },
});

export const serviceFor = (k: K8sContext, name: string, port: number, headless: boolean) =>
  ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: k.labels(name) },
    spec: { ...(headless ? { clusterIP: 'None' } : {}), selector: k.selector(name), ports: [{ name, port, targetPort: name }] },
  }) satisfies IService;

/** How a service is reached, for the variables an app reads under names of its own (see ServiceEntry.wire). */
export interface WireParts {
  /** Name stems that mean this service (POSTGRES, PG, DB, DATABASE): `<stem>_HOST`, `<stem>_PASSWORD`, `SQLALCHEMY_<stem>_URI`. */
  stems: readonly string[];
  /** Whole names that are this service's URL (CELERY_RESULT_BACKEND). */
  urlNames?: readonly string[];
  /** The compose service name and port. */
  host: string;
  port: number;
  user?: (env: Readonly<Record<string, string>>) => string;
  password?: (env: Readonly<Record<string, string>>) => string;
  database?: (env: Readonly<Record<string, string>>) => string;
  /** A Django settings module's ENGINE for it (SQL_ENGINE=django.db.backends.postgresql). */
  engine?: string;
  /** The URL, with the scheme the app's example used when it is one of the service's. */
  url: (env: Readonly<Record<string, string>>, scheme: string | undefined) => string;
  schemes: readonly string[];
}

const PART = {
  url: ['URL', 'URI', 'DSN', 'CONNECTION_STRING', 'CONNECTION_URL', 'CONN_STRING'],
  host: ['HOST', 'HOSTNAME', 'SERVER', 'ADDR', 'ADDRESS'],
  port: ['PORT'],
  user: ['USER', 'USERNAME'],
  password: ['PASSWORD', 'PASSWD', 'PASS', 'PWD', 'PSWD', 'PSWORD'],
  database: ['DB', 'NAME', 'DATABASE', 'DBNAME', 'DB_NAME'],
  engine: ['ENGINE', 'BACKEND'],
} as const;

/** The spec for `key` when it names one of the service's parts (`DB_HOST` -> the service name, `PG_PASSWORD` -> the generated password). */
export function wireVariable(key: string, example: string | undefined, parts: WireParts): EnvVarSpec | undefined {
  const schemeOf = (v: string | undefined) => {
    const s = /^([a-z][a-z0-9+.-]*):\/\//i.exec(v ?? '')?.[1]?.toLowerCase();
    return s && parts.schemes.includes(s) ? s : undefined;
  };
  const comment = (what: string) => `The app reads ${key}: ${what}`;
  if (parts.urlNames?.includes(key)) return { key, comment: comment(`the ${parts.host} URL`), secret: true, example: parts.url({}, schemeOf(example)).replace(/:[^:@/]*@/, ':PASSWORD@'), value: (_c, env) => parts.url(env, schemeOf(example)) };
  const stems = parts.stems.join('|');
  const suffixes = Object.values(PART).flat().sort((a, b) => b.length - a.length).join('|');
  const m = new RegExp(`^(?:[A-Z0-9]+_)*?(?:${stems})_?(${suffixes})$`).exec(key);
  if (!m) return undefined;
  const part = (Object.entries(PART) as Array<[keyof typeof PART, readonly string[]]>).find(([, names]) => names.includes(m[1] as string))?.[0];
  switch (part) {
    case 'url':
      return { key, comment: comment(`the ${parts.host} URL`), secret: true, example: parts.url({}, schemeOf(example)).replace(/:[^:@/]*@/, ':PASSWORD@'), value: (_c, env) => parts.url(env, schemeOf(example)) };
    case 'host':
      return { key, comment: comment(`"${parts.host}" is the compose service name`), value: () => parts.host };
    case 'port':
      return { key, comment: comment(`${parts.host}'s port`), value: () => String(parts.port) };
    case 'user':
      return parts.user ? { key, comment: comment(`the ${parts.host} user`), value: (_c, env) => parts.user?.(env) ?? '' } : undefined;
    case 'password':
      return parts.password ? { key, comment: comment(`the ${parts.host} password`), secret: true, example: 'change-me', value: (_c, env) => parts.password?.(env) ?? '' } : undefined;
    case 'database':
      return parts.database ? { key, comment: comment(`the ${parts.host} database`), value: (_c, env) => parts.database?.(env) ?? '' } : undefined;
    case 'engine':
      return parts.engine ? { key, comment: comment(`Django's database backend for ${parts.host}`), value: () => parts.engine ?? '' } : undefined;
    default:
      return undefined;
  }
}
