/**
 * How the build stage installs a Python app's dependencies, for each way a
 * project declares them: requirements files (with their includes), a PEP 621
 * pyproject.toml, or a lock of uv, Poetry, Pipenv or PDM. Always the recipe:
 * the manifests alone first, a dependencies-only install (a cache mount keeps
 * the downloads), then the code. Everything goes into /opt/venv, which the
 * final stage copies; the installers stay in the build stage.
 */
import { versions } from '../../versions.js';
import type { PythonManifests } from './manifests.js';

/** The ways the answers' `packageManager` names for Python. */
export const PYTHON_INSTALLERS = ['pip', 'uv', 'poetry', 'pipenv', 'pdm'] as const;
export type PythonInstaller = (typeof PYTHON_INSTALLERS)[number];

/** The lockfile each installer installs from (pip: none, requirements or pyproject.toml). */
export const PYTHON_LOCKFILES: Readonly<Record<Exclude<PythonInstaller, 'pip'>, string>> = { uv: 'uv.lock', poetry: 'poetry.lock', pipenv: 'Pipfile.lock', pdm: 'pdm.lock' };

/** One Dockerfile instruction with the comment above it. */
export interface Step {
  comment: string;
  instruction: string;
}

export interface InstallView {
  /** "requirements.txt (and the files it includes), with pip" */
  summary: string;
  /** The installer and the virtual environment, before the manifests. */
  setup: Step[];
  /** COPY instructions (arguments only) for the dependency manifests, at their relative paths. */
  manifests: string[];
  /** The dependencies-only install (and the server the app lacks). */
  install: Step[];
  /** After the code is copied into the build stage: the project itself, when it is a package. */
  project: Step[];
}

/** The file of server packages the app lacks (gunicorn, uvicorn), installed after its own dependencies. */
export const SERVER_REQUIREMENTS = 'requirements-docker.txt';

const VENV = '/opt/venv';
/** A RUN instruction: its cache mounts on the first line, each command on a line of its own. */
function run(mounts: readonly string[], ...commands: string[]): string {
  const head = ['RUN', ...mounts.map((m) => `--mount=type=cache,target=${m}`)].join(' ');
  const body = commands.join(' \\\n    && ');
  return mounts.length ? `${head} \\\n    ${body}` : `${head} ${body}`;
}
const PIP_CACHE = '/root/.cache/pip';
const pipInto = (args: string) => `pip --python ${VENV}/bin/python install --disable-pip-version-check ${args}`;

/** COPY instructions for files at their relative paths: one per folder, the files of the root first. */
export function copyAtPaths(files: readonly string[]): string[] {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : './';
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  return [...byDir].sort(([a], [b]) => (a === './' ? -1 : b === './' ? 1 : a.localeCompare(b))).map(([dir, list]) => `${list.join(' ')} ${dir}`);
}

/** A pinned tool in a virtual environment of its own, in the build stage only. */
function tool(name: string, version: string): Step {
  return {
    comment: `${name} ${version}, in a virtual environment of its own in the build stage only (the final image never has it)`,
    instruction: run([PIP_CACHE], `python -m venv /opt/${name}`, `/opt/${name}/bin/pip install --disable-pip-version-check ${name}==${version}`),
  };
}

const venvStep = (withPip: boolean): Step => ({
  comment: withPip
    ? 'The virtual environment the app runs in: the final stage copies it whole'
    : 'A virtual environment without pip: the final image gets the packages, not the installer',
  instruction: `RUN python -m venv ${withPip ? '' : '--without-pip '}${VENV}`,
});

export interface InstallInput {
  installer: PythonInstaller;
  manifests: PythonManifests;
  /** Requirement lines the image adds (the server), written to SERVER_REQUIREMENTS; empty: none. */
  server: readonly string[];
  /** Whether pyproject.toml declares a build system (the project is a package that can be installed). */
  buildable: boolean;
}

