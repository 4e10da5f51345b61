import { frameworks, isYarnBerry, languages, lockfiles, pythonModuleLayout, services, dbIdentifier } from '../catalogue/index.js';
import type { Answers, ResolvedAnswers } from './answers.js';
import { renderCompose } from './compose.js';
import { baseImage, dockerfileView, entryContext, startCommand } from './dockerfile.js';
import { envValues, renderEnv, renderEnvExample } from './env.js';
import { k8sName, renderKubernetes } from './kubernetes.js';
import { renderStack, swarmSecrets } from './swarm.js';
import { renderGitignore, wantedIgnores } from './gitignore.js';
import { detectFacts, type ProjectSnapshot } from './project.js';
import { renderTemplate, type TemplateStore } from './render.js';
import { renderRequirements } from './requirements.js';
import { resolveAnswers } from './resolve.js';
import { cryptoRandom, type RandomSource } from './secrets.js';
import { hasApp, renderStarter } from './starter.js';
import { validateAnswers, type FieldError } from './validate.js';

/**
 * How a front end writes a file:
 * - generated: ours entirely; an existing different file is a conflict (ask, or --force)
 * - merged: the existing file with our additions; every user line kept, so always written
 * - starter: a new app file; written only where nothing exists, otherwise a conflict
 */
export type FileKind = 'generated' | 'merged' | 'starter';

export interface PlannedFile {
  path: string;
  content: string;
  kind: FileKind;
  purpose: string;
  /** Holds secrets: created readable by its owner only, never printed. */
  sensitive?: boolean;
}

export interface Plan {
  answers: ResolvedAnswers;
  files: PlannedFile[];
  /** Whether a starter app is part of the plan. */
  starter: boolean;
  /** Things the user should know about their project (also written to README.Docker.md, so they depend only on the folder's state). */
  notes: string[];
}

/** Bad answers: exit code 2, nothing written. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.pointer || '(document)'}: ${e.message}`).join('\n'));
    this.name = 'InputError';
  }
}

export interface GenerateInput {
  /** Parsed answers (validated here). */
  answers: unknown;
  /** The target folder, read-only. */
  project: ProjectSnapshot;
  /** The templates (src/node/templates.ts loads them). */
  templates: TemplateStore;
  /** Secret source: node:crypto unless a test passes a seeded one. */
  random?: RandomSource;
  /** Folder name, for the default project name. */
  folderName?: string;
}

/** answers -> validated, resolved answers -> the list of files with their text. No I/O. */
export function generate(input: GenerateInput): Plan {
  const checked = validateAnswers(input.answers);
  if (!checked.ok) throw new InputError(checked.errors);
  return planFor(checked.answers, input);
}

function planFor(answers: Answers, input: GenerateInput): Plan {
  const { project, templates } = input;
  const random = input.random ?? cryptoRandom;
  const r = resolveAnswers(answers, detectFacts(project, input.folderName));
  const fw = frameworks[r.framework];
  const writeStarter = r.starter && !hasApp(r, project);
  if (writeStarter && r.language === 'node') {
    if (answers.packageManager && answers.packageManager !== 'npm') {
      throw new InputError([
        {
          pointer: '/packageManager',
          message: `the starter app comes with an npm lockfile: use "npm", or set "starter": false and bring your own app with its ${lockfiles[answers.packageManager]}`,
        },
      ]);
    }
    r.packageManager = 'npm';
  }
  const tool = toolVersion(r, project);
  const notes = projectNotes(r, project, writeStarter, tool);
  const files: PlannedFile[] = [];
  const add = (path: string, kind: FileKind, purpose: string, content: string, sensitive = false) =>
    files.push({ path, kind, purpose, content, ...(sensitive ? { sensitive } : {}) });

  const docker = dockerfileView(r, tool);
  add('Dockerfile', 'generated', 'How the image is built: dependencies first, then the code; non-root, with a healthcheck', renderTemplate(templates, docker.template, docker.view));
  add('.dockerignore', 'generated', 'What never goes into the build context: secrets, .git, caches, local dependencies', renderDockerignore(r));
  if (r.deploy.includes('compose')) {
    const titles = ['the app', ...r.services.map((s) => services[s].title)];
    add('docker-compose.yml', 'generated', `Runs ${titles.join(', ').replace(/, ([^,]*)$/, ' and $1')}: ports, healthchecks, volumes, start order`, renderCompose(r));
  }
  const existingEnv = project.read('.env');
  const values = envValues(r, existingEnv, random);
  add('.env', 'merged', 'Settings and random secrets for the containers (not committed, not in the image)', renderEnv(r, existingEnv, values), true);
  add('.env.example', 'merged', 'The same keys as .env without secrets: safe to commit', renderEnvExample(r, project.read('.env.example')));
  if (r.deploy.includes('swarm')) {
    add('docker-stack.yml', 'generated', 'Docker Swarm stack: the image, replicas, rolling updates, limits, Docker secrets', renderStack(r, values));
    for (const s of swarmSecrets(r, values)) {
      // Never replace a secret that exists: a deployed stack keeps the one it was created with.
      add(s.file, 'merged', 'A Docker secret for the Swarm stack (same value as in .env; not committed)', project.read(s.file) ?? s.value, true);
    }
  }
  if (r.deploy.includes('kubernetes')) {
    for (const f of renderKubernetes(r, values, project.read('k8s/secrets.env'))) {
      add(f.path, f.secrets ? 'merged' : 'generated', f.purpose, f.content, f.secrets);
    }
  }
  const secretPaths = files.filter((f) => f.sensitive).map((f) => f.path);
  add('.gitignore', 'merged', 'Keeps secrets (.env and the like) out of git', renderGitignore(wantedIgnores(r, writeStarter, secretPaths), project.read('.gitignore')));
  if (r.language === 'python') {
    add('requirements.txt', 'merged', 'Pinned Python dependencies: framework, server and service drivers', renderRequirements(r, project.read('requirements.txt')));
  }
  if (writeStarter) {
    for (const f of renderStarter(r, templates)) add(f.path, 'starter', `Starter ${fw.title} app (replace it with yours)`, f.content);
  }
  add('README.Docker.md', 'generated', 'How to build, run and reach the app, and where secrets live', renderReadme(r, files, notes, templates));
  return { answers: r, files, starter: writeStarter, notes };
}

