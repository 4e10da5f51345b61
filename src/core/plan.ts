import type { Answers, ProjectFacts, ResolvedAnswers } from './answers.js';
import { GITLAB_INCLUDED, registryOf, renderGithubWorkflow, renderGitlabCi } from './ci.js';
import { renderCompose } from './compose.js';
import { devFileOf, devSummary, renderDevOverride, type DevSummary } from './dev.js';
import type { Detection } from './detect.js';
import { processImage, type BuildContext, type Process } from './provider.js';
import type { BuildSpec } from './compose.js';
import { appEnvNotes, buildPlaceholders, envValues, renderEnv, renderEnvExample, weakSecrets } from './env.js';
import { fields } from './fields.js';
import { renderGitignore, wantedIgnores } from './gitignore.js';
import { k8sName, renderKubernetes } from './kubernetes.js';
import { overlay, within, type ProjectSnapshot } from './project.js';
import { FRAMEWORK_IDS, LANGUAGE_IDS, findFramework, frameworkOf, frameworksOf, providerOf, providers, servicesOf } from './registry.js';
import { renderTemplate, type TemplateStore } from './render.js';
import { resolveAnswers } from './resolve.js';
import { cryptoRandom, type RandomSource } from './secrets.js';
import { projectFacts } from './starter.js';
import { renderStack, swarmSecrets } from './swarm.js';
import { entryContext, hostPortVar, humanList } from './toolkit.js';
import { validateAnswers, validators, type FieldError } from './validate.js';

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

/** Where a resolved answer came from. */
export interface Source {
  key: keyof Answers;
  from: 'answers' | 'detected' | 'default';
  /** For detected values: the file and rule. */
  evidence?: string;
}