/** The install steps for the project's own way of declaring dependencies. */
export function installView({ installer, manifests, server, buildable }: InstallInput): InstallView {
  const pep621 = Array.isArray((manifests.pyproject?.project as { dependencies?: unknown } | undefined)?.dependencies);
  const extra = server.length > 0;
  const serverFile = extra ? [SERVER_REQUIREMENTS] : [];
  const serverComment = `${server.join(', ')}: the production server the app's own dependencies lack (${SERVER_REQUIREMENTS}, installed after them)`;
  switch (installer) {
    case 'pip': {
      if (manifests.requirementsFile) {
        const file = manifests.requirementsFile;
        const includes = manifests.requirementsFiles.filter((f) => f !== file);
        return {
          summary: `${file}${includes.length ? ` (and ${includes.join(', ')}, which it includes)` : ''}, with pip`,
          setup: [venvStep(false)],
          manifests: copyAtPaths([...manifests.requirementsFiles, ...serverFile]),
          install: [
            {
              comment: `Exactly what ${file} asks for${includes.length ? ' (its -r/-c includes were copied beside it)' : ''}${extra ? `; then ${serverComment}` : ''}. The cache mount keeps pip's downloads between builds, outside the image.`,
              instruction: run([PIP_CACHE], pipInto(`-r ${file}`), ...(extra ? [pipInto(`-r ${SERVER_REQUIREMENTS}`)] : [])),
            },
          ],
          project: [],
        };
      }
      if (!pep621) {
        // setup.py (or setup.cfg) is code: pip has to run it to learn the dependencies, so they install with the project.
        return {
          summary: 'setup.py, with pip',
          setup: [venvStep(false)],
          manifests: copyAtPaths(serverFile),
          install: extra ? [{ comment: serverComment, instruction: run([PIP_CACHE], pipInto(`-r ${SERVER_REQUIREMENTS}`)) }] : [],
          project: [{ comment: 'The project and its dependencies: setup.py declares them in code, so they come with it', instruction: run([PIP_CACHE], pipInto('.')) }],
        };
      }
      // PEP 621 pyproject.toml: its dependencies alone first (read with the standard library's tomllib), then the project.
      const read = `python -c "import tomllib; print('\\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project'].get('dependencies', [])))" > /tmp/requirements.txt`;
      return {
        summary: 'pyproject.toml, with pip',
        setup: [venvStep(false)],
        manifests: copyAtPaths(['pyproject.toml', ...serverFile]),
        install: [
          {
            comment: `Only the dependencies pyproject.toml declares, so this layer is reused until they change${extra ? `; then ${serverComment}` : ''}`,
            instruction: run([PIP_CACHE], read, pipInto("-r /tmp/requirements.txt"), ...(extra ? [pipInto(`-r ${SERVER_REQUIREMENTS}`)] : [])),
          },
        ],
        project: buildable
          ? [{ comment: 'The project itself, built by its own build backend (its dependencies are already there)', instruction: run([PIP_CACHE], pipInto('--no-deps .')) }]
          : [],
      };
    }
    case 'uv': {
      const UV_CACHE = '/root/.cache/uv';
      return {
        summary: 'uv.lock, with uv',
        setup: [
          { comment: 'uv, copied from its official image (pinned): the build stage only', instruction: `COPY --from=${versions.pythonTools.uvImage} /uv /uvx /bin/` },
          {
            comment: "Bytecode compiled at build; packages copied (not linked) from uv's cache; the venv at /opt/venv; the image's own Python, never a download",
            instruction: `ENV UV_COMPILE_BYTECODE=1 \\\n    UV_LINK_MODE=copy \\\n    UV_PROJECT_ENVIRONMENT=${VENV} \\\n    UV_PYTHON_DOWNLOADS=never`,
          },
        ],
        manifests: copyAtPaths(['pyproject.toml', 'uv.lock', ...serverFile]),
        install: [
          {
            comment: 'Exactly the locked dependencies, without dev groups or the project itself (--locked: the build stops if uv.lock is out of date with pyproject.toml)',
            instruction: run([UV_CACHE], 'uv sync --locked --no-dev --no-install-project'),
          },
          ...(extra ? [{ comment: serverComment, instruction: run([UV_CACHE], `uv pip install --python ${VENV} -r ${SERVER_REQUIREMENTS}`) }] : []),
        ],
        project: [
          {
            comment: `The project itself, when it is a package${extra ? ' (--inexact keeps the server added above)' : ''}`,
            instruction: run([UV_CACHE], `uv sync --locked --no-dev --no-editable${extra ? ' --inexact' : ''}`),
          },
        ],
      };
    }
    case 'poetry':
    case 'pipenv':
    case 'pdm': {
      const lock = PYTHON_LOCKFILES[installer];
      const manifest = installer === 'pipenv' ? 'Pipfile' : 'pyproject.toml';
      const version = versions.pythonTools[installer];
      const command =
        installer === 'poetry'
          ? { mounts: ['/root/.cache/pypoetry'], run: '/opt/poetry/bin/poetry install --only main --no-root', what: 'the main group only, not the project itself' }
          : installer === 'pipenv'
            ? { mounts: [PIP_CACHE], run: '/opt/pipenv/bin/pipenv install --deploy', what: 'the default packages only; --deploy: the build stops if Pipfile.lock is out of date' }
            : { mounts: ['/root/.cache/pdm'], run: '/opt/pdm/bin/pdm sync --prod --no-self --no-editable', what: 'production dependencies only, not the project itself' };
      return {
        summary: `${lock}, with ${installer === 'pdm' ? 'PDM' : installer === 'poetry' ? 'Poetry' : 'Pipenv'}`,
        setup: [
          tool(installer, version),
          venvStep(true),
          {
            comment: `${installer === 'pipenv' ? 'Pipenv' : installer === 'pdm' ? 'PDM' : 'Poetry'} installs into the activated virtual environment${installer === 'poetry' ? ' (no environment of its own)' : ''}`,
            instruction:
              installer === 'poetry'
                ? `ENV VIRTUAL_ENV=${VENV} \\\n    POETRY_VIRTUALENVS_CREATE=false \\\n    POETRY_NO_INTERACTION=1`
                : installer === 'pipenv'
                  ? `ENV VIRTUAL_ENV=${VENV} \\\n    PIPENV_VERBOSITY=-1`
                  : `ENV VIRTUAL_ENV=${VENV} \\\n    PDM_CHECK_UPDATE=false`,
          },
        ],
        manifests: copyAtPaths([manifest, lock, ...serverFile]),
        install: [
          { comment: `Exactly what ${lock} pins: ${command.what}`, instruction: run(command.mounts, command.run) },
          ...(extra ? [{ comment: serverComment, instruction: run([PIP_CACHE], `${VENV}/bin/pip install --disable-pip-version-check -r ${SERVER_REQUIREMENTS}`) }] : []),
        ],
        project: [],
      };
    }
  }
}
