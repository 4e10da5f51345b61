import { frameworks, languages, versions } from '../catalogue/index.js';
import { packageManager } from '../catalogue/package-managers.js';
import type { EntryContext } from '../catalogue/types.js';
import type { ResolvedAnswers } from './answers.js';

/** An exec-form instruction argument: a JSON array, so quotes, `$`, backslashes and newlines stay literal. */
export function execForm(args: readonly string[]): string {
  return `[${args.map((a) => JSON.stringify(a)).join(', ')}]`;
}

export function entryContext(r: ResolvedAnswers): EntryContext {
  return { name: r.name, port: r.port, entrypoint: r.entrypoint, healthPath: r.healthPath, services: r.services };
}

export function baseImage(r: Pick<ResolvedAnswers, 'language' | 'runtimeVersion'>): string {
  return versions.runtimes[r.language].tag.replace('{version}', r.runtimeVersion);
}

/** The start command: the answers' override, or the framework's production server. */
export function startCommand(r: ResolvedAnswers): string[] {
  return r.command ?? frameworks[r.framework].command(entryContext(r));
}

export function healthUrl(r: ResolvedAnswers): string {
  return `http://127.0.0.1:${r.port}${r.healthPath}`;
}

/** Output folders a Node build keeps in the final image (NestJS: the entrypoint's top folder). */
export function buildOutputs(r: ResolvedAnswers): string[] {
  const build = frameworks[r.framework].build;
  if (build?.kind !== 'script') return [];
  const top = r.entrypoint.split('/')[0];
  return top ? [top] : [...build.outputs];
}

export interface DockerfileView {
  template: string;
  view: Record<string, unknown>;
}

/** Which Dockerfile template, and everything it prints. `toolVersion` pins yarn/pnpm (from package.json's packageManager). */
export function dockerfileView(r: ResolvedAnswers, toolVersion?: string): DockerfileView {
  const fw = frameworks[r.framework];
  const common = {
    title: r.name,
    framework: fw.title,
    runtimeVersion: r.runtimeVersion,
    baseImage: baseImage(r),
    port: r.port,
    command: execForm(startCommand(r)),
    healthcheck: execForm(languages[r.language].healthcheck(healthUrl(r))),
  };
  if (r.language === 'python') return { template: 'Dockerfile.python.ejs', view: common };

  const pm = packageManager(r.packageManager ?? 'npm', toolVersion);
  const outputs = buildOutputs(r);
  const builds = fw.build?.kind === 'nextjs' || outputs.length > 0;
  const node = {
    ...common,
    manifests: `package.json ${pm.lockfile}`,
    mounts: pm.caches.map((c) => `--mount=type=cache,target=${c}`).join(' '),
    // A build needs the dev packages too; without one the image installs production packages only.
    deps: builds
      ? { what: 'every package, exactly as locked (the build needs them)', install: pm.installAll }
      : { what: 'production packages only, exactly as locked', install: pm.installProd },
    prune: pm.prune,
  };
  if (fw.build?.kind === 'nextjs') return { template: 'Dockerfile.nextjs.ejs', view: node };
  return { template: 'Dockerfile.node.ejs', view: { ...node, build: outputs.length > 0 ? { outputs } : null } };
}
