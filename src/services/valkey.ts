import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { swarmSecretName, swarmSecretPath, type ServiceEntry } from '../core/provider.js';
import { versions } from '../versions.js';
import { connectionStringVariable, healthcheck, podTemplate, probe, required, serviceFor, swarmDeploy, wireVariable } from './shared.js';

const image = versions.services.valkey;
const url = (env: Readonly<Record<string, string>>, scheme: string | undefined) => `${scheme ?? 'redis'}://default:${encodeURIComponent(env.VALKEY_PASSWORD ?? 'PASSWORD')}@valkey:6379/0`;

/**
 * Valkey, the Redis fork, as an alternative to Redis: the app keeps its Redis
 * client and REDIS_URL. Detection picks it only from Valkey's own clients (or a
 * valkey:// URL, or its image in a compose file); a Redis client means Redis.
 */
export const valkey: ServiceEntry = {
  id: 'valkey',
  title: 'Valkey',
  kind: 'cache',
  broker: true,
  image,
  port: 6379,
  volume: { name: 'valkey-data', target: '/data' },
  urlVar: 'REDIS_URL',
  clients: {
    python: { packages: ['valkey', 'valkey-glide'], starter: [] },
    node: { packages: ['iovalkey', '@valkey/valkey-glide'], starter: [] },
    go: { packages: ['github.com/valkey-io/valkey-go', 'github.com/valkey-io/valkey-glide/go'], starter: [] },
    rust: { packages: ['valkey-glide'], starter: [] },
    dotnet: { packages: ['valkey.glide'], starter: [] },
    php: { packages: [], starter: ['fsockopen'] },
    java: { packages: ['io.valkey:valkey-java', 'io.valkey:valkey-glide'], starter: [] },
  },
  urlSchemes: ['valkey', 'valkeys'],
  env: [
    { key: 'VALKEY_PASSWORD', comment: 'Valkey: every client must authenticate with this password', secretLength: 32, readBy: 'service' },
    {
      key: 'REDIS_URL',
      comment: 'The app connects with this URL ("valkey" is the compose service name; Redis clients talk to Valkey as to Redis)',
      example: 'redis://default:PASSWORD@valkey:6379/0',
      secret: true,
      value: (_ctx, env) => url(env, undefined),
    },
  ],
  wire: (key, example) =>
    // .NET: StackExchange.Redis's configuration string, which Valkey answers as Redis does.
    connectionStringVariable(key, example, {
      host: 'valkey',
      names: /valkey|redis|cache/i,
      looksLike: (e) => /^(rediss?:\/\/|valkeys?:\/\/|[\w.-]+(:\d+)?(,|$))/i.test(e),
      value: (env) => `valkey:6379,password=${env.VALKEY_PASSWORD ?? ''}`,
      example: 'valkey:6379,password=PASSWORD',
    }) ??
    wireVariable(key, example, {
      stems: ['VALKEY', 'REDIS', 'CACHE_REDIS', 'BROKER', 'QUEUE_REDIS', 'BULL_REDIS', 'SESSION_REDIS'],
      urlNames: ['CELERY_RESULT_BACKEND', 'RESULT_BACKEND'],
      host: 'valkey',
      port: 6379,
      user: () => 'default',
      password: (env) => env.VALKEY_PASSWORD ?? '',
      database: () => '0',
      url,
      // Always redis:// (what every Redis and Valkey client reads: iovalkey takes valkey://host/0 for a socket path);
      // rediss:// and valkeys:// need TLS, which this server does not offer.
      schemes: ['redis'],
    }),
  compose: () => ({
    image,
    restart: 'unless-stopped',
    command: ['valkey-server', '--requirepass', required('VALKEY_PASSWORD'), '--appendonly', 'yes'],
    environment: {
      VALKEYCLI_AUTH: required('VALKEY_PASSWORD'),
      REDISCLI_AUTH: required('VALKEY_PASSWORD'),
    },
    volumes: ['valkey-data:/data'],
    healthcheck: healthcheck(['CMD-SHELL', 'valkey-cli ping | grep -q PONG'], '5s'),
  }),
  composeComments: {
    command: 'Clients must authenticate; the append-only file keeps data across restarts',
    environment: 'valkey-cli (the healthcheck) reads the password from here (VALKEYCLI_AUTH; REDISCLI_AUTH for older ones)',
    'healthcheck.interval': 'valkey-cli ping is cheap: a short interval lets the app start sooner',
  },
  swarm: () => ({
    service: {
      image,
      command: ['sh', '-c', `exec docker-entrypoint.sh valkey-server --requirepass "$$(cat ${swarmSecretPath('VALKEY_PASSWORD')})" --appendonly yes`],
      secrets: [swarmSecretName('VALKEY_PASSWORD')],
      volumes: ['valkey-data:/data'],
      healthcheck: healthcheck(['CMD-SHELL', `VALKEYCLI_AUTH="$$(cat ${swarmSecretPath('VALKEY_PASSWORD')})" REDISCLI_AUTH="$$(cat ${swarmSecretPath('VALKEY_PASSWORD')})" valkey-cli ping | grep -q PONG`], '5s'),
      deploy: swarmDeploy('512M'),
    },
    secrets: ['VALKEY_PASSWORD'],
    comments: {
      command: 'The image has no *_FILE support: read the password from the Docker secret file, then start as the image does',
      volumes: 'A named volume lives on one node: keep Valkey there (deploy.placement.constraints)',
    },
  }),
  kubernetes: (k) => [
    serviceFor(k, 'valkey', 6379, false),
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'valkey-data', labels: k.labels('valkey') },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    } satisfies IPersistentVolumeClaim,
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'valkey', labels: k.labels('valkey') },
      spec: {
        replicas: 1,
        // One pod at a time: the volume can be mounted by one node only.
        strategy: { type: 'Recreate' },
        selector: { matchLabels: k.selector('valkey') },
        template: podTemplate(
          k,
          'valkey',
          {
            name: 'valkey',
            image,
            // Kubernetes expands $(VALKEY_PASSWORD) from the container's env: no shell needed.
            args: ['valkey-server', '--requirepass', '$(VALKEY_PASSWORD)', '--appendonly', 'yes'],
            ports: [{ name: 'valkey', containerPort: 6379 }],
            env: [k.fromSecret('VALKEY_PASSWORD'), k.fromSecret('VALKEY_PASSWORD', 'VALKEYCLI_AUTH'), k.fromSecret('VALKEY_PASSWORD', 'REDISCLI_AUTH')],
            readinessProbe: probe('valkey-cli ping | grep -q PONG'),
            livenessProbe: { ...probe('valkey-cli ping | grep -q PONG'), initialDelaySeconds: 15 },
            resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
            securityContext: { allowPrivilegeEscalation: false },
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
          [{ name: 'data', persistentVolumeClaim: { claimName: 'valkey-data' } }],
        ),
      },
    } satisfies IDeployment,
  ],
  readme: () => [{ task: 'A `valkey-cli` session', command: 'docker compose exec valkey valkey-cli' }],
  k8sSummary: 'Valkey with its volume claim and Service',
};
