import { frameworks, healthModuleName, nodeHealthName, pythonModuleLayout, services, versions } from '../catalogue/index.js';
import type { Answers, ResolvedAnswers } from './answers.js';
import { buildOutputs, entryContext } from './dockerfile.js';
import type { PromptContext } from './fields.js';
import { detectFacts, type ProjectSnapshot } from './project.js';
import { renderTemplate, type TemplateStore } from './render.js';

/** True when the folder already holds an app for the chosen framework (then no starter is written). */
export function hasApp(r: Pick<ResolvedAnswers, 'framework' | 'entrypoint' | 'name' | 'port' | 'healthPath' | 'services'>, project: ProjectSnapshot): boolean {
  const markers = frameworks[r.framework].starter.appMarkers({
    name: r.name,
    port: r.port,
    entrypoint: r.entrypoint,
    healthPath: r.healthPath,
    services: r.services,
  });
  return markers.some((m) => project.read(m) !== undefined);
}

/** hasApp for answers still being asked (prompts' `when`): false until a framework is known. */
function appExistsFor(a: Partial<Answers>, project: ProjectSnapshot): boolean {
  const fw = typeof a.framework === 'string' ? (frameworks as Record<string, (typeof frameworks)[keyof typeof frameworks] | undefined>)[a.framework] : undefined;
  if (!fw) return false;
  return hasApp(
    { framework: fw.id, entrypoint: a.entrypoint ?? fw.entrypoint.default, name: a.name ?? 'app', port: a.port ?? fw.defaultPort, healthPath: a.healthPath ?? '/health', services: a.services ?? [] },
    project,
  );
}

/** What both front ends' prompts consult: the folder's facts, and whether it holds an app for the answers so far. */
export function promptContext(project: ProjectSnapshot, folderName: string): PromptContext {
  return { facts: detectFacts(project, folderName), hasApp: (a) => appExistsFor(a, project) };
}

/** The npm packages a Node starter depends on, for its package.json and lockfile. */
export function starterPackages(r: ResolvedAnswers): { dependencies: string[]; devDependencies: string[] } {
  const fw = frameworks[r.framework];
  return {
    dependencies: [...(fw.starter.dependencies ?? []), ...r.services.flatMap((s) => services[s].node)].sort(),
    devDependencies: [...(fw.starter.devDependencies ?? [])].sort(),
  };
}

function pinned(names: readonly string[]): Record<string, string> {
  const table = versions.node as Readonly<Record<string, string>>;
  return Object.fromEntries(
    names.map((n) => {
      const v = table[n];
      if (!v) throw new Error(`BUG: no version for npm package ${n}`);
      return [n, v];
    }),
  );
}

/** The starter's package.json as data (also what the lockfile capture script installs). */
export function starterPackageJson(r: ResolvedAnswers): Record<string, unknown> {
  const fw = frameworks[r.framework];
  const { dependencies, devDependencies } = starterPackages(r);
  const scripts = Object.fromEntries(Object.entries(fw.starter.scripts ?? {}).map(([k, v]) => [k, v.replace('{entrypoint}', r.entrypoint)]));
  return {
    name: r.name,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts,
    dependencies: pinned(dependencies),
    ...(devDependencies.length ? { devDependencies: pinned(devDependencies) } : {}),
  };
}

/** Name of the captured lockfile for this framework and set of services. */
export function lockfileKey(r: Pick<ResolvedAnswers, 'framework' | 'services'>): string {
  return [r.framework, ...r.services].join('+');
}

/** The captured npm lockfile, renamed to the project. */
export function starterLockfile(r: ResolvedAnswers, templates: TemplateStore): string {
  const name = `starters/lockfiles/${lockfileKey(r)}.json`;
  const source = templates[name];
  if (typeof source !== 'string') throw new Error(`BUG: no captured lockfile ${name} (run npm run lockfiles:update)`);
  const lock = JSON.parse(source) as { name?: string; packages?: Record<string, { name?: string }> };
  lock.name = r.name;
  const root = lock.packages?.[''];
  if (root) root.name = r.name;
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** What the starter templates print. */
export function starterView(r: ResolvedAnswers): Record<string, unknown> {
  const view: Record<string, unknown> = {
    name: r.name,
    port: r.port,
    healthPath: r.healthPath,
    services: r.services,
    postgres: r.services.includes('postgres'),
    redis: r.services.includes('redis'),
    nodePackages: r.services.flatMap((s) => services[s].node),
  };
  switch (r.framework) {
    case 'fastapi':
    case 'flask': {
      const layout = pythonModuleLayout(r.entrypoint);
      const helper = healthModuleName(layout.moduleFile.split('/').pop()!.replace(/\.py$/, ''));
      view.attribute = layout.attribute;
      view.healthImport = layout.dir ? `${layout.dir.split('/').join('.')}.${helper}` : helper;
      break;
    }
    case 'django':
      view.djangoPackage = r.entrypoint;
      break;
    case 'express':
    case 'fastify':
      view.healthImport = `./${nodeHealthName(r.entrypoint)}.js`;
      break;
    case 'nestjs':
      view.outDir = buildOutputs(r)[0];
      break;
    case 'nextjs': {
      const depth = r.healthPath === '/' ? 0 : r.healthPath.split('/').length - 1;
      view.healthImport = `${'../'.repeat(depth + 1)}lib/health.js`;
      break;
    }
  }
  return view;
}

export interface StarterOutput {
  path: string;
  content: string;
}

/** Every file of the starter app (package.json and lockfile included for Node). */
export function renderStarter(r: ResolvedAnswers, templates: TemplateStore): StarterOutput[] {
  const fw = frameworks[r.framework];
  const view = starterView(r);
  const files: StarterOutput[] = fw.starter
    .files(entryContext(r))
    .map((f) => ({ path: f.path, content: renderTemplate(templates, `starters/${f.template}`, view) }));
  if (r.language === 'node') {
    files.unshift(
      { path: 'package.json', content: `${JSON.stringify(starterPackageJson(r), null, 2)}\n` },
      { path: 'package-lock.json', content: starterLockfile(r, templates) },
    );
  }
  return files;
}
