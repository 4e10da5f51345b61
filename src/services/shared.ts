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

/** An ADO.NET connection string for a SQL server other than SQL Server's own (Host=... or Server=..., no Windows login, no Initial Catalog). */
export const ADO_SQL = /^(?!.*(?:trusted_connection|integrated security|\(localdb\)|initial catalog|data source\s*=))(?:.*;)?\s*(?:host|server)\s*=/i;

/** How a service is written as a .NET connection string (see connectionStringVariable). */
export interface ConnectionStringParts {
  /** The compose service name. */
  host: string;
  /** Connection string names that mean this service when the example does not say (Default, Redis, ...). */
  names: RegExp;
  /** Whether an example value (appsettings.json's) is in this service's format. */
  looksLike: (example: string) => boolean;
  /** The connection string, from the values decided before it. */
  value: (env: Readonly<Record<string, string>>) => string;
  /** The same, with placeholders (for .env.example). */
  example: string;
}

/**
 * A .NET connection string the app reads from configuration: `ConnectionStrings__<Name>`,
 * the environment's name for appsettings.json's "ConnectionStrings": {"<Name>": ...}.
 * The spec when the example is in this service's format, or when there is no
 * example and the name is one of `names`.
 */
export function connectionStringVariable(key: string, example: string | undefined, parts: ConnectionStringParts): EnvVarSpec | undefined {
  const name = /^ConnectionStrings__([A-Za-z0-9_.-]+)$/i.exec(key)?.[1];
  if (!name) return undefined;
  const ours = example ? parts.looksLike(example) : parts.names.test(name);
  if (!ours) return undefined;
  return { key, comment: `The app reads ConnectionStrings:${name}: the ${parts.host} connection string`, secret: true, example: parts.example, value: (_c, env) => parts.value(env) };
}

/** How a SQL service is written as a JDBC setting (see jdbcVariable). */
export interface JdbcParts {
  /** The compose service name and port. */
  host: string;
  port: number;
  /** JDBC subprotocols the server speaks; the first is used unless the example names another of them (jdbc:mysql:// for MariaDB). */
  subprotocols: readonly string[];
  user: (env: Readonly<Record<string, string>>) => string;
  password: (env: Readonly<Record<string, string>>) => string;
  database: (env: Readonly<Record<string, string>>) => string;
}

/**
 * A JDBC setting a Java app reads: Spring Boot's SPRING_DATASOURCE_URL /
 * _USERNAME / _PASSWORD, Quarkus' QUARKUS_DATASOURCE_JDBC_URL and the like,
 * or any *_URL whose example is a jdbc: URL. The URL holds no password (the
 * driver takes it apart), so only the password is a secret.
 */
export function jdbcVariable(key: string, example: string | undefined, parts: JdbcParts): EnvVarSpec | undefined {
  const m = /^((?:SPRING|QUARKUS)_DATASOURCE|JDBC_DATABASE|JDBC|DATASOURCE)_(JDBC_URL|URL|USERNAME|USER|PASSWORD)$/.exec(key);
  const jdbcExample = /^jdbc:([a-z0-9]+):/i.exec(example ?? '')?.[1]?.toLowerCase();
  const part = m?.[2] ?? (jdbcExample && /_(URL|URI)$/.test(key) ? 'URL' : undefined);
  if (!part) return undefined;
  if (jdbcExample && !parts.subprotocols.includes(jdbcExample)) return undefined;
  const comment = (what: string) => `The app reads ${key}: ${what}`;
  if (part === 'URL' || part === 'JDBC_URL') {
    const sub = jdbcExample ?? (parts.subprotocols[0] as string);
    const url = (env: Readonly<Record<string, string>>) => `jdbc:${sub}://${parts.host}:${parts.port}/${parts.database(env) || 'DATABASE'}`;
    return { key, comment: comment(`the ${parts.host} JDBC URL (the user and password are set apart)`), example: url({}), value: (_c, env) => url(env) };
  }
  if (part === 'PASSWORD') return { key, comment: comment(`the ${parts.host} password`), secret: true, example: 'change-me', value: (_c, env) => parts.password(env) };
  return { key, comment: comment(`the ${parts.host} user`), value: (_c, env) => parts.user(env) };
}
