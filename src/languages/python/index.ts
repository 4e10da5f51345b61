/**
 * Python: FastAPI (uvicorn), Flask and Django (gunicorn). Dependencies are
 * installed from requirements.txt into a virtual environment that the final
 * stage copies.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { LanguagePlanInput, LanguageProvider, ProviderFile } from '../../core/provider.js';
import { renderTemplate } from '../../core/render.js';
import { entryContext, execForm, healthUrl } from '../../core/toolkit.js';
import { versions } from '../../versions.js';
import { detectPythonWith } from './detect.js';
import type { PythonFramework } from './framework.js';
import { django } from './frameworks/django.js';
import { fastapi } from './frameworks/fastapi.js';
import { flask } from './frameworks/flask.js';
import { moduleLayout } from './names.js';
import { renderRequirements } from './requirements.js';

export const pythonFrameworks: readonly PythonFramework[] = [fastapi, flask, django];

function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): PythonFramework {
  const fw = pythonFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a Python framework`);
  return fw;
}

const runtime = versions.runtimes.python;
const baseImage = (r: ResolvedAnswers) => runtime.tag.replace('{version}', r.runtimeVersion);

/** The start command: the answers' override, or the framework's production server. */
const startCommand = (r: ResolvedAnswers) => r.command ?? frameworkOf(r).command(entryContext(r));

function hasApp(r: Pick<ResolvedAnswers, 'framework' | 'entrypoint'> & Partial<ResolvedAnswers>, project: LanguagePlanInput['project']): boolean {
  const markers = frameworkOf(r).starter.appMarkers({ name: r.name ?? 'app', port: r.port ?? 8000, entrypoint: r.entrypoint, healthPath: r.healthPath ?? '/health', services: r.services ?? [] });
  return markers.some((m) => project.read(m) !== undefined);
}

function starterFiles({ r, templates }: LanguagePlanInput): ProviderFile[] {
  const fw = frameworkOf(r);
  const ctx = entryContext(r);
  const view = {
    name: r.name,
    port: r.port,
    healthPath: r.healthPath,
    services: r.services,
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

export const python: LanguageProvider = {
  id: 'python',
  title: 'Python',
  runtime,
  manifests: 'pyproject.toml, requirements*.txt, Pipfile, setup.py, setup.cfg, manage.py',
  frameworks: pythonFrameworks,
  packageManagers: [],
  uid: 10001,
  // urllib is in the standard library: slim images have no curl or wget.
  healthcheck: (url) => ['python', '-c', `import urllib.request; urllib.request.urlopen('${url}', timeout=4)`],
  dockerignore: [
    {
      comment: 'Python caches, virtual environments and build output (the image makes its own)',
      patterns: ['**/__pycache__', '**/*.py[cod]', '.venv', 'venv', 'env', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.coverage', 'htmlcov', 'build', 'dist', '*.egg-info'],
    },
  ],
  starterGitignore: () => ['__pycache__/', '.venv/'],
  detect: (project, repository) => detectPythonWith(pythonFrameworks, project, repository),
  defaultPackageManager: () => null,
  hasApp,

  dockerfile({ r, templates }) {
    const fw = frameworkOf(r);
    return renderTemplate(templates, 'python/Dockerfile.ejs', {
      title: r.name,
      framework: fw.title,
      runtimeVersion: r.runtimeVersion,
      baseImage: baseImage(r),
      port: r.port,
      uid: python.uid,
      command: execForm(startCommand(r)),
      healthcheck: execForm(python.healthcheck(healthUrl(r))),
    });
  },

  files(input) {
    const { r, project, starter } = input;
    const files: ProviderFile[] = [
      {
        path: 'requirements.txt',
        kind: 'merged',
        purpose: 'Pinned Python dependencies: framework, server and service drivers',
        content: renderRequirements(r, frameworkOf(r), project.read('requirements.txt')),
      },
    ];
    if (starter) files.push(...starterFiles(input));
    return files;
  },

  notes({ r, project, starter }) {
    if (starter || hasApp(r, project) || r.command !== null) return [];
    const where = frameworkOf(r).entry === 'package' ? 'manage.py' : moduleLayout(r.entrypoint).moduleFile;
    return [`No ${where} here: the image starts \`${startCommand(r).join(' ')}\`; set "entrypoint" to your app, or "command".`];
  },
};