export interface Plan {
  answers: ResolvedAnswers;
  files: PlannedFile[];
  /** Whether a starter app is part of the plan. */
  starter: boolean;
  /** Things the user should know about their project (also written to README.Docker.md, so they depend only on the folder's state). */
  notes: string[];
  /** What detection found and where each answer came from (the run's report). */
  detection: Detection;
  /** The app's migrations and workers, from its own image. */
  processes: Process[];
  /** The image's CMD. */
  command: string[];
  sources: Source[];
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
  /** Parsed answers (validated here); any key may be missing: detection fills it. */
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

/** answers -> validated -> completed by detection -> resolved -> the list of files with their text. No I/O. */
export function generate(input: GenerateInput): Plan {
  const checked = validateAnswers(input.answers);
  if (!checked.ok) throw new InputError(checked.errors);
  const facts = projectFacts(input.project, input.folderName, checked.answers.app);
  const r = complete(checked.answers, facts);
  return planFor(checked.answers, r, facts, input);
}

/** What detection could not settle, as the answer to give. */
function missing(answers: Answers, d: Detection): FieldError[] {
  const where = d.app === '.' ? 'here' : `in ${d.app}/`;
  const named = answers.language ?? findFramework(answers.framework)?.provider.id;
  if (named === undefined && !d.language) {
    if (d.candidates.length > 1) {
      return [{ pointer: '/app', message: `several apps are here: ${d.candidates.map((c) => `${c.dir} (${c.summary})`).join(', ')}; choose one with --app DIR (or "app" in the answers)` }];
    }
    const looked = providers.map((p) => `${p.title}: ${p.manifests}`).join('; ');
    return [{ pointer: '/language', message: `no app found ${where} (looked for ${looked}); run in the app's folder, or set "language" (${LANGUAGE_IDS.join(', ')}) and "framework" in the answers` }];
  }
  const language = named ?? d.language;
  const sameLanguage = !named || named === d.language;
  if (answers.framework === undefined && !(sameLanguage && d.framework)) {
    const p = providers.find((x) => x.id === language);
    const titles = humanList(p?.frameworks.map((f) => f.title) ?? []);
    return [{ pointer: '/framework', message: `no ${p?.title ?? language} framework found ${where} (looked for ${titles}); set "framework" to one of: ${frameworksOf(language ?? '').join(', ') || FRAMEWORK_IDS.join(', ')}` }];
  }
  return [];
}

/** The answers completed by detection and defaults; every value detection gave is checked like an answer. */
function complete(answers: Answers, facts: ProjectFacts): ResolvedAnswers {
  const d = facts.detected as Detection;
  const gaps = missing(answers, d);
  if (gaps.length) throw new InputError(gaps);
  const problems = d.problems.filter((p) => answers[p.key] === undefined).map((p) => ({ pointer: `/${p.key}`, message: p.message }));
  if (problems.length) throw new InputError(problems);
  const r = resolveAnswers(answers, facts);
  // Detected values went through no validator yet: a bad one is named with where it came from.
  const recheck = validateAnswers(Object.fromEntries(Object.entries(r).filter(([k, v]) => v !== null && k in validators)));
  if (!recheck.ok) {
    throw new InputError(
      recheck.errors.map((e) => {
        const key = e.pointer.split('/')[1] as keyof Answers;
        const from = d.evidence[key];
        return from && answers[key] === undefined ? { pointer: e.pointer, message: `${e.message} (detected from ${from}; set "${key}" in the answers)` } : e;
      }),
    );
  }
  return r;
}

/** Where each resolved answer came from. */
function sourcesOf(answers: Answers, r: ResolvedAnswers, d: Detection): Source[] {
  return fields
    .filter((f) => f.key !== '$schema' && (r as unknown as Record<string, unknown>)[f.key] != null)
    .map((f): Source => {
      if (answers[f.key] !== undefined) return { key: f.key, from: 'answers' };
      const evidence = d.evidence[f.key];
      const detectedValue = (d as unknown as Record<string, unknown>)[f.key];
      const same = JSON.stringify(detectedValue) === JSON.stringify((r as unknown as Record<string, unknown>)[f.key]);
      return evidence && same ? { key: f.key, from: 'detected', evidence } : { key: f.key, from: 'default' };
    });
}

function planFor(answers: Answers, resolved: ResolvedAnswers, facts: ProjectFacts, input: GenerateInput): Plan {
  const { project: root, templates } = input;
  const random = input.random ?? cryptoRandom;
  const provider = providerOf(resolved);
  const fw = frameworkOf(resolved);
  const project = within(root, resolved.app);
  const writeStarter = resolved.starter && !provider.hasApp(resolved, project);

  const adjusted = writeStarter && provider.forStarter ? provider.forStarter(resolved) : resolved;
  // A starter serves its own health route.
  const r: ResolvedAnswers = writeStarter ? { ...adjusted, healthPath: answers.healthPath ?? '/health', healthCheck: 'route' } : adjusted;
  const provided = provider.files({ r, project, repository: root, templates, starter: writeStarter, buildPlaceholders: [] });
  // What follows sees the folder as it will be: with the starter app, so a re-run (which finds it) writes the same files.
  const starterFiles = Object.fromEntries(provided.filter((f) => f.kind === 'starter').map((f) => [f.path, f.content]));
  const languageInput = { r, project: writeStarter ? overlay(project, starterFiles) : project, repository: root, templates, starter: writeStarter, buildPlaceholders: buildPlaceholders(r) };
  // What the app writes at run time: every renderer below gives each folder a volume.
  r.dataPaths = writeStarter ? [] : (provider.dataPaths?.(languageInput) ?? []);
  const problems = provider.check?.(answers as Record<string, unknown>, languageInput) ?? [];
  // Project files are named from the repository's root, as the user sees them.
  if (problems.length) throw new InputError(problems.map((p) => (p.file !== undefined && r.app !== '.' ? { ...p, file: `${r.app}/${p.file}` } : p)));
  const eol = provider.runtime.endOfLife?.[r.runtimeVersion];
  const notes = [
    ...(eol ? [`${provider.title} ${r.runtimeVersion} reached its end of life on ${eol} and gets no more security fixes: move the app to ${provider.runtime.default} ("runtimeVersion") when you can.`] : []),
    ...provider.notes(languageInput),
    ...appEnvNotes(r),
    ...(r.dataPaths.length
      ? [
          `The app writes to ${humanList(r.dataPaths.map((d) => `${d.path} (${d.evidence})`))}: each is made writable for the app user and kept in a named volume by Compose and Swarm${r.deploy.includes('kubernetes') ? '; in Kubernetes it is an emptyDir, lost with the pod (mount a PersistentVolumeClaim there to keep the files)' : ''}.`,
        ]
      : []),
  ];
  if (writeStarter) {
    const unused = servicesOf(r).filter((s) => !(s.clients[provider.id]?.starter.length));
    if (unused.length) {
      const one = unused.length === 1;
      notes.push(`The starter app does not use ${humanList(unused.map((s) => s.title))}: ${one ? 'it runs' : 'they run'} beside the app, and your code finds ${one ? 'it' : 'them'} through ${humanList([...new Set(unused.map((s) => `\`${s.urlVar}\``))])} (in .env).`);
    }
  }
  const processes = provider.processes?.(languageInput) ?? [];
  if (r.healthCheck === 'any-response') {
    notes.push(`No health route was found in the app: the healthcheck accepts any HTTP answer below 500 from ${r.healthPath} (a stopped or crashing app fails it). Point it at a real one with "healthPath" in the answers (a route that answers 200 when the app and its services work).`);
  }
  const files: PlannedFile[] = [];
  let devInfo: DevSummary | null = null;
  const inApp = (path: string) => (r.app === '.' ? path : `${r.app}/${path}`);
  const add = (path: string, kind: FileKind, purpose: string, content: string, sensitive = false) =>
    files.push({ path, kind, purpose, content, ...(sensitive ? { sensitive } : {}) });

  add(inApp('Dockerfile'), 'generated', 'How the image is built: dependencies first, then the code; non-root, with a healthcheck', provider.dockerfile(languageInput));
  // An app built from a folder above its own (a workspace root) keeps its ignore rules next to its Dockerfile (BuildKit reads <Dockerfile>.dockerignore first).
  const context = provider.buildContext?.(languageInput);
  const build: BuildSpec = context ? { context: context.dir, dockerfile: relativeTo(context.dir, inApp('Dockerfile')) } : { context: r.app };
  add(context ? `${inApp('Dockerfile')}.dockerignore` : inApp('.dockerignore'), 'generated', 'What never goes into the build context: secrets, .git, caches, local dependencies', renderDockerignore(r, context));
  if (r.deploy.includes('compose')) {
    const titles = ['the app', ...servicesOf(r).map((s) => s.title)];
    // docker compose reads compose.yaml before docker-compose.yml: a compose file of the user's own keeps its name (a conflict, never a second file it would ignore).
    const composePath = COMPOSE_NAMES.find((f) => root.read(f) !== undefined) ?? 'docker-compose.yml';
    add(composePath, 'generated', `Runs ${humanList([...titles, ...processes.map((p) => p.name)])}: ports, healthchecks, volumes, start order`, renderCompose(r, processes, build));
    if (r.dev) {
      const dev = provider.dev?.(languageInput);
      add(devFileOf(composePath), 'generated', dev ? `Development: the app with ${dev.reload}, each changed file copied in (docker compose up --watch)` : 'Development: docker compose up --watch rebuilds the app on each change', renderDevOverride(r, dev, processes, build, composePath, provider.healthcheck(r.port, r.healthPath, r.healthCheck === 'any-response')));
      devInfo = devSummary(dev, composePath);
    }
  }
  const existingEnv = root.read('.env');
  const values = envValues(r, existingEnv, random);
  const weak = weakSecrets(r, existingEnv);
  if (weak.length) {
    notes.push(`${humanList(weak)} in .env ${weak.length > 1 ? 'are' : 'is'} kept as you wrote ${weak.length > 1 ? 'them' : 'it'}, but ${weak.length > 1 ? 'they are' : 'it is'} short or a placeholder: put a long random value there before you deploy (a database keeps the password it was created with: change it before the first start, or \`docker compose down -v\`).`);
  }
  add('.env', 'merged', 'Settings and random secrets for the containers (not committed, not in the image)', renderEnv(r, existingEnv, values), true);
  add('.env.example', 'merged', 'The same keys as .env without secrets: safe to commit', renderEnvExample(r, root.read('.env.example')));
  if (r.deploy.includes('swarm')) {
    add('docker-stack.yml', 'generated', 'Docker Swarm stack: the image, replicas, rolling updates, limits, Docker secrets', renderStack(r, values, processes));
    for (const s of swarmSecrets(r, values)) {
      // Never replace a secret that exists: a deployed stack keeps the one it was created with.
      add(s.file, 'merged', 'A Docker secret for the Swarm stack (same value as in .env; not committed)', root.read(s.file) ?? s.value, true);
    }
  }
  if (r.deploy.includes('kubernetes')) {
    for (const f of renderKubernetes(r, values, root.read('k8s/secrets.env'), processes)) {
      add(f.path, f.secrets ? 'merged' : 'generated', f.purpose, f.content, f.secrets);
    }
  }
  if (r.ci.length) {
    // CI has no .env (it is never committed): the workflow writes one, with a fresh random value where each secret goes.
    const made: Array<{ token: string; length: number }> = [];
    const ciValues = envValues(r, undefined, (length) => {
      // As long as the secret it stands for: a key that is raw bytes, base64-encoded, decodes to the length the app checks.
      const token = `DOCKERIZECISECRET${made.length + 1}X`.padEnd(length, 'X');
      made.push({ token, length });
      return token;
    });
    const lines = renderEnv(r, undefined, ciValues).split('\n').filter((l) => l && !l.startsWith('#'));
    const text = lines.join('\n');
    // A secret written as made, or base64-encoded (an APP_KEY): each gets a fresh value of its kind on the runner.
    const tokens = made.flatMap(({ token, length }) =>
      text.includes(token) ? [{ token, random: 'openssl rand -hex 24' }] : text.includes(btoa(token)) ? [{ token: btoa(token), random: `openssl rand -base64 ${length}` }] : [],
    );
    const ciEnv = { lines, tokens };
    const ours = (path: string) => root.read(path)?.includes('written by generator-dockerize') ?? true;
    if (r.ci.includes('github')) {
      // A workflow of the user's own under our name keeps it: ours goes beside it.
      const path = ours('.github/workflows/docker.yml') ? '.github/workflows/docker.yml' : '.github/workflows/docker-image.yml';
      if (path !== '.github/workflows/docker.yml') notes.push(`.github/workflows/docker.yml is a workflow of your own, so it is kept: the image workflow is ${path}.`);
      add(path, 'generated', 'GitHub Actions: build the image, start the stack and wait for healthy, push on the default branch and tags', renderGithubWorkflow(r, build, ciEnv));
    }
    if (r.ci.includes('gitlab')) {
      // GitLab reads one pipeline file: beside the user's own, ours is a file it includes.
      const own = !ours('.gitlab-ci.yml');
      const includes = own && new RegExp(`local:\\s*['"]?/?${GITLAB_INCLUDED.replace(/\./g, '\\.')}`).test(root.read('.gitlab-ci.yml') ?? '');
      if (own && !includes) notes.push(`.gitlab-ci.yml is a pipeline of your own, so it is kept: the image job is in ${GITLAB_INCLUDED}. Add to your .gitlab-ci.yml:\n  include:\n    - local: ${GITLAB_INCLUDED}`);
      add(own ? GITLAB_INCLUDED : '.gitlab-ci.yml', 'generated', 'GitLab CI: build the image, start the stack and wait for healthy, push on the default branch and tags', renderGitlabCi(r, build, ciEnv, own));
    }
  }
  // The CI the repository runs, when no workflow of ours joins it: how to add one.
  for (const c of (facts.detected as Detection).ci ?? []) if (!r.ci.includes(c.target)) notes.push(ciHint(c));
  const secretPaths = files.filter((f) => f.sensitive).map((f) => f.path);
  add('.gitignore', 'merged', 'Keeps secrets (.env and the like) out of git', renderGitignore(wantedIgnores(r, writeStarter, secretPaths), root.read('.gitignore')));
  for (const f of provided) add(inApp(f.path), f.kind, f.purpose, f.content);
  add('README.Docker.md', 'generated', 'How to build, run and reach the app, and where secrets live', renderReadme(r, fw.title, files, notes, processes, build, templates, provider.readme?.(languageInput), devInfo));
  const detection = facts.detected as Detection;
  return { answers: r, files, starter: writeStarter, notes, detection, processes, command: provider.command(languageInput), sources: sourcesOf(answers, r, detection) };
}

