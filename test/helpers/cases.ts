import { SERVICE_IDS, providers } from '../../src/core/registry.js';
import { generate, seededRandom, snapshotOf, type Answers, type Plan } from '../../src/core/index.js';
import { loadTemplates } from '../../src/node/templates.js';

export interface Case {
  name: string;
  answers: Answers;
  /** Files already in the folder. */
  project?: Record<string, string>;
}

/** Every subset of the services, in catalogue order. */
export const serviceSets: string[][] = (() => {
  const sets: string[][] = [[]];
  for (const s of SERVICE_IDS) for (const prev of [...sets]) sets.push([...prev, s]);
  return sets;
})();

export const caseName = (framework: string, services: readonly string[]) => [framework, ...services].join('+');

/** Every language x framework x set of services, into an empty folder (so with a starter app). */
export const matrix: Case[] = providers.flatMap((p) =>
  p.frameworks.flatMap((fw) =>
    serviceSets.map((services) => ({
      name: caseName(fw.id, services),
      answers: { name: `${fw.id}-app`, language: p.id, framework: fw.id, services },
    })),
  ),
);

const existingNodeApp = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'existing', version: '1.0.0', scripts: { build: 'tsc' }, dependencies: { express: '^5.0.0' }, ...extra }, null, 2);

/** Existing projects and non-default answers. */
export const extraCases: Case[] = [
  {
    name: 'express-pnpm-existing-app',
    answers: { name: 'shop', language: 'node', framework: 'express', services: ['postgres'] },
    project: { 'package.json': existingNodeApp({ packageManager: 'pnpm@9.15.4' }), 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", 'src/server.js': '// app\n' },
  },
  {
    name: 'nextjs-yarn-existing-app',
    answers: { name: 'web', language: 'node', framework: 'nextjs', services: ['redis'], runtimeVersion: '22' },
    project: { 'package.json': existingNodeApp(), 'yarn.lock': '# yarn lockfile v1\n', 'next.config.mjs': "export default { output: 'standalone' };\n" },
  },
  {
    name: 'nestjs-custom-entry-node26',
    answers: { name: 'api', language: 'node', framework: 'nestjs', services: [], entrypoint: 'build/server.js', runtimeVersion: '26', port: 8080 },
  },
  {
    name: 'fastapi-existing-project',
    answers: { name: 'shop-api', language: 'python', framework: 'fastapi', services: ['postgres', 'redis'] },
    project: {
      'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      'requirements.txt': '# mine\nFastAPI==0.100.0  # pinned by us\nhttpx\npsycopg2-binary==2.9.9\n',
      '.env': '# my settings\nDEBUG=1\nPOSTGRES_PASSWORD=kept-by-the-user-0123456789\n',
      '.gitignore': 'node_modules/\n.env\n',
    },
  },
  {
    name: 'flask-custom-everything',
    answers: {
      name: 'blog',
      language: 'python',
      framework: 'flask',
      services: ['postgres', 'redis'],
      port: 5000,
      runtimeVersion: '3.12',
      entrypoint: 'blog.wsgi:application',
      healthPath: '/healthz',
      exposeServices: true,
      env: { FEATURE_FLAGS: 'search,tags', GREETING: "it's a blog", MOTTO: 'say "hi" & #win' },
    },
  },
  {
    name: 'django-command-override',
    answers: { name: 'cms', language: 'python', framework: 'django', services: ['postgres'], runtimeVersion: '3.11', command: ['gunicorn', '--workers', '4', '--bind', '0.0.0.0:8000', 'config.wsgi'] },
  },
];

/** Swarm and Kubernetes outputs. */
export const deployCases: Case[] = [
  {
    name: 'fastapi-all-targets',
    answers: { name: 'shop-api', language: 'python', framework: 'fastapi', services: ['postgres', 'redis'], deploy: ['compose', 'swarm', 'kubernetes'] },
  },
  {
    name: 'django-kubernetes-only',
    answers: { name: 'cms_site', language: 'python', framework: 'django', services: ['postgres'], deploy: ['kubernetes'], replicas: 3, image: 'registry.example.com/team/cms:1.4.2' },
  },
  {
    name: 'nextjs-kubernetes',
    answers: { name: 'web', language: 'node', framework: 'nextjs', services: [], deploy: ['compose', 'kubernetes'] },
  },
  {
    name: 'express-swarm',
    answers: { name: 'orders', language: 'node', framework: 'express', services: ['redis'], deploy: ['compose', 'swarm'], replicas: 3, image: 'ghcr.io/acme/orders:2.0', env: { GREETING: 'costs $5 # not a comment' } },
  },
];

export const allCases: Case[] = [...matrix, ...extraCases, ...deployCases];

/** The plan for a case, with a fixed secret source so the output is reproducible. */
export function planOf(c: Case, seed = 42): Plan {
  return generate({ answers: c.answers, project: snapshotOf(c.project ?? {}), templates: loadTemplates(), random: seededRandom(seed) });
}
