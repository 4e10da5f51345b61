/**
 * Python: FastAPI (uvicorn), Flask and Django (gunicorn). Dependencies are
 * installed the way the project declares them (requirements files, pyproject,
 * uv, Poetry, Pipenv, PDM) into a virtual environment that the final stage
 * copies.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { LanguagePlanInput, LanguageProvider, ProviderFile } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { renderTemplate } from '../../core/render.js';
import { aptInstall, entryContext, execForm } from '../../core/toolkit.js';
import { versions } from '../../versions.js';
import { detectPythonWith, djangoSettings, findDjango } from './detect.js';
import type { PythonFramework } from './framework.js';
import { django } from './frameworks/django.js';
import { fastapi } from './frameworks/fastapi.js';
import { flask } from './frameworks/flask.js';
import { PYTHON_INSTALLERS, PYTHON_LOCKFILES, installView, type PythonInstaller } from './install.js';
import { readManifests, type PythonManifests } from './manifests.js';
import { moduleLayout } from './names.js';
import { systemPackages } from './native.js';
import { findCelery, migration, workers } from './processes.js';
import { pythonDataDirs } from './data.js';
import { services, starterServices } from '../../services/index.js';
import { SERVER_REQUIREMENTS, missingServer, serverRequirements, starterRequirements } from './requirements.js';

export const pythonFrameworks: readonly PythonFramework[] = [fastapi, flask, django];

function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): PythonFramework {
  const fw = pythonFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a Python framework`);
  return fw;
}

const runtime = versions.runtimes.python;
const baseImage = (r: ResolvedAnswers) => runtime.tag.replace('{version}', r.runtimeVersion);
const installerOf = (r: ResolvedAnswers) => (r.packageManager ?? 'pip') as PythonInstaller;

/** The start command: the answers' override, or the framework's production server. */
const startCommand = (r: ResolvedAnswers) => r.command ?? frameworkOf(r).command(entryContext(r));

function hasApp(r: Pick<ResolvedAnswers, 'framework' | 'entrypoint'> & Partial<ResolvedAnswers>, project: ProjectSnapshot): boolean {
  const markers = frameworkOf(r).starter.appMarkers({ name: r.name ?? 'app', port: r.port ?? 8000, entrypoint: r.entrypoint, healthPath: r.healthPath ?? '/health', services: r.services ?? [] });
  return markers.some((m) => project.read(m) !== undefined || project.read(`src/${m}`) !== undefined);
}

/** What the build installs from: the project's manifests (a starter's requirements.txt among them). */
function manifestsOf({ project }: LanguagePlanInput): PythonManifests {
  return readManifests(project);
}

/** The server lines the image adds to an existing app (none for a starter: its requirements.txt has it). */
function serverFor(input: LanguagePlanInput, m: PythonManifests): string[] {
  return input.starter ? [] : missingServer(input.r, frameworkOf(input.r), m.dependencies);
}

/** src/ layouts: the package lives under src/, which goes on PYTHONPATH. */
function sourceRoot(r: ResolvedAnswers, project: ProjectSnapshot): string | undefined {
  const fw = frameworkOf(r);
  const base = fw.entry === 'package' ? r.entrypoint.split('.').join('/') : moduleLayout(r.entrypoint).moduleFile.replace(/\.py$/, '');
  const found = (prefix: string) => [`${base}.py`, `${base}/__init__.py`, `${base}/wsgi.py`].some((f) => project.read(`${prefix}${f}`) !== undefined);
  return !found('') && found('src/') ? '/app/src' : undefined;
}

/**
 * Placeholder settings for `collectstatic` at build time: Django imports the
 * settings, which read variables without defaults (a KeyError otherwise).
 * Never a real secret: the values are names or harmless numbers.
 */
function collectstaticEnv(r: ResolvedAnswers): string[] {
  const fixed = ['DJANGO_SECRET_KEY=collectstatic-only', 'SECRET_KEY=collectstatic-only', 'DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3'];
  const keys = new Set(fixed.map((f) => f.split('=')[0]));
  const more = r.appEnv
    .filter((e) => !e.hasDefault && !keys.has(e.key) && /^[A-Z_][A-Z0-9_]*$/.test(e.key))
    .slice(0, 12)
    .map((e) => `${e.key}=${/PORT$/.test(e.key) ? '5432' : /^(DEBUG|.*_DEBUG)$/.test(e.key) ? '0' : /HOSTS$/.test(e.key) ? 'localhost' : 'collectstatic-only'}`);
  return [...fixed, ...more];
}

/** Where the app writes at run time, from its settings (Django's too) and entry module. */
function dataDirsOf({ r, project, starter }: LanguagePlanInput): Array<{ dir: string; evidence: string }> {
  if (starter) return [];
  const fw = frameworkOf(r);
  const settings = fw.id === 'django' ? findDjango(project).settingsFiles : [];
  const entry = r.entrypoint.split(':')[0]?.split('.').join('/');
  return pythonDataDirs(project, [...settings, ...(entry ? [`${entry}.py`, `${entry}/__init__.py`] : [])]);
}