/** How to add our CI job to the CI a repository already runs. */
const ciHint = (c: NonNullable<Detection['ci']>[number]) =>
  `This repository runs ${c.title} (${c.evidence}): "ci": ["${c.target}"] in the answers adds a job that builds the image, starts the stack until it is healthy, and pushes the image.`;

/** `a/b/c` seen from `a`: `b/c`. */
const relativeTo = (dir: string, path: string) => (dir === '.' ? path : path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path);

/** The names docker compose looks for, in its order of preference. */
const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Kept out of every build context: secrets, version control, the Docker files themselves. */
const COMMON_IGNORES = [
  {
    comment: 'Secrets stay out of the image: compose passes .env to the container at run time',
    patterns: ['**/.env', '**/.env.*', '!**/.env.example', 'secrets'],
  },
  {
    comment: 'Version control and editor settings',
    patterns: ['.git', '**/.gitignore', '.vscode', '.idea', '**/.DS_Store'],
  },
  {
    comment: 'Docker and deployment files: editing them should not invalidate the app layer',
    patterns: ['**/Dockerfile', '**/.dockerignore', '**/Dockerfile.dockerignore', 'docker-compose*.yml', 'compose*.yaml', 'docker-stack.yml', 'k8s', 'README.Docker.md', '.yo-rc.json'],
  },
] as const;

