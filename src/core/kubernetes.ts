// Types only (a dev dependency, erased from the build): a misspelt field fails the type check.
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IService } from 'kubernetes-models/v1/Service';
import type { ResolvedAnswers } from './answers.js';
import { processImage, type K8sContext, type Process } from './provider.js';
import { frameworkOf, providerOf, servicesOf } from './registry.js';
import { deployedVariables, isSecret } from './env.js';
import { mergeEnv, rawEnvValue } from './dotenv.js';
import { toYaml, toYamlStream } from './yaml.js';

/** Kubernetes object names are DNS-1123 labels: our names with "_" as "-". */
export const k8sName = (name: string) => name.replace(/_/g, '-');

export function k8sContext(r: ResolvedAnswers): K8sContext {
  const name = k8sName(r.name);
  const selector = (component: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': component });
  const configMap = `${name}-config`;
  const secret = `${name}-secrets`;
  return {
    name,
    selector,
    labels: (component) => ({ ...selector(component), 'app.kubernetes.io/part-of': name }),
    configMap,
    secret,
    fromConfig: (key) => ({ name: key, valueFrom: { configMapKeyRef: { name: configMap, key } } }),
    fromSecret: (key, envName = key) => ({ name: envName, valueFrom: { secretKeyRef: { name: secret, key } } }),
  };
}

/**
 * A pod of the app's image (the app itself, its migration Job, a worker): its
 * settings and secrets, non-root with a read-only root file system, and the
 * writable paths the framework needs. `container` adds or replaces fields.
 */
function appPod(r: ResolvedAnswers, k: K8sContext, values: ReadonlyMap<string, string>, component: string, container: Partial<IContainer> & { name: string }): IPodTemplateSpec & { spec: IPodSpec } {
  const fw = frameworkOf(r);
  const uid = providerOf(r).uid;
  const appVars = deployedVariables(r, values).filter((v) => (v.spec.readBy ?? 'app') === 'app');
  const secretEnv = appVars.filter((v) => isSecret(v.spec)).map((v) => k.fromSecret(v.spec.key));
  // The framework's scratch paths, and what the app writes (an emptyDir each: a PersistentVolumeClaim keeps the files, see README.Docker.md).
  const writable = [...(fw.writablePaths ?? ['/tmp']), ...r.dataPaths.map((d) => d.path)];
  const volumeName = (path: string) => path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return {
    metadata: { labels: k.labels(component) },
    spec: {
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, runAsUser: uid, runAsGroup: uid, fsGroup: uid, seccompProfile: { type: 'RuntimeDefault' as const } },
      containers: [
        {
          image: r.image,
          imagePullPolicy: 'IfNotPresent' as const,
          envFrom: [{ configMapRef: { name: k.configMap } }],
          ...(secretEnv.length ? { env: secretEnv } : {}),
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
          volumeMounts: writable.map((path) => ({ name: volumeName(path), mountPath: path })),
          ...container,
        },
      ],
      volumes: writable.map((path) => ({ name: volumeName(path), emptyDir: {} })),
    },
  };
}

/** The app's migrations as a Job, and its workers as Deployments, of the same image. */
function processManifests(r: ResolvedAnswers, k: K8sContext, values: ReadonlyMap<string, string>, processes: readonly Process[]): Record<string, unknown>[] {
  return processes.map((p) => {
    const name = `${k.name}-${p.name}`;
    if (p.lifecycle === 'once') {
      const pod = appPod(r, k, values, p.name, { name: p.name, command: [...p.command], ...(p.target ? { image: processImage(r.image, p.target.stage) } : {}) });
      return {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name, labels: k.labels(p.name) },
        spec: {
          backoffLimit: 6,
          // Deleted a while after it succeeds, so the next `kubectl apply -k` runs it again for the new image.
          ttlSecondsAfterFinished: 300,
          template: { ...pod, spec: { ...pod.spec, restartPolicy: 'OnFailure' } },
        },
      } satisfies IJob;
    }
    const probe = p.healthcheck ? { exec: { command: [...p.healthcheck] }, periodSeconds: 30, timeoutSeconds: 10, failureThreshold: 3 } : undefined;
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: k.labels(p.name) },
      spec: {
        replicas: 1,
        selector: { matchLabels: k.selector(p.name) },
        template: appPod(r, k, values, p.name, { name: p.name, command: [...p.command], ...(p.target ? { image: processImage(r.image, p.target.stage) } : {}), ...(probe ? { livenessProbe: probe } : {}) }),
      },
    } satisfies IDeployment;
  });
}

