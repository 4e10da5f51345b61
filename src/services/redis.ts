import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { swarmSecretName, swarmSecretPath, type ServiceEntry } from '../core/provider.js';
import { versions } from '../versions.js';
import { connectionStringVariable, healthcheck, podTemplate, probe, required, serviceFor, swarmDeploy, wireVariable } from './shared.js';

const image = versions.services.redis;

export const redis: ServiceEntry = {
  id: 'redis',
  title: 'Redis',
  kind: 'cache',
  broker: true,
  image,
  port: 6379,
  volume: { name: 'redis-data', target: '/data' },
  urlVar: 'REDIS_URL',
  clients: {
    python: { packages: ['redis', 'django-redis', 'rq', 'aioredis', 'arq', 'celery[redis]', 'flask-redis', 'django-rq', 'channels-redis', 'walrus'], starter: ['redis'] },
    node: { packages: ['redis', 'ioredis', '@redis/client', 'bullmq', 'bull', 'bee-queue', 'connect-redis', 'rate-limit-redis', 'cache-manager-redis-store', '@keyv/redis'], starter: ['redis'] },
    // Go: module paths from go.mod; the starter checks Redis with the standard library (net).
    go: { packages: ['github.com/redis/go-redis/v9', 'github.com/go-redis/redis/v8', 'github.com/go-redis/redis/v7', 'github.com/go-redis/redis', 'gopkg.in/redis.v5', 'github.com/gomodule/redigo', 'github.com/redis/rueidis', 'github.com/hibiken/asynq'], starter: ['net'] },
    // Rust: crate names from Cargo.toml; the starter checks Redis over tokio's TcpStream.
    rust: { packages: ['redis', 'deadpool-redis', 'fred', 'bb8-redis', 'mobc-redis', 'apalis-redis'], starter: ['tokio'] },
    // Ruby: gem names; Sidekiq and Resque keep their queues in Redis. The starter checks Redis with the standard library (socket).
    ruby: { packages: ['redis', 'redis-client', 'hiredis', 'hiredis-client', 'sidekiq', 'resque', 'redis-rails', 'redis-store', 'redis-namespace', 'kredis', 'redis-objects'], starter: ['socket'] },
    // .NET: NuGet ids, lowercase; the starter checks Redis with System.Net.Sockets.
    dotnet: { packages: ['stackexchange.redis', 'microsoft.extensions.caching.stackexchangeredis', 'aspnetcore.healthchecks.redis', 'microsoft.aspnetcore.dataprotection.stackexchangeredis', 'stackexchange.redis.extensions.core', 'hangfire.redis.stackexchange'], starter: ['system.net.sockets'] },
    // PHP: Composer packages and ext-redis; the starter checks Redis over a socket (fsockopen).
    php: { packages: ['ext-redis', 'predis/predis', 'snc/redis-bundle', 'symfony/redis-messenger'], starter: ['fsockopen'] },
    // Java: Maven/Gradle coordinates (groupId:artifactId, lowercase); the starter checks Redis with java.net.
    java: { packages: ['redis.clients:jedis', 'io.lettuce:lettuce-core', 'org.springframework.boot:spring-boot-starter-data-redis', 'org.springframework.boot:spring-boot-starter-data-redis-reactive', 'org.redisson:redisson', 'org.redisson:redisson-spring-boot-starter', 'io.quarkus:quarkus-redis-client', 'org.springframework.session:spring-session-data-redis'], starter: ['java.net'] },
  },
  urlSchemes: ['redis', 'rediss'],
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
  wire: (key, example) =>
    // .NET: StackExchange.Redis's configuration string (ConnectionStrings__Redis: host:port,password=...).
    connectionStringVariable(key, example, {
      host: 'redis',
      names: /redis|cache/i,
      looksLike: (e) => /^(rediss?:\/\/|[\w.-]+(:\d+)?(,|$))/i.test(e),
      value: (env) => `redis:6379,password=${env.REDIS_PASSWORD ?? ''}`,
      example: 'redis:6379,password=PASSWORD',
    }) ??
    wireVariable(key, example, {
      stems: ['REDIS', 'CACHE_REDIS', 'BROKER', 'QUEUE_REDIS', 'BULL_REDIS', 'SESSION_REDIS'],
      urlNames: ['CELERY_RESULT_BACKEND', 'RESULT_BACKEND', 'QUARKUS_REDIS_HOSTS'],
      host: 'redis',
      port: 6379,
      user: () => 'default',
      password: (env) => env.REDIS_PASSWORD ?? '',
      database: () => '0',
      url: (env, scheme) => `${scheme ?? 'redis'}://default:${encodeURIComponent(env.REDIS_PASSWORD ?? 'PASSWORD')}@redis:6379/0`,
      schemes: ['redis', 'rediss'],
    }),
  compose: () => ({
    image,
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
      image,
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
            image,
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
  readme: () => [{ task: 'A `redis-cli` session', command: 'docker compose exec redis redis-cli' }],
  k8sSummary: 'Redis with its volume claim and Service',
};
