// Types only (a dev dependency, erased from the build): a misspelt field fails the type check.
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { swarmSecretName, swarmSecretPath, type EntryContext, type K8sContext, type ServiceEntry, type ServiceId } from './types.js';
import { versions } from './versions.js';

/** A compose interpolation that stops `docker compose` with a clear message when .env lacks the variable. */
export const required = (key: string) => `\${${key}:?set ${key} in .env}`;

/** Database and user names derived from the project name (Postgres identifiers: no dashes). */
export const dbIdentifier = (ctx: EntryContext) => ctx.name.replace(/[^a-z0-9_]/g, '_');

/** Swarm: how each service restarts, and what it may use (one replica: its volume lives on one node). */
const swarmDeploy = (memory: string) => ({
  replicas: 1,
  restart_policy: { condition: 'any', delay: '5s' },
  resources: { limits: { cpus: '1', memory }, reservations: { memory: '64M' } },
});

/** Compose and Swarm healthchecks: the probes are cheap, so a short interval lets the app start sooner. */
const healthcheck = (test: string[], startPeriod: string) => ({ test, interval: '3s', timeout: '5s', retries: 10, start_period: startPeriod });
const pgIsReady = (user: string, db: string) => ['CMD', 'pg_isready', '-h', '127.0.0.1', '-U', user, '-d', db];

/** Kubernetes probes and storage. */
const probe = (command: string) => ({ exec: { command: ['sh', '-c', command] }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 });
const dataClaim = (size: string) => ({ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce' as const], resources: { requests: { storage: size } } } });
/** A service's pod: its labels, the runtime's default seccomp profile, one container (and its volumes). */
const podTemplate = (k: K8sContext, name: string, container: IContainer, volumes?: IVolume[]) => ({
  metadata: { labels: k.labels(name) },
  spec: { securityContext: { seccompProfile: { type: 'RuntimeDefault' as const } }, containers: [container], ...(volumes ? { volumes } : {}) },
});
const serviceFor = (k: K8sContext, name: string, port: number, headless: boolean) =>
  ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: k.labels(name) },
    spec: { ...(headless ? { clusterIP: 'None' } : {}), selector: k.selector(name), ports: [{ name, port, targetPort: name }] },
  }) satisfies IService;