/** The app's Deployment and Service. */
function appManifests(r: ResolvedAnswers, k: K8sContext, values: ReadonlyMap<string, string>): Record<string, unknown>[] {
  const fw = frameworkOf(r);
  const headers = Object.entries(fw.probeHeaders ?? {}).map(([name, value]) => ({ name, value }));
  const httpHeaders = headers.length ? { httpHeaders: headers } : {};
  // Kubernetes counts only 2xx/3xx as healthy: without a health route of the app's own, a TCP connect is the check.
  const httpGet = r.healthCheck === 'route' ? { httpGet: { path: r.healthPath, port: 'http', ...httpHeaders } } : { tcpSocket: { port: 'http' } };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: k.name, labels: k.labels('app') },
      spec: {
        replicas: r.replicas,
        revisionHistoryLimit: 5,
        // Rolling updates never go below the wanted replicas.
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        selector: { matchLabels: k.selector('app') },
        template: appPod(r, k, values, 'app', {
          name: 'app',
          ports: [{ name: 'http', containerPort: r.port }],
          startupProbe: { ...httpGet, periodSeconds: 2, timeoutSeconds: 3, failureThreshold: 60 },
          readinessProbe: { ...httpGet, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
          livenessProbe: { ...httpGet, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 },
        }),
      },
    } satisfies IDeployment,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: k.name, labels: k.labels('app') },
      spec: { selector: k.selector('app'), ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    } satisfies IService,
  ];
}

export interface K8sFile {
  path: string;
  content: string;
  purpose: string;
  /** secrets.env: extended, never replaced (it holds the deployed secrets), and readable by its owner only. */
  secrets?: true;
}

/** Every file under k8s/; `existingSecrets` is the k8s/secrets.env already there. */
export function renderKubernetes(r: ResolvedAnswers, values: ReadonlyMap<string, string>, existingSecrets: string | undefined, processes: readonly Process[] = []): K8sFile[] {
  const k = k8sContext(r);
  const header = (what: string) => [`${what} for ${r.name}, written by generator-dockerize. Apply everything with: kubectl apply -k k8s/`];
  const vars = deployedVariables(r, values);
  const config = Object.fromEntries(vars.filter((v) => !isSecret(v.spec)).map((v) => [v.spec.key, v.value]));
  const secrets = vars.filter((v) => isSecret(v.spec)).map((v) => ({ key: v.spec.key, value: v.value }));
  const files: K8sFile[] = [
    {
      path: 'k8s/namespace.yaml',
      purpose: 'Kubernetes: a namespace for the project',
      content: toYaml({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: k.name, labels: { 'app.kubernetes.io/part-of': k.name } } } satisfies INamespace, { header: header('Namespace') }),
    },
    {
      path: 'k8s/config.yaml',
      purpose: 'Kubernetes: non-secret settings (ConfigMap)',
      content: toYaml(
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: k.configMap, labels: { 'app.kubernetes.io/part-of': k.name } }, data: config } satisfies IConfigMap,
        { header: [...header('Non-secret settings'), 'After changing a value: kubectl -n ' + k.name + ' rollout restart deployment'] },
      ),
    },
    {
      path: 'k8s/app.yaml',
      purpose: 'Kubernetes: the app Deployment (probes, limits, non-root, read-only root) and its Service',
      content: toYamlStream(appManifests(r, k, values), header('The app: Deployment and Service')),
    },
  ];
  for (const [p, manifest] of processes.map((x, n) => [x, processManifests(r, k, values, processes)[n]] as const)) {
    files.push({
      path: `k8s/${p.name}.yaml`,
      purpose: p.lifecycle === 'once' ? `Kubernetes: a Job that ${p.purpose.charAt(0).toLowerCase()}${p.purpose.slice(1)}` : `Kubernetes: ${p.purpose.toLowerCase()} (a Deployment of the app's image)`,
      content: toYaml(manifest, { header: header(p.lifecycle === 'once' ? `The ${p.name} Job` : `The ${p.name} Deployment`) }),
    });
  }
  for (const s of servicesOf(r)) {
    files.push({
      path: `k8s/${s.id}.yaml`,
      purpose: `Kubernetes: ${s.title} with its storage and Service`,
      content: toYamlStream(s.kubernetes(k), header(s.title)),
    });
  }
  const kustomization: Record<string, unknown> = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: k.name,
    resources: files.map((f) => f.path.replace(/^k8s\//, '')),
    ...(secrets.length ? { secretGenerator: [{ name: k.secret, envs: ['secrets.env'] }] } : {}),
  };
  files.push({
    path: 'k8s/kustomization.yaml',
    purpose: 'Kubernetes: kustomize entry point (kubectl apply -k k8s/); generates the Secret from k8s/secrets.env',
    content: toYaml(kustomization, {
      header: [...header('Kustomize entry point'), 'The Secret is generated from secrets.env (same values as ../.env, git-ignored): deploy from a checkout that has it.'],
    }),
  });
  if (secrets.length) {
    files.push({
      path: 'k8s/secrets.env',
      purpose: 'Kubernetes: the secrets kustomize turns into a Secret (same values as .env; not committed)',
      // kubectl's env-file format: raw values, no quoting.
      content: mergeEnv(existingSecrets, ['Secrets for kustomize (secretGenerator), the same values as ../.env. Never commit this file.'], [{ entries: secrets }], rawEnvValue),
      secrets: true,
    });
  }
  return files;
}