function starterFiles({ r, templates }: LanguagePlanInput): ProviderFile[] {
  const fw = frameworkOf(r);
  const ctx = entryContext(r);
  const view = {
    name: r.name,
    port: r.port,
    healthPath: r.healthPath,
    // The services the starter connects to (and waits for); the others are in .env for the user's code.
    services: starterServices(r, 'python'),
    postgres: r.services.includes('postgres'),
    redis: r.services.includes('redis'),
    ...fw.starter.view(ctx),
  };
  return fw.starter.files(ctx).map((f) => ({
    path: f.path,
    content: renderTemplate(templates, `python/starters/${f.template}`, view),
    kind: 'starter' as const,
    purpose: `Starter ${fw.title} app (replace it with yours)`,
  }));
}

const titles: Readonly<Record<PythonInstaller, string>> = { pip: 'pip', uv: 'uv', poetry: 'Poetry', pipenv: 'Pipenv', pdm: 'PDM' };

export const python: LanguageProvider = {
  id: 'python',
  title: 'Python',
  runtime,
  manifests: 'pyproject.toml, requirements*.txt, Pipfile, setup.py, setup.cfg, manage.py',
  frameworks: pythonFrameworks,
  packageManagers: PYTHON_INSTALLERS,
  uid: 10001,
  // urllib is in the standard library: slim images have no curl or wget.
  // Host: localhost, which Django's ALLOWED_HOSTS names (the container's host name is random).
  healthcheck: (port, path, anyResponse) => [
    'python',
    '-c',
    `import http.client, socket, sys\nc = http.client.HTTPConnection(socket.gethostname(), ${port}, timeout=4)\nc.request('GET', '${path}', headers={'Host': 'localhost'})\nsys.exit(0 if c.getresponse().status < ${anyResponse ? 500 : 400} else 1)`,
  ],
  dockerignore: [
    {
      comment: 'Python caches, virtual environments and build output (the image makes its own)',
      patterns: ['**/__pycache__', '**/*.py[cod]', '.venv', 'venv', 'env', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.coverage', 'htmlcov', 'build', 'dist', '*.egg-info'],
    },
  ],
  starterGitignore: () => ['__pycache__/', '.venv/'],
  detect: (project, repository) => detectPythonWith(pythonFrameworks, project, repository),
  defaultPackageManager: () => 'pip',
  extraImages: [versions.pythonTools.uvImage],
  hasApp,

  check(answers, { starter }) {
    const pm = answers.packageManager;
    if (!starter || pm === undefined || pm === 'pip') return [];
    return [{ pointer: '/packageManager', message: 'the starter app comes with a requirements.txt: use "pip", or set "starter": false and bring your own app with its lockfile' }];
  },

  // The starter app comes with a requirements.txt.
  forStarter: (r) => ({ ...r, packageManager: 'pip' }),

  command: ({ r }) => startCommand(r),

  dataPaths: (input) => dataDirsOf(input).map((d) => ({ path: `/app/${d.dir}`, evidence: d.evidence })),

  dockerfile(input) {
    const { r, project, templates } = input;
    const fw = frameworkOf(r);
    const m = manifestsOf(input);
    const buildable = typeof (m.pyproject?.['build-system'] as { 'build-backend'?: unknown } | undefined)?.['build-backend'] === 'string';
    const pythonPath = input.starter ? undefined : sourceRoot(r, project);
    const dj = fw.id === 'django' ? djangoSettings(project) : undefined;
    const env: Array<[string, string]> = [
      ...(pythonPath ? ([['PYTHONPATH', pythonPath]] as Array<[string, string]>) : []),
      ...(dj?.settingsModule ? ([['DJANGO_SETTINGS_MODULE', dj.settingsModule]] as Array<[string, string]>) : []),
    ];
    const data = dataDirsOf(input);
    const writable = data.length
      ? [
          {
            comment: `The app writes here (${data.map((d) => d.evidence).join('; ')}): the only folders its user may write; compose mounts a volume on each`,
            instruction: `RUN mkdir -p ${data.map((d) => d.dir).join(' ')} && chown ${python.uid}:${python.uid} ${data.map((d) => d.dir).join(' ')}`,
          },
        ]
      : [];
    const collected = dj?.staticRoot
      ? [
          {
            comment: 'Static files collected into the image (STATIC_ROOT). Placeholder settings: collecting them needs no real secret or database',
            instruction: `RUN ${collectstaticEnv(r).join(' ')} \\\n    python manage.py collectstatic --noinput`,
          },
        ]
      : [];
    const finalSteps = [...collected, ...writable];
    const system = systemPackages(m.dependencies);
    const install = installView({ installer: installerOf(r), manifests: m, server: serverFor(input, m), buildable });
    if (system.build.length) install.setup.unshift({ comment: `A compiler and headers to build ${system.because.join(', ')} (the build stage only)`, instruction: aptInstall(system.build) });
    const runtimeSetup = system.runtime.length ? [{ comment: `The C libraries ${system.because.join(', ')} load${system.because.length > 1 ? '' : 's'} at run time`, instruction: aptInstall(system.runtime) }] : [];
    return renderTemplate(templates, 'python/Dockerfile.ejs', {
      title: r.name,
      framework: fw.title,
      runtimeVersion: r.runtimeVersion,
      baseImage: baseImage(r),
      port: r.port,
      uid: python.uid,
      install,
      env,
      runtimeSetup,
      finalSteps,
      command: execForm(startCommand(r)),
      healthcheck: execForm(python.healthcheck(r.port, r.healthPath, r.healthCheck === 'any-response')),
    });
  },

  files(input) {
    const { r, starter } = input;
    if (starter) {
      return [
        { path: 'requirements.txt', kind: 'starter', purpose: 'Pinned Python dependencies of the starter app: framework, server and service drivers', content: starterRequirements(r, frameworkOf(r)) },
        ...starterFiles(input),
      ];
    }
    const server = serverFor(input, manifestsOf(input));
    return server.length
      ? [{ path: SERVER_REQUIREMENTS, kind: 'generated', purpose: `The production server the app lacks (${server.join(', ')}), installed after its own dependencies`, content: serverRequirements(server) }]
      : [];
  },

  processes(input) {
    if (input.starter) return [];
    const used = services.filter((s) => input.r.services.includes(s.id));
    const manifests = manifestsOf(input);
    const fw = frameworkOf(input.r);
    const m = migration(input.r, fw, input.project, manifests, used.some((s) => s.kind === 'database'));
    const settings = fw.id === 'django' ? findDjango(input.project).settingsFiles : [];
    return [...(m ? [m] : []), ...workers(input.project, manifests, used.some((s) => s.broker), settings)];
  },

  dev(input) {
    const { r, project } = input;
    // A command of the user's own: nothing known reloads it, so a change rebuilds.
    if (r.command) return undefined;
    const has = (f: string) => project.read(f) !== undefined || project.list(f) !== undefined;
    const { command, reload } = frameworkOf(r).dev(entryContext(r), has);
    const manifests = ['requirements.txt', 'requirements', 'pyproject.toml', 'uv.lock', 'poetry.lock', 'Pipfile', 'Pipfile.lock', 'pdm.lock', 'setup.py', 'setup.cfg', ...(input.starter ? [] : [SERVER_REQUIREMENTS])];
    const written = new Set(this.files(input).map((f) => f.path));
    return {
      command,
      reload,
      workdir: '/app',
      ignore: ['.venv', 'venv', '**/__pycache__'],
      rebuildOn: manifests.filter((f) => has(f) || written.has(f)),
    };
  },

  notes(input) {
    const { r, project, starter } = input;
    if (starter) return [];
    const notes: string[] = [];
    const installer = installerOf(r);
    const m = manifestsOf(input);
    if (installer !== 'pip' && project.read(PYTHON_LOCKFILES[installer]) === undefined) {
      notes.push(`No ${PYTHON_LOCKFILES[installer]} here: the image installs exactly what it pins, so run \`${installer} lock\` once and commit it before building.`);
    }
    if (installer === 'pip' && !m.requirementsFile && !m.pyproject && project.read('setup.py') === undefined) {
      notes.push('No requirements.txt, pyproject.toml or setup.py here: the image has nothing to install its dependencies from.');
    }
    if (m.dependencies.some((d) => !d.dev && d.name === 'celery') && !findCelery(project)) {
      notes.push('celery is a dependency, but no Celery app (`app = Celery(...)`) was found in the usual modules, so no worker runs: add one to docker-compose.yml from the app\'s image, with `command: ["celery", "-A", "<module>", "worker", "--loglevel=INFO"]`.');
    }
    const dj = frameworkOf(r).id === 'django' ? djangoSettings(project) : undefined;
    if (dj && !services.some((sv) => sv.kind === 'database' && r.services.includes(sv.id))) {
      const settings = findDjango(project).settingsFiles.find((f) => /django\.db\.backends\.sqlite3/.test(project.read(f) ?? ''));
      if (settings) {
        notes.push(`${settings} uses SQLite, and no database service is in the stack: the database file would sit in the image's read-only /app and vanish with the container. Add "postgres" to "services" (and read DATABASE_URL in the settings), or put the SQLite file on a volume.`);
      }
    }
    if (dj?.staticFiles && !dj.staticRoot) {
      notes.push("Django's STATIC_ROOT is not set, so static files (the admin's CSS, say) are not collected into the image: set STATIC_ROOT, and serve them with whitenoise or a web server.");
    }
    const server = serverFor(input, m);
    if (server.length) notes.push(`${SERVER_REQUIREMENTS} adds ${server.join(', ')}: the start command needs it and the app's dependencies don't provide it. The Dockerfile installs it after them (${titles[installer]}); add it to your own dependencies to drop this file.`);
    if (!hasApp(r, project) && r.command === null) {
      const where = frameworkOf(r).entry === 'package' ? 'manage.py' : moduleLayout(r.entrypoint).moduleFile;
      notes.push(`No ${where} here: the image starts \`${startCommand(r).join(' ')}\`; set "entrypoint" to your app, or "command".`);
    }
    return notes;
  },
};
