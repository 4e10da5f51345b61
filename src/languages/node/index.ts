/**
 * Node.js: Express, Fastify, NestJS and Next.js, installed with npm, Yarn or
 * pnpm exactly as the lockfile pins, built when the framework builds.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { LanguagePlanInput, LanguageProvider, ProviderFile } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { renderTemplate } from '../../core/render.js';
import { entryContext, execForm, healthUrl, readJson } from '../../core/toolkit.js';
import { versions } from '../../versions.js';
import { detectNodeWith } from './detect.js';
import type { NodeFramework } from './framework.js';
import { express } from './frameworks/express.js';
import { fastify } from './frameworks/fastify.js';
import { nestjs } from './frameworks/nestjs.js';
import { nextjs } from './frameworks/nextjs.js';
import { PACKAGE_MANAGERS, isYarnBerry, lockfiles, packageManager, type PackageManager } from './package-managers.js';
import { starterLockfile, starterPackageJson, starterPackages, starterServices } from './starter.js';

export const nodeFrameworks: readonly NodeFramework[] = [express, fastify, nestjs, nextjs];

export function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): NodeFramework {
  const fw = nodeFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a Node.js framework`);
  return fw;
}

const runtime = versions.runtimes.node;
const pmOf = (r: ResolvedAnswers) => (r.packageManager ?? 'npm') as PackageManager;

/** yarn/pnpm version from package.json's "packageManager" field, when it names the chosen tool. */
function toolVersion(r: ResolvedAnswers, project: ProjectSnapshot): string | undefined {
  const pkg = readJson(project, 'package.json');
  const field = typeof pkg?.packageManager === 'string' ? pkg.packageManager : '';
  const m = /^(npm|yarn|pnpm)@(\d+\.\d+\.\d+)/.exec(field);
  return m && m[1] === r.packageManager && r.packageManager !== 'npm' ? m[2] : undefined;
}

/** Output folders a build keeps in the final image. */
const buildOutputs = (r: ResolvedAnswers, fw: NodeFramework) => (fw.build.kind === 'script' ? fw.build.outputs(r.entrypoint) : []);

function starterFiles({ r, templates }: LanguagePlanInput): ProviderFile[] {
  const fw = frameworkOf(r);
  const ctx = entryContext(r);
  const purpose = `Starter ${fw.title} app (replace it with yours)`;
  const served = starterServices(r);
  const view = {
    name: r.name,
    port: r.port,
    healthPath: r.healthPath,
    services: served,
    postgres: served.includes('postgres'),
    redis: served.includes('redis'),
    // The npm packages the starter's services need (Next.js keeps them out of its bundle).
    nodePackages: starterPackages(r, fw).dependencies.filter((d) => !fw.starter.dependencies.includes(d)),
    ...fw.starter.view(ctx),
  };
  return [
    { path: 'package.json', content: `${JSON.stringify(starterPackageJson(r, fw), null, 2)}\n`, kind: 'starter', purpose },
    { path: 'package-lock.json', content: starterLockfile(r, templates), kind: 'starter', purpose },
    ...fw.starter.files(ctx).map((f) => ({ path: f.path, content: renderTemplate(templates, `node/starters/${f.template}`, view), kind: 'starter' as const, purpose })),
  ];
}

export const node: LanguageProvider = {
  id: 'node',
  title: 'Node.js',
  runtime,
  manifests: 'package.json',
  frameworks: nodeFrameworks,
  packageManagers: PACKAGE_MANAGERS,
  uid: 1000,
  // fetch is built into Node 18+: slim images have no curl or wget.
  healthcheck: (url, anyResponse) => ['node', '-e', `fetch('${url}').then((r) => process.exit(${anyResponse ? 'r.status < 500' : 'r.ok'} ? 0 : 1), () => process.exit(1))`],
  dockerignore: [
    {
      comment: 'Dependencies and build output: the image installs and builds its own',
      patterns: ['**/node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', '.pnpm-store', '.npm', '.next', 'dist', 'build', 'out', 'coverage', '.turbo'],
    },
  ],
  starterGitignore: (r) => ['node_modules/', frameworkOf(r).build.kind === 'nextjs' ? '.next/' : 'dist/'],
  detect: (project, repository) => detectNodeWith(nodeFrameworks, project, repository),
  defaultPackageManager: () => 'npm',
  starterHint: 'run `npm install` to work on it outside Docker',
  hasApp: (_r, project) => project.read('package.json') !== undefined,

  check(answers, starter) {
    const pm = answers.packageManager;
    if (!starter || pm === undefined || pm === 'npm' || typeof pm !== 'string' || !(pm in lockfiles)) return [];
    return [
      {
        pointer: '/packageManager',
        message: `the starter app comes with an npm lockfile: use "npm", or set "starter": false and bring your own app with its ${lockfiles[pm as PackageManager]}`,
      },
    ];
  },

  // The starter app comes with an npm lockfile.
  forStarter: (r) => ({ ...r, packageManager: 'npm' }),

  dockerfile({ r, project, templates }) {
    const fw = frameworkOf(r);
    const pm = packageManager(pmOf(r), toolVersion(r, project));
    const outputs = buildOutputs(r, fw);
    const builds = fw.build.kind === 'nextjs' || outputs.length > 0;
    const view = {
      title: r.name,
      framework: fw.title,
      runtimeVersion: r.runtimeVersion,
      baseImage: runtime.tag.replace('{version}', r.runtimeVersion),
      port: r.port,
      command: execForm(r.command ?? fw.command(entryContext(r))),
      healthcheck: execForm(node.healthcheck(healthUrl(r), r.healthCheck === 'any-response')),
      manifests: `package.json ${pm.lockfile}`,
      mounts: pm.caches.map((c) => `--mount=type=cache,target=${c}`).join(' '),
      // A build needs the dev packages too; without one the image installs production packages only.
      deps: builds
        ? { what: 'every package, exactly as locked (the build needs them)', install: pm.installAll }
        : { what: 'production packages only, exactly as locked', install: pm.installProd },
      prune: pm.prune,
      build: outputs.length > 0 ? { outputs } : null,
    };
    return renderTemplate(templates, fw.build.kind === 'nextjs' ? 'node/Dockerfile.nextjs.ejs' : 'node/Dockerfile.ejs', view);
  },

  files: (input) => (input.starter ? starterFiles(input) : []),

  notes({ r, project, starter }) {
    const notes: string[] = [];
    if (starter) return notes;
    const pm = pmOf(r);
    const fw = frameworkOf(r);
    if (project.read(lockfiles[pm]) === undefined) {
      notes.push(`No ${lockfiles[pm]} here: the image installs exactly what the lockfile pins, so run \`${pm} install\` once and commit the lockfile before building.`);
    }
    const pin = toolVersion(r, project);
    if (pm === 'yarn' && pin && isYarnBerry(pin)) {
      notes.push('Yarn 2+ (Berry): the image needs node_modules, so set `nodeLinker: node-modules` in .yarnrc.yml.');
    }
    if (fw.build.kind === 'nextjs') {
      const config = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'].map((p) => project.read(p)).find((t) => t !== undefined);
      if (!config || !/standalone/.test(config)) {
        notes.push("Next.js must build standalone output: add `output: 'standalone'` to next.config (the Dockerfile copies .next/standalone).");
      }
    }
    if (fw.build.kind === 'script' && !/"build"\s*:/.test(project.read('package.json') ?? '')) {
      notes.push(`package.json needs a "build" script that compiles to ${buildOutputs(r, fw).join(', ')}/ (the image runs \`npm run build\`).`);
    }
    return notes;
  },
};