function renderDockerignore(r: ResolvedAnswers): string {
  const blocks = languages[r.language].dockerignore.map((s) => [`# ${s.comment}`, ...s.patterns].join('\n'));
  return `# What docker build never sees, written by generator-dockerize.\n# A small context builds faster and keeps secrets out of images.\n\n${blocks.join('\n\n')}\n`;
}

function renderReadme(r: ResolvedAnswers, files: readonly PlannedFile[], notes: readonly string[], templates: TemplateStore): string {
  // Starter files are left out: a re-run (when the app exists) must give the same README.
  const listed = files.filter((f) => f.kind !== 'starter').map((f) => ({ path: f.path, purpose: f.purpose }));
  listed.push({ path: 'README.Docker.md', purpose: 'This guide' });
  return renderTemplate(templates, 'README.Docker.md.ejs', {
    name: r.name,
    framework: frameworks[r.framework].title,
    serviceTitles: r.services.map((s) => services[s].title),
    services: r.services,
    port: r.port,
    healthPath: r.healthPath,
    files: listed,
    dbUser: dbIdentifier(entryContext(r)),
    dbName: dbIdentifier(entryContext(r)),
    servicesPrivate: r.services.length > 0 && !r.exposeServices,
    baseImage: baseImage(r),
    notes,
    swarm: r.deploy.includes('swarm') ? { image: r.image, stack: r.name, replicas: r.replicas } : null,
    kubernetes: r.deploy.includes('kubernetes')
      ? { namespace: k8sName(r.name), image: r.image, replicas: r.replicas, secrets: files.some((f) => f.path === 'k8s/secrets.env') }
      : null,
  });
}

/** yarn/pnpm version from package.json's "packageManager" field, when it names the chosen tool. */
function toolVersion(r: ResolvedAnswers, project: ProjectSnapshot): string | undefined {
  const pkg = readJson(project, 'package.json');
  const field = typeof pkg?.packageManager === 'string' ? pkg.packageManager : '';
  const m = /^(npm|yarn|pnpm)@(\d+\.\d+\.\d+)/.exec(field);
  return m && m[1] === r.packageManager && r.packageManager !== 'npm' ? m[2] : undefined;
}

function readJson(project: ProjectSnapshot, path: string): Record<string, unknown> | undefined {
  const text = project.read(path);
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What the user should know about their existing project. */
function projectNotes(r: ResolvedAnswers, project: ProjectSnapshot, writeStarter: boolean, toolPin: string | undefined): string[] {
  const notes: string[] = [];
  if (writeStarter) return notes;
  if (r.language === 'node') {
    const pm = r.packageManager ?? 'npm';
    if (project.read(lockfiles[pm]) === undefined) {
      notes.push(`No ${lockfiles[pm]} here: the image installs exactly what the lockfile pins, so run \`${pm} install\` once and commit the lockfile before building.`);
    }
    if (pm === 'yarn' && toolPin && isYarnBerry(toolPin)) {
      notes.push('Yarn 2+ (Berry): the image needs node_modules, so set `nodeLinker: node-modules` in .yarnrc.yml.');
    }
    if (r.framework === 'nextjs') {
      const config = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'].map((p) => project.read(p)).find((t) => t !== undefined);
      if (!config || !/standalone/.test(config)) {
        notes.push("Next.js must build standalone output: add `output: 'standalone'` to next.config (the Dockerfile copies .next/standalone).");
      }
    }
    if (r.framework === 'nestjs' && !/"build"\s*:/.test(project.read('package.json') ?? '')) {
      notes.push(`package.json needs a "build" script that compiles to ${r.entrypoint.split('/')[0]}/ (the image runs \`npm run build\`).`);
    }
  }
  if (r.language === 'python' && !hasApp(r, project) && r.command === null) {
    const where = r.framework === 'django' ? 'manage.py' : pythonModuleLayout(r.entrypoint).moduleFile;
    notes.push(`No ${where} here: the image starts \`${startCommand(r).join(' ')}\`; set "entrypoint" to your app, or "command".`);
  }
  return notes;
}