function renderDockerignore(r: ResolvedAnswers, context?: BuildContext): string {
  const extra = context && context.ignore.length ? [{ comment: context.why, patterns: context.ignore }] : [];
  const blocks = [...COMMON_IGNORES, ...providerOf(r).dockerignore, ...extra].map((s) => [`# ${s.comment}`, ...s.patterns].join('\n'));
  return `# What docker build never sees, written by generator-dockerize.\n# A small context builds faster and keeps secrets out of images.\n\n${blocks.join('\n\n')}\n`;
}

/** What README.Docker.md says the health check is. */
function healthSentence(r: ResolvedAnswers): string {
  const url = `<http://localhost:${r.port}${r.healthPath}>`;
  if (r.healthCheck === 'route') return `The health check calls ${url}: the container is healthy while it answers 2xx or 3xx.`;
  return `No health route was found in the app, so the health check calls ${url} and accepts\nany answer below 500: a stopped or crashing app fails it, a working one passes. To check\nmore (the database, say), add a route that answers 200 only when everything works and set\n\`healthPath\` in the answers to it.`;
}

function renderReadme(
  r: ResolvedAnswers,
  framework: string,
  files: readonly PlannedFile[],
  notes: readonly string[],
  processes: readonly Process[],
  build: BuildSpec,
  templates: TemplateStore,
  image: { image: string[]; shell: string | null } | undefined,
  dev: DevSummary | null,
): string {
  // Starter files are left out: a re-run (when the app exists) must give the same README.
  const listed = files.filter((f) => f.kind !== 'starter').map((f) => ({ path: f.path, purpose: f.purpose }));
  listed.push({ path: 'README.Docker.md', purpose: 'This guide' });
  const ctx = entryContext(r);
  const used = servicesOf(r);
  const provider = providerOf(r);
  return renderTemplate(templates, 'core/README.Docker.md.ejs', {
    name: r.name,
    framework,
    // "an Express app", "a FastAPI app"
    article: /^[aeiou]/i.test(framework) ? 'an' : 'a',
    serviceTitles: used.map((s) => s.title),
    serviceCommands: used.flatMap((s) => s.readme?.(ctx) ?? []),
    secretsNotes: used.flatMap((s) => (s.secretsNote ? [s.secretsNote] : [])),
    k8sSummaries: used.map((s) => s.k8sSummary),
    port: r.port,
    hostPortVar: hostPortVar(r),
    healthPath: r.healthPath,
    anyResponse: r.healthCheck === 'any-response',
    health: healthSentence(r),
    files: listed,
    // What `docker build` takes: the context (the app's folder, or the workspace root with -f for the app's Dockerfile).
    context: build.dockerfile ? `-f ${build.context === '.' ? '' : `${build.context}/`}${build.dockerfile} ${build.context}` : build.context,
    servicesPrivate: used.length > 0 && !r.exposeServices,
    baseImage: provider.runtime.tag.replace('{version}', r.runtimeVersion),
    // The provider's own account of its image, when the usual one does not fit (no shell, another final image).
    image: image ?? null,
    notes,
    // Processes built from another stage are images of their own where images are pulled (Swarm, Kubernetes).
    stageImages: [...new Map(processes.flatMap((p) => (p.target ? [[p.target.stage, { stage: p.target.stage, image: processImage(r.image, p.target.stage), why: p.target.why }] as const] : []))).values()],
    swarm: r.deploy.includes('swarm') ? { image: r.image, stack: r.name, replicas: r.replicas } : null,
    dev,
    composeFile: files.find((f) => /(^|\/)(docker-)?compose\.ya?ml$/.test(f.path))?.path ?? null,
    // Where the image goes: the answers' reference (a registry's, when it names one).
    publish: r.image.includes('/') ? { image: r.image, registry: registryOf(r.image), named: true } : { image: `<you>/${r.image}`, registry: null, named: false },
    kubernetes: r.deploy.includes('kubernetes')
      ? { namespace: k8sName(r.name), image: r.image, replicas: r.replicas, secrets: files.some((f) => f.path === 'k8s/secrets.env') }
      : null,
  });
}

