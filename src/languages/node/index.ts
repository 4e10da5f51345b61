/**
 * Node.js: Express, Fastify, NestJS and Next.js, installed with npm, Yarn or
 * pnpm exactly as the lockfile pins, built when the framework builds.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { LanguagePlanInput, LanguageProvider, Process, ProviderFile } from '../../core/provider.js';
import { within, type ProjectSnapshot } from '../../core/project.js';
import type { FieldError } from '../../core/validate.js';
import { renderTemplate } from '../../core/render.js';
import { parseJson } from '../../core/json.js';
import { aptInstall, entryContext, execForm, humanList, readJson, shellQuote } from '../../core/toolkit.js';
import { services } from '../../services/index.js';
import { versions } from '../../versions.js';
import { detectNodeWith } from './detect.js';
import type { NodeFramework } from './framework.js';
import { express } from './frameworks/express.js';
import { fastify } from './frameworks/fastify.js';
import { nestjs } from './frameworks/nestjs.js';
import { nextjs } from './frameworks/nextjs.js';
import { lifecycleScripts, nodeApp, startCommand, startEnv, type NodeApp } from './build.js';
import { findWorkspace, type Workspace } from './workspace.js';
import { nodeDataDirs } from './data.js';
import { PACKAGE_MANAGERS, isYarnBerry, lockfiles, packageManager, type PackageManager, type PackageManagerEntry } from './package-managers.js';
import { starterLockfile, starterPackageJson, starterPackages, starterServices } from './starter.js';

export const nodeFrameworks: readonly NodeFramework[] = [express, fastify, nestjs, nextjs];

export function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): NodeFramework {
  const fw = nodeFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a Node.js framework`);
  return fw;
}

const runtime = versions.runtimes.node;
const pmOf = (r: ResolvedAnswers) => (r.packageManager ?? 'npm') as PackageManager;

/**
 * yarn/pnpm version: package.json's "packageManager" field, when it names the
 * chosen tool; else, for pnpm, the release line that writes the lockfile's
 * format (pnpm refuses a lockfile of another major).
 */
