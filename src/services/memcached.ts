import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { ServiceEntry } from '../core/provider.js';
import { versions } from '../versions.js';
import { healthcheck, podTemplate, serviceFor, swarmDeploy, wireVariable } from './shared.js';

const image = versions.services.memcached;
/** The image has no nc or telnet: bash (it is Debian-based) opens the TCP connection, asks for the stats and reads them. */
const STATS = 'exec 3<>/dev/tcp/127.0.0.1/11211 && printf "stats\\r\\nquit\\r\\n" >&3 && grep -q "STAT pid" <&3';
const check = ['CMD', 'bash', '-c', STATS];
const probe = { exec: { command: ['bash', '-c', STATS] }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 };
const servers = (scheme: string | undefined) => `${scheme ? `${scheme}://` : ''}memcached:11211`;

/** Memcached: a cache that keeps nothing on disk (no volume) and has no password (only the project's containers reach it). */
export const memcached: ServiceEntry = {
  id: 'memcached',
  title: 'Memcached',
  kind: 'cache',
  image,
  port: 11211,
  urlVar: 'MEMCACHED_SERVERS',
  clients: {
    python: { packages: ['pymemcache', 'python-memcached', 'pylibmc', 'aiomcache', 'django-pylibmc'], starter: [] },
    node: { packages: ['memjs', 'memcached', '@keyv/memcache'], starter: [] },
    go: { packages: ['github.com/bradfitz/gomemcache'], starter: [] },
    rust: { packages: ['memcache', 'async-memcached'], starter: [] },
    ruby: { packages: ['dalli'], starter: [] },
    dotnet: { packages: ['enyimmemcachedcore'], starter: [] },
    php: { packages: ['ext-memcached'], starter: [] },
    java: { packages: ['net.spy:spymemcached', 'com.googlecode.xmemcached:xmemcached'], starter: [] },
  },
  urlSchemes: ['memcached', 'memcache'],
  env: [
    {
      key: 'MEMCACHED_SERVERS',
      comment: 'Memcached: the app connects to this host:port ("memcached" is the compose service name; no password, only this project\'s containers reach it)',
      value: () => servers(undefined),
    },
  ],
  wire: (key, example) => {
    const spec = wireVariable(key, example, {
      stems: ['MEMCACHED', 'MEMCACHE'],
      urlNames: ['MEMCACHED_SERVERS', 'MEMCACHE_SERVERS', 'MEMCACHIER_SERVERS', 'CACHE_LOCATION'],
      host: 'memcached',
      port: 11211,
      url: (_env, scheme) => servers(scheme),
      schemes: ['memcached', 'memcache'],
    });
    // No password in it: a setting like any other (the ConfigMap, the stack file), not a secret.
    return spec && { ...spec, secret: false, example: undefined };
  },
  compose: () => ({
    image,
    restart: 'unless-stopped',
    healthcheck: healthcheck(check, '5s'),
  }),
  composeComments: {
    image: 'A cache: it keeps nothing on disk (no volume), and a restart empties it',
    'healthcheck.test': 'The image has no nc: bash asks memcached for its stats over TCP',
  },
  swarm: () => ({
    service: {
      image,
      healthcheck: healthcheck(check, '5s'),
      deploy: swarmDeploy('256M'),
    },
    secrets: [],
  }),
  kubernetes: (k) => [
    serviceFor(k, 'memcached', 11211, false),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'memcached', labels: k.labels('memcached') },
      spec: {
        replicas: 1,
        selector: { matchLabels: k.selector('memcached') },
        template: podTemplate(k, 'memcached', {
          name: 'memcached',
          image,
          ports: [{ name: 'memcached', containerPort: 11211 }],
          readinessProbe: probe,
          livenessProbe: { ...probe, initialDelaySeconds: 10 },
          resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
          securityContext: { allowPrivilegeEscalation: false },
        }),
      },
    } satisfies IDeployment,
  ],
  readme: () => [{ task: "Memcached's stats", command: `docker compose exec memcached bash -c 'exec 3<>/dev/tcp/127.0.0.1/11211 && printf "stats\\r\\nquit\\r\\n" >&3 && cat <&3'` }],
  k8sSummary: 'Memcached as a Deployment with a Service (no storage: a cache)',
};