/** The keys `dockerize --detect` prints, in this order. */
const DETECT_KEYS = ['app', 'name', 'language', 'framework', 'services', 'packageManager', 'runtimeVersion', 'entrypoint', 'port', 'healthPath'] as const;

/**
 * What `dockerize --detect` prints: the answers a run would use (detected, or
 * defaulted where detection found nothing), `evidence` for each (the file and
 * rule, or "default"), and `warnings`. Throws InputError when no app is found
 * (or several, and none chosen).
 */
export function detectAnswers(input: { project: ProjectSnapshot; folderName?: string; app?: string }): Record<string, unknown> {
  const given: Answers = input.app ? { app: input.app } : {};
  const checked = validateAnswers(given);
  if (!checked.ok) throw new InputError(checked.errors);
  const facts = projectFacts(input.project, input.folderName, input.app);
  const d = facts.detected as Detection;
  const gaps = missing(given, d).filter((g) => g.pointer !== '/framework');
  if (gaps.length) throw new InputError(gaps);
  const values: Record<string, unknown> = {};
  const evidence: Record<string, string> = {};
  // Without a framework, only what doesn't depend on one can be said.
  const soFar: Partial<Answers> = { ...given, ...(d.framework ? { framework: d.framework } : {}), language: d.language };
  const problems = new Map(d.problems.map((p) => [p.key as string, p.message]));
  for (const key of DETECT_KEYS) {
    // What was found but can't be served is said, not replaced by a default.
    const problem = problems.get(key);
    if (problem) {
      evidence[key] = `not usable: ${problem}`;
      continue;
    }
    const f = fields.find((x) => x.key === key);
    const value = f?.default?.(soFar, facts);
    if (value === undefined || value === null || (key === 'app' && value === '.')) continue;
    (soFar as Record<string, unknown>)[key] = value;
    values[key] = value;
    const none: Partial<Record<string, string>> = {
      name: 'default: the folder name',
      services: 'none found: no client package, URL or image of a service',
      healthPath: 'default: no health route found, so the check accepts any answer below 500 from /',
    };
    evidence[key] = d.evidence[key] ?? none[key] ?? 'default';
  }
  return { ...values, evidence, warnings: [...d.problems.map((p) => `${p.key}: ${p.message}`), ...d.warnings], hints: (d.ci ?? []).map(ciHint) };
}