function toolVersion(r: ResolvedAnswers, project: ProjectSnapshot): string | undefined {
  const pkg = readJson(project, 'package.json');
  const field = typeof pkg?.packageManager === 'string' ? pkg.packageManager : '';
  const m = /^(npm|yarn|pnpm|bun)@(\d+\.\d+\.\d+)/.exec(field);
  if (m && m[1] === r.packageManager && r.packageManager !== 'npm') return m[2];
  if (r.packageManager === 'pnpm') {
    const format = /^lockfileVersion:\s*['"]?(\d+)/m.exec(project.read(lockfiles.pnpm) ?? '')?.[1];
    if (format === '5') return versions.tools.pnpm7;
    if (format === '6') return versions.tools.pnpm8;
  }
  return undefined;
}

/** What makes the install fail before it starts: an unreadable package.json, a lockfile out of date, Yarn PnP. */
function projectProblems(r: ResolvedAnswers, project: ProjectSnapshot): FieldError[] {
  const text = project.read('package.json');
  if (text === undefined) return [];
  const parsed = parseJson(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return [{ pointer: '', file: 'package.json', message: `${parsed.ok ? 'is not a JSON object' : `is not valid JSON: ${parsed.message}`}; fix it, then run the generator again` }];
  }
  const pkg = parsed.value as Record<string, unknown>;
  const problems: FieldError[] = [];
  if (r.packageManager === 'npm') {
    const lock = readJson(project, lockfiles.npm);
    const root = (lock?.packages as Record<string, Record<string, unknown>> | undefined)?.[''];
    if (root) {
      const wanted = { ...(pkg.dependencies as object), ...(pkg.devDependencies as object), ...(pkg.optionalDependencies as object) } as Record<string, unknown>;
      const locked = { ...(root.dependencies as object), ...(root.devDependencies as object), ...(root.optionalDependencies as object) } as Record<string, unknown>;
      const differ = [...new Set([...Object.keys(wanted), ...Object.keys(locked)])].filter((k) => wanted[k] !== locked[k]).sort();
      if (differ.length) {
        problems.push({ pointer: '/packageManager', file: lockfiles.npm, message: `out of date with package.json (${differ.slice(0, 5).join(', ')}${differ.length > 5 ? ', ...' : ''}), so \`npm ci\` in the image would stop: run \`npm install\` and commit package-lock.json` });
      }
    }
  }
  const pin = toolVersion(r, project);
  if (r.packageManager === 'yarn' && pin && isYarnBerry(pin) && !/^nodeLinker:\s*["']?node-modules/m.test(project.read('.yarnrc.yml') ?? '')) {
    problems.push({ pointer: '/packageManager', file: '.yarnrc.yml', message: 'Yarn Plug\'n\'Play (no `nodeLinker: node-modules`): the image runs node on a node_modules tree; add `nodeLinker: node-modules` to .yarnrc.yml and run `yarn install` once' });
  }
  return problems;
}

/** An .npmrc with a registry token is not copied into the image (a layer would keep it). */
const hasToken = (npmrc: string) => /(_authToken|_auth|_password|password)\s*=/.test(npmrc);

/** NEXT_PUBLIC_* variables .env.example names: next build inlines them, so they are build arguments. */
function nextPublicVars(project: ProjectSnapshot): string[] {
  const text = ['.env.example', '.env.sample', '.env.template', '.env.local.example'].map((f) => project.read(f) ?? '').join('\n');
  return [...new Set([...text.matchAll(/^\s*(NEXT_PUBLIC_[A-Z0-9_]+)\s*=/gm)].map((m) => m[1] as string))].sort();
}

/** Compilers and file tools: a build made only of these runs none of the app's code (so it reads no settings). */
const COMPILE_ONLY = /^(tsc|nest\s+build|tsup|esbuild|swc|babel|rimraf|del-cli|shx|cpx|copyfiles|mkdir|cp|rm|tsc-alias|vite\s+build\s+--ssr)(\s|$)/;
const runsAppCode = (script: string) => script.split(/\s*(?:&&|;)\s*/).some((part) => part.trim() !== '' && !COMPILE_ONLY.test(part.trim()));

const hasDatabase = (r: ResolvedAnswers) => services.some((s) => s.kind === 'database' && r.services.includes(s.id));

/** The stage one-off tasks that need the dev packages run from. */
const TOOLS_STAGE = 'tools';
/** The Dockerfile stage docker-compose.override.yml builds for development. */
const DEV_STAGE = 'dev';

/** Whether package.json names a package among its dependencies or devDependencies. */
function dependsOn(project: ProjectSnapshot, name: string): boolean {
  const pkg = readJson(project, 'package.json');
  return [pkg?.dependencies, pkg?.devDependencies].some((d) => typeof d === 'object' && d !== null && name in d);
}

/**
 * The app as this plan builds it: its migration runs once before it starts
 * (when there is a database to apply it to), from the app's image, or from the
 * tools stage when its CLI is a dev package (which then makes the image build).
 */
function plannedApp({ r, project, starter }: LanguagePlanInput): { app: NodeApp; migrate?: Process; workers: Process[] } {
  const fw = frameworkOf(r);
  const app = nodeApp(project, fw);
  // A worker needs what it consumes from (Redis for BullMQ, the database for pg-boss): some service of the stack.
  const workers: Process[] =
    starter || r.services.length === 0
      ? []
      : app.workers.map((w, i) => ({
          name: i === 0 ? 'worker' : `worker-${i + 1}`,
          command: w.command,
          lifecycle: 'always',
          purpose: `Runs the ${w.script} script beside the app: the jobs it queues`,
          evidence: w.evidence,
        }));
  const m = app.migration;
  if (starter || !m || !hasDatabase(r)) return { app, workers };
  const migrate: Process = {
    name: 'migrate',
    command: m.command,
    lifecycle: 'once',
    purpose: 'Applies the database migrations, then exits; the app starts after it succeeds',
    evidence: m.evidence,
    ...(m.devPackages.length
      ? { target: { stage: TOOLS_STAGE, why: `The Dockerfile's ${TOOLS_STAGE} stage: the build with its dev packages (${humanList(m.devPackages)}, which the app's image leaves out)` } }
      : {}),
  };
  return { app: m.devPackages.length ? { ...app, builds: true } : app, migrate, workers };
}

/** Packages that build a C++ addon with node-gyp when their prebuilt binary can't be downloaded or doesn't fit the Node.js version. */
const NATIVE_ADDONS = ['bcrypt', 'argon2', 'sqlite3', 'better-sqlite3', 're2', 'isolated-vm', 'libxmljs2', 'zeromq'];

/** The workspace the app is a member of (its lockfile above its folder); a starter is never one. */
function workspaceOf(input: LanguagePlanInput): Workspace | undefined {
  // Next.js's standalone output traces a workspace differently (outputFileTracingRoot): not built this way yet.
  if (input.starter || input.r.app === '.' || frameworkOf(input.r).build.kind === 'nextjs') return undefined;
  return findWorkspace(input.repository, input.r.app);
}

const strings = (v: unknown): Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

/** The workspace install: everything as locked (pnpm and Yarn 4: only the app and what it uses). */
function workspaceInstall(pm: PackageManagerEntry, ws: Workspace): string {
  const tool = pm.tool;
  switch (pm.id) {
    case 'pnpm':
      return `${tool} install --frozen-lockfile --filter "${ws.name}..."`;
    case 'yarn':
      return pm.berry ? `${tool} workspaces focus ${ws.name}` : pm.installAll;
    default:
      return pm.installAll;
  }
}

/** The build scripts of the members the app uses, then the app's: dependencies first. */
function workspaceBuild(pm: PackageManagerEntry, ws: Workspace): string[] {
  const building = ws.closure.filter((m) => m.scripts.build !== undefined);
  if (building.length === 0) return [];
  const tool = pm.tool;
  switch (pm.id) {
    case 'pnpm':
      return [`${tool} --filter "${ws.name}..." run --if-present build`];
    case 'yarn':
      return pm.berry ? [`${tool} workspaces foreach -Rt --from ${ws.name} run build`] : [building.map((m) => `${tool} workspace ${m.name} run build`).join(' \
    && ')];
    default:
      return [`npm run build ${building.map((m) => `-w ${m.dir}`).join(' ')}`];
  }
}

/** The production packages: pnpm deploy (the app alone, its workspace packages copied in), else the whole tree pruned. */
function workspacePrune(pm: PackageManagerEntry, ws: Workspace): string {
  const tool = pm.tool;
  if (pm.id === 'pnpm') {
    // pnpm 10 deploys workspace packages without injection only with --legacy.
    const major = Number(/pnpm@(\d+)/.exec(tool)?.[1] ?? '10');
    return `${tool} --filter ${ws.name} deploy --prod${major >= 10 ? ' --legacy' : ''} /prod`;
  }
  if (pm.id === 'yarn' && pm.berry) return `YARN_ENABLE_SCRIPTS=false ${tool} workspaces focus ${ws.name} --production`;
  return pm.prune;
}

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
  healthcheck: (port, path, anyResponse) => [
    'node',
    '-e',
    `fetch('http://' + require('os').hostname() + ':${port}${path}').then((r) => process.exit(${anyResponse ? 'r.status < 500' : 'r.ok'} ? 0 : 1), () => process.exit(1))`,
  ],
  dockerignore: [
    {
      comment: 'Dependencies and build output: the image installs and builds its own',
      patterns: ['**/node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', '.pnpm-store', '.npm', '.next', 'dist', 'build', 'out', 'coverage', '.turbo'],
    },
  ],
  starterGitignore: (r) => ['node_modules/', frameworkOf(r).build.kind === 'nextjs' ? '.next/' : 'dist/'],
  detect: (project, repository, path) => detectNodeWith(nodeFrameworks, project, repository, path),
  defaultPackageManager: () => 'npm',
  starterHint: 'run `npm install` to work on it outside Docker',
  hasApp: (_r, project) => project.read('package.json') !== undefined,

  check(answers, { r, project, starter }) {
    const pm = answers.packageManager;
    if (starter) {
      if (pm === undefined || pm === 'npm' || typeof pm !== 'string' || !(pm in lockfiles)) return [];
      return [
        {
          pointer: '/packageManager',
          message: `the starter app comes with an npm lockfile: use "npm", or set "starter": false and bring your own app with its ${lockfiles[pm as PackageManager]}`,
        },
      ];
    }
    return projectProblems(r, project);
  },

  // The starter app comes with an npm lockfile.
  forStarter: (r) => ({ ...r, packageManager: 'npm' }),

  command({ r, project }) {
    const fw = frameworkOf(r);
    const app = nodeApp(project, fw);
    // Without `output: 'standalone'` there is no server.js: next's own CLI serves the build.
    const next = fw.build.kind === 'nextjs' && !app.nextStandalone ? ['node', 'node_modules/next/dist/bin/next', 'start'] : fw.command(entryContext(r));
    return startCommand(r, fw, app, next);
  },

  processes: (input) => {
    const { migrate, workers } = plannedApp(input);
    return [...(migrate ? [migrate] : []), ...workers];
  },

  dataPaths(input) {
    const ws = workspaceOf(input);
    const root = ws && ws.packageManager !== 'pnpm' ? `/app/${ws.app}` : '/app';
    return nodeDataDirs(input.project, input.r.entrypoint).map((d) => ({ path: `${root}/${d.dir}`, evidence: d.evidence }));
  },

  buildContext(input) {
    const ws = workspaceOf(input);
    if (!ws) return undefined;
    const needed = new Set(ws.closure.map((m) => m.dir));
    return {
      dir: ws.root,
      // The other members: only their package.json (the lockfile covers every member, so the install needs them all).
      ignore: ws.members.filter((m) => !needed.has(m.dir)).flatMap((m) => [`${m.dir}/**`, `!${m.dir}/package.json`]),
      why: `The workspace's members ${ws.name} does not use: only their package.json comes in (the lockfile covers every member)`,
    };
  },

  dockerfile(input) {
    const { r, templates } = input;
    const fw = frameworkOf(r);
    const ws = workspaceOf(input);
    // The build context's top: the app's folder, or the workspace root that holds the lockfile.
    const project = ws ? within(input.repository, ws.root) : input.project;
    const planned = plannedApp(input);
    const migrate = planned.migrate;
    // A workspace member always builds: its packages come from the workspace's install, pruned after.
    const app = ws ? { ...planned.app, builds: true } : planned.app;
    const pm = packageManager(pmOf(r), ws?.pin ?? toolVersion(r, project));
    const inApp = (command: string) => (ws ? `cd ${ws.app} && ${command}` : command);
    const next = fw.build.kind === 'nextjs';
    // The variables a build that runs the app's code reads (next build, env validation): placeholders, never the secrets from .env.
    const placeholders = !next && !runsAppCode(app.scripts.build ?? '') ? [] : input.buildPlaceholders.map(([k, v]) => `${k}=${shellQuote(v)}`);
    const buildRun = (command: string, mounts: string[] = []) =>
      `RUN ${[...mounts.map((m) => `--mount=type=cache,target=${m}`)].join(' ')}${mounts.length ? ' \\\n    ' : ''}${placeholders.length ? `${placeholders.join(' ')} \\\n    ` : ''}${command}`;
    const steps = [
      ...(app.prisma
        ? [
            {
              comment: `Prisma's client for ${app.prisma.schema}, generated for this image's platform`,
              instruction: `RUN ${inApp(`${ws ? 'npx --no-install prisma' : 'node_modules/.bin/prisma'} generate${app.prisma.schema.endsWith('.prisma') && app.prisma.schema !== 'prisma/schema.prisma' ? ` --schema ${app.prisma.schema}` : ''}`)}`,
            },
          ]
        : []),
      ...app.lifecycle.commands.map((c) => ({
        comment: "package.json's own install script, now that the code is here",
        instruction: `RUN ${inApp(`npm exec -c ${shellQuote(c)}`)}`,
      })),
      ...(ws
        ? workspaceBuild(pm, ws).map((command) => ({ comment: `The build scripts of ${ws.name} and the workspace packages it uses, dependencies first`, instruction: buildRun(command) }))
        : app.buildScript || next
          ? [
              {
                comment: next ? 'Next.js keeps its incremental build cache in .next/cache: a cache mount reuses it between builds' : 'The build script of package.json (a TypeScript compile, say)',
                instruction: buildRun(pm.run('build'), next ? ['/app/.next/cache'] : []),
              },
            ]
          : []),
    ];
    const openssl = app.prisma ? [{ comment: 'Prisma\'s query engine needs OpenSSL', instruction: aptInstall(['openssl', 'ca-certificates']) }] : [];
    const hasFile = (f: string) => project.read(f) !== undefined;
    const declared = { ...strings(readJson(input.project, 'package.json')?.dependencies), ...strings(readJson(input.project, 'package.json')?.optionalDependencies) };
    const native = NATIVE_ADDONS.filter((n) => declared[n] !== undefined);
    // No lockfile: the install resolves the ranges of package.json (COPY of a missing lockfile would stop the build).
    const locked = hasFile(pm.lockfile);
    // package.json files whose own install scripts wait for the code: the app's (or the workspace root's and every member's).
    const lifecycleOf = (dir: string) => lifecycleScripts(strings(readJson(project, dir === '.' ? 'package.json' : `${dir}/package.json`)?.scripts)).names;
    const setAside = (ws ? ['.', ...ws.members.map((m) => m.dir)] : ['.']).map((dir) => ({ dir, names: lifecycleOf(dir) })).filter((s) => s.names.length > 0);
    const rootFiles = ['.npmrc', '.yarnrc', '.yarnrc.yml', 'pnpm-workspace.yaml', '.pnpmfile.cjs'].filter((f) => hasFile(f) && !(f === '.npmrc' && hasToken(project.read(f) ?? '')));
    const folders = ['.yarn/releases', '.yarn/plugins', '.yarn/patches', 'patches'].filter((d) => project.list(d) !== undefined);
    const view = {
      title: r.name,
      framework: fw.title,
      runtimeVersion: r.runtimeVersion,
      baseImage: runtime.tag.replace('{version}', r.runtimeVersion),
      port: r.port,
      command: execForm(node.command(input)),
      // Said only when it is so: a custom command may start a shell or a process manager.
      commandNote: r.command || node.command(input)[0] !== 'node' ? 'Exec form: the first program gets `docker stop`\'s SIGTERM (it must pass it on to the app if it is a shell or a wrapper).' : "Exec form: node receives `docker stop`'s SIGTERM itself (no shell or npm in between).",
      healthcheck: execForm(node.healthcheck(r.port, r.healthPath, r.healthCheck === 'any-response')),
      manifests: ['package.json', ...(locked ? [pm.lockfile] : []), ...rootFiles].join(' '),
      extraManifests: [...folders.map((d) => `${d}/ ${d}/`), ...(ws ? ws.members.map((m) => `${m.dir}/package.json ${m.dir}/`) : [])],
      mounts: pm.caches.map((c) => `--mount=type=cache,target=${c}`).join(' '),
      deps: {
        what: `${app.builds ? 'every package' : 'production packages only'}${locked ? ', exactly as locked' : ''}${app.builds ? ' (the build needs them)' : ''}`,
        comment: setAside.length
          ? `The install scripts of ${humanList(setAside.map((s) => (s.dir === '.' ? 'package.json' : `${s.dir}/package.json`)))} need the code, which is not here yet: this stage's copies go without them${app.lifecycle.commands.length ? ' (the build stage runs what the image needs of them)' : ''}. The package cache stays in a cache mount, outside the image.`
          : 'The package cache stays in a cache mount, outside the image.',
        setup: native.length
          ? [{ comment: `${humanList(native)} compile${native.length > 1 ? '' : 's'} a native addon when no prebuilt binary fits: a compiler for this stage only`, instruction: aptInstall(['python3', 'make', 'g++']) }]
          : [],
        install: [
          ...setAside.map((s) => `npm pkg delete ${s.names.map((n) => `scripts.${n}`).join(' ')}${s.dir === '.' ? '' : ` --prefix ${s.dir}`}`),
          ws ? workspaceInstall(pm, ws) : locked ? (app.builds ? pm.installAll : pm.installProd) : app.builds ? pm.unlocked.all : pm.unlocked.prod,
        ],
        env: pm.env,
      },
      build: app.builds
        ? {
            what:
              [app.prisma ? 'prisma generate' : '', app.lifecycle.commands.length ? 'the install script' : '', ws ? (ws.closure.some((m) => m.scripts.build) ? 'the workspace build scripts' : '') : app.buildScript || next ? `the build script (${app.scripts.build ?? 'next build'})` : '']
                .filter(Boolean)
                .join(', then ') || 'the code, with every package',
            setup: openssl,
            steps,
            prune: ws ? workspacePrune(pm, ws) : pm.prune,
          }
        : null,
      final: ws && pm.id !== 'pnpm'
        ? { workdir: `/app/${ws.app}`, from: '/app', to: '/app', comment: `The workspace as built, with production packages only (the app in ${ws.app}/); owned by root, read-only to the app user.` }
        : ws
          ? { workdir: '/app', from: '/prod', to: './', comment: `${ws.name} as pnpm deploy wrote it: its files, its production packages and the workspace packages it uses; owned by root.` }
          : { workdir: '/app', from: '/app', to: './', comment: 'The app as built, with production packages only; owned by root, read-only to the app user.' },
      tools: migrate?.target ? { stage: migrate.target.stage, for: `${migrate.command.join(' ')}, run by the migrate service` } : null,
      // Only when the answers ask for the development setup and it builds this stage.
      devStage: r.dev && node.dev?.(input)?.target ? DEV_STAGE : null,
      standalone: app.nextStandalone,
      buildArgs: next ? nextPublicVars(project) : [],
      env: [['NODE_ENV', 'production'], ...(next ? [['NEXT_TELEMETRY_DISABLED', '1'], ['HOSTNAME', '0.0.0.0']] : []), ...startEnv(app), ['PORT', String(r.port)]],
      runtimeSetup: openssl,
      dataDirs: nodeDataDirs(input.project, r.entrypoint),
    };
    return renderTemplate(templates, next ? 'node/Dockerfile.nextjs.ejs' : 'node/Dockerfile.ejs', view);
  },

  files: (input) => (input.starter ? starterFiles(input) : []),

  dev(input) {
    const { r, project } = input;
    // A command of the user's own, or a workspace member (built from the workspace root): a change rebuilds.
    if (r.command || workspaceOf(input)) return undefined;
    const fw = frameworkOf(r);
    const { app } = plannedApp(input);
    const pm = pmOf(r);
    const has = (f: string) => project.read(f) !== undefined;
    const common = {
      workdir: '/app',
      // What the image makes itself: the host's copies (another platform's, maybe) never replace them.
      ignore: ['node_modules', 'dist', 'build', '.next', 'coverage'],
      rebuildOn: ['package.json', ...[packageManager(pm, toolVersion(r, project)).lockfile, '.npmrc', '.yarnrc.yml', 'pnpm-workspace.yaml'].filter(has)],
      environment: { NODE_ENV: 'development' },
    };
    const devStage = { stage: DEV_STAGE, why: 'Every package, dev ones included, and a copy of the code the app user may write (the dev server writes its output beside it)' };
    if (fw.build.kind === 'nextjs') return { ...common, target: devStage, command: ['node', 'node_modules/next/dist/bin/next', 'dev', '--hostname', '0.0.0.0', '--port', String(r.port)], reload: 'next dev' };
    if (app.builds) {
      // The project's own dev script knows how it reloads (tsx watch, nodemon, nest start --watch).
      if (app.scripts.dev) return { ...common, target: devStage, command: ['npm', 'run', 'dev'], reload: `its dev script (${app.scripts.dev})` };
      if (fw.id === 'nestjs' && dependsOn(project, '@nestjs/cli')) return { ...common, target: devStage, command: ['node', 'node_modules/@nestjs/cli/bin/nest.js', 'start', '--watch'], reload: 'nest start --watch' };
      return undefined;
    }
    // Plain JavaScript: node's own watch mode restarts it on a change, with the inspector open for a debugger.
    const command = node.command(input);
    if (command[0] !== 'node') return undefined;
    return {
      ...common,
      command: ['node', '--watch', '--inspect=0.0.0.0:9229', ...command.slice(1)],
      reload: 'node --watch',
      debug: { port: 9229, how: 'Chrome\'s chrome://inspect, or VS Code\'s "Attach to Node Process" (port 9229)' },
    };
  },

  notes(input) {
    const { r, project, starter } = input;
    const notes: string[] = [];
    if (starter) return notes;
    const pm = pmOf(r);
    const fw = frameworkOf(r);
    const ws = workspaceOf(input);
    const deps = { ...(readJson(project, 'package.json')?.dependencies as Record<string, unknown> | undefined) };
    if (r.services.includes('mysql') && deps.mysql !== undefined && deps.mysql2 === undefined) {
      notes.push("The app uses the `mysql` package, which can't log in with MySQL 8.4's default authentication (caching_sha2_password: ER_NOT_SUPPORTED_AUTH_MODE): switch to `mysql2` (the same API), or choose \"mariadb\" in the services.");
    }
    if (!ws && fw.build.kind === 'nextjs' && r.app !== '.' && findWorkspace(input.repository, r.app)) {
      notes.push(`${r.app}/ is a Next.js app in a workspace, which the generator does not build from the workspace root yet: the image installs from ${r.app}/ alone, so it needs a lockfile there (or build it with your workspace tool's Docker recipe, such as \`turbo prune\`).`);
    }
    if (ws) notes.push(`${r.app}/ is a member of the ${ws.root === '.' ? '' : `${ws.root}/ `}workspace: the image is built from ${ws.root === '.' ? 'the repository root' : `${ws.root}/`} with the workspace's lockfile, and holds the workspace packages ${ws.name} uses${ws.closure.length > 1 ? ` (${humanList(ws.closure.slice(0, -1).map((m) => m.name))})` : ''}. Adding a member to the workspace means running the generator again (the Dockerfile lists every member's package.json).`);
    else if (project.read(lockfiles[pm]) === undefined) {
      notes.push(`No ${lockfiles[pm]} here: the image installs with \`${pm} install\`, whatever versions package.json's ranges resolve to on the day it builds. Run \`${pm} install\` once and commit ${lockfiles[pm]}: the Dockerfile then installs exactly what it pins (run the generator again).`);
    }
    if (fw.build.kind === 'nextjs') {
      const config = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'].map((p) => project.read(p)).find((t) => t !== undefined);
      if (!config || !/output\s*:\s*["'`]standalone/.test(config)) {
        notes.push("next.config has no `output: 'standalone'`: the image runs `next start` with the production packages. Adding it gives a smaller image (only the server the build traces); the Dockerfile then needs writing again (run the generator once more).");
      }
    }
    const app = nodeApp(project, fw);
    if (fw.build.kind === 'script' && !app.buildScript) notes.push(`package.json has no "build" script: the image runs ${r.entrypoint}, which a build would write.`);
    if (!app.builds && r.command === null && project.read(r.entrypoint) === undefined) {
      notes.push(`No ${r.entrypoint} here: the image starts \`node ${r.entrypoint}\`; set "entrypoint" to the file your start script runs, or "command".`);
    }
    if (app.start && app.start.runner !== 'node' && !(app.start.runner === 'fastify' && app.start.subcommand === 'start') && fw.build.kind !== 'nextjs' && r.command === null) {
      notes.push(`The ${app.start.name} script runs ${app.start.runner}, not node: the image runs \`node ${r.entrypoint}\` instead (a development tool is not in the final image).`);
    }
    if (project.read('.npmrc') !== undefined && hasToken(project.read('.npmrc') ?? '')) {
      notes.push('.npmrc holds a registry token, so the image does not copy it: installs from a private registry need it as a build secret (`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc`).');
    }
    return notes;
  },
};
