/** Helpers the service files share: Compose interpolation, healthchecks, Swarm deploy settings, Kubernetes pieces. */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { EntryContext, K8sContext } from '../core/provider.js';

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