export const services: Record<ServiceId, ServiceEntry> = {
  postgres: {
    id: 'postgres',
    title: 'PostgreSQL',
    image: versions.services.postgres,
    port: 5432,
    volume: { name: 'postgres-data', target: '/var/lib/postgresql/data' },
    urlVar: 'DATABASE_URL',
    env: [
      { key: 'POSTGRES_USER', comment: 'PostgreSQL: the postgres container creates this user and database on its first start', value: dbIdentifier, readBy: 'service' },
      { key: 'POSTGRES_PASSWORD', secretLength: 32, readBy: 'service' },
      { key: 'POSTGRES_DB', value: dbIdentifier, readBy: 'service' },
      {
        key: 'DATABASE_URL',
        comment: 'The app connects with this URL ("postgres" is the compose service name)',
        example: 'postgresql://USER:PASSWORD@postgres:5432/DATABASE',
        secret: true,
        value: (_ctx, env) =>
          `postgresql://${env.POSTGRES_USER}:${encodeURIComponent(env.POSTGRES_PASSWORD ?? '')}@postgres:5432/${env.POSTGRES_DB}`,
      },
    ],
    compose: () => ({
      image: versions.services.postgres,
      restart: 'unless-stopped',
      environment: {
        POSTGRES_USER: required('POSTGRES_USER'),
        POSTGRES_PASSWORD: required('POSTGRES_PASSWORD'),
        POSTGRES_DB: required('POSTGRES_DB'),
      },
      volumes: ['postgres-data:/var/lib/postgresql/data'],
      healthcheck: healthcheck(pgIsReady('${POSTGRES_USER}', '${POSTGRES_DB}'), '10s'),
    }),
    composeComments: {
      'healthcheck.test': 'Healthy once the server accepts TCP connections (not during first-start initialisation)',
      'healthcheck.interval': 'pg_isready is cheap: a short interval lets the app start sooner',
      volumes: 'Data survives `docker compose down`; `down -v` deletes it',
    },
    swarm: (ctx) => ({
      service: {
        image: versions.services.postgres,
        environment: {
          POSTGRES_USER: dbIdentifier(ctx),
          POSTGRES_DB: dbIdentifier(ctx),
          POSTGRES_PASSWORD_FILE: swarmSecretPath('POSTGRES_PASSWORD'),
        },
        secrets: [swarmSecretName('POSTGRES_PASSWORD')],
        volumes: ['postgres-data:/var/lib/postgresql/data'],
        healthcheck: healthcheck(pgIsReady(dbIdentifier(ctx), dbIdentifier(ctx)), '10s'),
        deploy: swarmDeploy('1G'),
      },
      secrets: ['POSTGRES_PASSWORD'],
      comments: {
        volumes: 'A named volume lives on one node: keep the database there (deploy.placement.constraints, e.g. node.labels.db == true)',
        'environment.POSTGRES_PASSWORD_FILE': 'The image reads the password from the Docker secret file',
      },
    }),
    kubernetes: (k) => [
      serviceFor(k, 'postgres', 5432, true),
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'postgres', labels: k.labels('postgres') },
        spec: {
          serviceName: 'postgres',
          replicas: 1,
          selector: { matchLabels: k.selector('postgres') },
          template: podTemplate(k, 'postgres', {
            name: 'postgres',
            image: versions.services.postgres,
            ports: [{ name: 'postgres', containerPort: 5432 }],
            env: [
              k.fromConfig('POSTGRES_USER'),
              k.fromConfig('POSTGRES_DB'),
              k.fromSecret('POSTGRES_PASSWORD'),
              // A subfolder: the volume's root may hold lost+found, which initdb refuses.
              { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
            ],
            readinessProbe: probe('pg_isready -h 127.0.0.1 -U "$POSTGRES_USER" -d "$POSTGRES_DB"'),
            livenessProbe: { ...probe('pg_isready -h 127.0.0.1 -U "$POSTGRES_USER" -d "$POSTGRES_DB"'), initialDelaySeconds: 30 },
            resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
            securityContext: { allowPrivilegeEscalation: false },
            volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
          }),
          volumeClaimTemplates: [dataClaim('1Gi')],
        },
      } satisfies IStatefulSet,
    ],
    python: ['psycopg[binary]'],
    node: ['pg'],
  },
  redis: {
    id: 'redis',
    title: 'Redis',
    image: versions.services.redis,
    port: 6379,
    volume: { name: 'redis-data', target: '/data' },
    urlVar: 'REDIS_URL',
    env: [
      { key: 'REDIS_PASSWORD', comment: 'Redis: every client must authenticate with this password', secretLength: 32, readBy: 'service' },
      {
        key: 'REDIS_URL',
        comment: 'The app connects with this URL ("redis" is the compose service name)',
        example: 'redis://default:PASSWORD@redis:6379/0',
        secret: true,
        value: (_ctx, env) => `redis://default:${encodeURIComponent(env.REDIS_PASSWORD ?? '')}@redis:6379/0`,
      },
    ],
    compose: () => ({
      image: versions.services.redis,
      restart: 'unless-stopped',
      command: ['redis-server', '--requirepass', required('REDIS_PASSWORD'), '--appendonly', 'yes'],
      environment: {
        REDISCLI_AUTH: required('REDIS_PASSWORD'),
      },
      volumes: ['redis-data:/data'],
      healthcheck: healthcheck(['CMD-SHELL', 'redis-cli ping | grep -q PONG'], '5s'),
    }),
    composeComments: {
      command: 'Clients must authenticate; the append-only file keeps data across restarts',
      'environment.REDISCLI_AUTH': 'redis-cli (the healthcheck) reads the password from here',
      'healthcheck.interval': 'redis-cli ping is cheap: a short interval lets the app start sooner',
    },
    swarm: () => ({
      service: {
        image: versions.services.redis,
        command: ['sh', '-c', `exec redis-server --requirepass "$$(cat ${swarmSecretPath('REDIS_PASSWORD')})" --appendonly yes`],
        secrets: [swarmSecretName('REDIS_PASSWORD')],
        volumes: ['redis-data:/data'],
        healthcheck: healthcheck(['CMD-SHELL', `REDISCLI_AUTH="$$(cat ${swarmSecretPath('REDIS_PASSWORD')})" redis-cli ping | grep -q PONG`], '5s'),
        deploy: swarmDeploy('512M'),
      },
      secrets: ['REDIS_PASSWORD'],
      comments: {
        command: 'The image has no *_FILE support: read the password from the Docker secret file',
        volumes: 'A named volume lives on one node: keep Redis there (deploy.placement.constraints)',
      },
    }),
    kubernetes: (k) => [
      serviceFor(k, 'redis', 6379, false),
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'redis-data', labels: k.labels('redis') },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      } satisfies IPersistentVolumeClaim,
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'redis', labels: k.labels('redis') },
        spec: {
          replicas: 1,
          // One pod at a time: the volume can be mounted by one node only.
          strategy: { type: 'Recreate' },
          selector: { matchLabels: k.selector('redis') },
          template: podTemplate(
            k,
            'redis',
            {
              name: 'redis',
              image: versions.services.redis,
              // Kubernetes expands $(REDIS_PASSWORD) from the container's env: no shell needed.
              args: ['redis-server', '--requirepass', '$(REDIS_PASSWORD)', '--appendonly', 'yes'],
              ports: [{ name: 'redis', containerPort: 6379 }],
              env: [k.fromSecret('REDIS_PASSWORD'), k.fromSecret('REDIS_PASSWORD', 'REDISCLI_AUTH')],
              readinessProbe: probe('redis-cli ping | grep -q PONG'),
              livenessProbe: { ...probe('redis-cli ping | grep -q PONG'), initialDelaySeconds: 15 },
              resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
              securityContext: { allowPrivilegeEscalation: false },
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
            },
            [{ name: 'data', persistentVolumeClaim: { claimName: 'redis-data' } }],
          ),
        },
      } satisfies IDeployment,
    ],
    python: ['redis'],
    node: ['redis'],
  },
};
