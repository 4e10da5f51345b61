/**
 * Reads every way a Python project declares its dependencies: requirements
 * files (with their -r/-c includes), pyproject.toml (PEP 621, PEP 735
 * dependency groups, Poetry and PDM tables), Pipfile, setup.py and setup.cfg.
 * Pure: the snapshot is the only input.
 */
import { parse as parseToml } from 'smol-toml';
import type { ProjectSnapshot } from '../../core/project.js';

/** A declared dependency. */
export interface PythonDependency {
  /** PEP 503 normalised name. */
  name: string;
  extras: string[];
  /** The requirement as written (for evidence). */
  text: string;
  /** Where: "requirements/base.txt (via -r from requirements/production.txt)". */
  file: string;
  /** Development-only (a dev group, dev-packages, a dev/test requirements file). */
  dev: boolean;
}

export interface PythonManifests {
  dependencies: PythonDependency[];
  /** The files that make this a Python project, in the order they were found. */
  found: string[];
  /** requires-python and its kin: the specifier and where it was written. */
  requiresPython?: { spec: string; file: string };
  pyproject?: Record<string, unknown>;
  pipfile?: Record<string, unknown>;
  /** The requirements file the image installs from, when there is one: requirements.txt, or the production one of a requirements/ folder. */
  requirementsFile?: string;
  /** Every requirements file read (the chosen one and what it includes). */
  requirementsFiles: string[];
  warnings: string[];
}

/** PEP 503 normalised project name. */
export const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** name[extras] from a PEP 508 requirement string ("Django>=5.1", "psycopg[binary]>=3 ; python_version>'3'", "pkg @ https://..."). */
export function parseRequirement(text: string): { name: string; extras: string[] } | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?/.exec(text);
  if (!m) return undefined;
  const extras = (m[2] ?? '')
    .split(',')
    .map((e) => normalise(e.trim()))
    .filter(Boolean);
  return { name: normalise(m[1] as string), extras };
}

const isDevFile = (path: string) => /(^|[/_.-])(dev|devel|develop|development|test|tests|testing|lint|docs|doc|ci|local|typing|mypy)([/_.-]|\.txt$|$)/i.test(path.replace(/\.txt$/, ''));

/** Requirement files a project keeps at its root or in a requirements/ folder. */
function requirementsCandidates(project: ProjectSnapshot): { chosen?: string; all: string[] } {
  const root = (project.list('') ?? []).filter((n) => /^requirements[\w.-]*\.txt$/i.test(n));
  const folder = (project.list('requirements') ?? []).filter((n) => n.endsWith('.txt')).map((n) => `requirements/${n}`);
  const all = [...root, ...folder];
  const prefer = [
    'requirements.txt',
    'requirements/production.txt',
    'requirements/prod.txt',
    'requirements/requirements.txt',
    'requirements/base.txt',
    'requirements/common.txt',
    'requirements/main.txt',
    'requirements-prod.txt',
    'requirements_prod.txt',
    'requirements-production.txt',
  ];
  const chosen = prefer.find((p) => all.includes(p)) ?? all.find((p) => !isDevFile(p));
  return { ...(chosen ? { chosen } : {}), all };
}

/** Joins backslash continuations and drops comments: one logical line each, with its options. */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '');
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    if (current.trim()) out.push(current.trim());
    current = '';
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** A requirements file and every file it includes with -r/-c, each read once. */
function readRequirements(project: ProjectSnapshot, start: string, out: PythonManifests, dev: boolean): void {
  const seen = new Set<string>();
  const visit = (path: string, via: string | undefined, constraint: boolean) => {
    if (seen.has(path) || seen.size > 50) return;
    seen.add(path);
    const text = project.read(path);
    if (text === undefined) {
      out.warnings.push(`${via ?? path} includes ${path}, which is missing`);
      return;
    }
    out.requirementsFiles.push(path);
    const where = via ? `${path} (via ${via})` : path;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    for (const line of logicalLines(text)) {
      const include = /^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/.exec(line);
      if (include) {
        const target = joinPath(dir, include[2] as string);
        if (target) visit(target, `${include[1]} from ${path}`, constraint || include[1] === '-c' || include[1] === '--constraint');
        continue;
      }
      if (line.startsWith('-')) {
        // -e git+https://...#egg=name, -e . and the other options: an editable name is still a dependency.
        const egg = /#egg=([A-Za-z0-9._-]+)/.exec(line);
        if (egg && !constraint) out.dependencies.push({ name: normalise(egg[1] as string), extras: [], text: line, file: where, dev });
        continue;
      }
      // A constraints file pins versions; it declares nothing.
      if (constraint) continue;
      const req = parseRequirement(line);
      if (req) out.dependencies.push({ ...req, text: line.split(/\s+--hash/)[0]!.trim(), file: where, dev });
    }
  };
  visit(start, undefined, false);
}

/** `dir/../x.txt` -> `x.txt`; undefined when it leaves the project. */
function joinPath(dir: string, rel: string): string | undefined {
  if (rel.startsWith('/') || /^[a-z]+:\/\//i.test(rel)) return undefined;
  const parts = dir ? dir.split('/') : [];
  for (const p of rel.split('/')) {
    if (p === '.' || p === '') continue;
    if (p === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/');
}

function toml(project: ProjectSnapshot, path: string, out: PythonManifests): Record<string, unknown> | undefined {
  const text = project.read(path);
  if (text === undefined) return undefined;
  try {
    return parseToml(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (err) {
    out.warnings.push(`${path} is not valid TOML (${(err as Error).message.split('\n')[0]}): its dependencies were not read`);
    return undefined;
  }
}

export const table = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function fromPyproject(doc: Record<string, unknown>, out: PythonManifests): void {
  const file = 'pyproject.toml';
  const project = table(doc.project);
  for (const text of strings(project.dependencies)) {
    const req = parseRequirement(text);
    if (req) out.dependencies.push({ ...req, text, file: `${file} [project.dependencies]`, dev: false });
  }
  for (const [extra, list] of Object.entries(table(project['optional-dependencies']))) {
    for (const text of strings(list)) {
      const req = parseRequirement(text);
      if (req) out.dependencies.push({ ...req, text, file: `${file} [project.optional-dependencies.${extra}]`, dev: true });
    }
  }
  for (const [group, list] of Object.entries(table(doc['dependency-groups']))) {
    for (const text of strings(list)) {
      const req = parseRequirement(text);
      if (req) out.dependencies.push({ ...req, text, file: `${file} [dependency-groups.${group}]`, dev: true });
    }
  }
  const tool = table(doc.tool);
  const poetry = table(tool.poetry);
  const poetryTables: Array<[string, unknown, boolean]> = [
    ['tool.poetry.dependencies', poetry.dependencies, false],
    ['tool.poetry.dev-dependencies', poetry['dev-dependencies'], true],
    ...Object.entries(table(poetry.group)).map(([g, t]): [string, unknown, boolean] => [`tool.poetry.group.${g}.dependencies`, table(t).dependencies, true]),
  ];
  for (const [where, deps, dev] of poetryTables) {
    for (const [name, spec] of Object.entries(table(deps))) {
      if (name.toLowerCase() === 'python') continue;
      const extras = strings(table(spec).extras).map(normalise);
      out.dependencies.push({ name: normalise(name), extras, text: `${name} ${typeof spec === 'string' ? spec : JSON.stringify(spec)}`, file: `${file} [${where}]`, dev });
    }
  }
  for (const [group, list] of Object.entries(table(table(tool.pdm)['dev-dependencies']))) {
    for (const text of strings(list)) {
      const req = parseRequirement(text);
      if (req) out.dependencies.push({ ...req, text, file: `${file} [tool.pdm.dev-dependencies.${group}]`, dev: true });
    }
  }
  const requires = typeof project['requires-python'] === 'string' ? project['requires-python'] : undefined;
  const poetryPython = typeof table(poetry.dependencies).python === 'string' ? (table(poetry.dependencies).python as string) : undefined;
  if (requires) out.requiresPython ??= { spec: requires, file: `${file} requires-python` };
  else if (poetryPython) out.requiresPython ??= { spec: poetryPython, file: `${file} [tool.poetry.dependencies] python` };
}

function fromPipfile(doc: Record<string, unknown>, out: PythonManifests): void {
  for (const [section, dev] of [['packages', false], ['dev-packages', true]] as const) {
    for (const [name, spec] of Object.entries(table(doc[section]))) {
      const extras = strings(table(spec).extras).map(normalise);
      out.dependencies.push({ name: normalise(name), extras, text: `${name} ${typeof spec === 'string' ? spec : JSON.stringify(spec)}`, file: `Pipfile [${section}]`, dev });
    }
  }
  const req = table(doc.requires);
  const v = typeof req.python_full_version === 'string' ? req.python_full_version : typeof req.python_version === 'string' ? req.python_version : undefined;
  if (v) out.requiresPython ??= { spec: `==${v}`, file: 'Pipfile [requires]' };
}

/** install_requires / python_requires of setup.py (string literals only) and setup.cfg. */
function fromSetup(project: ProjectSnapshot, out: PythonManifests): void {
  const py = project.read('setup.py');
  if (py !== undefined) {
    out.found.push('setup.py');
    const list = /install_requires\s*=\s*\[([\s\S]*?)\]/.exec(py)?.[1] ?? '';
    for (const m of list.matchAll(/["']([^"']+)["']/g)) {
      const req = parseRequirement(m[1] as string);
      if (req) out.dependencies.push({ ...req, text: m[1] as string, file: 'setup.py install_requires', dev: false });
    }
    const pr = /python_requires\s*=\s*["']([^"']+)["']/.exec(py)?.[1];
    if (pr) out.requiresPython ??= { spec: pr, file: 'setup.py python_requires' };
  }
  const cfg = project.read('setup.cfg');
  if (cfg !== undefined) {
    const options = /^\[options\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(cfg)?.[1] ?? '';
    const block = /^install_requires\s*=\s*([\s\S]*?)(?=^\S|(?![\s\S]))/m.exec(options)?.[1] ?? '';
    if (block.trim()) out.found.push('setup.cfg');
    for (const line of block.split(/\r?\n/)) {
      const req = parseRequirement(line.replace(/#.*$/, ''));
      if (req) out.dependencies.push({ ...req, text: line.trim(), file: 'setup.cfg [options] install_requires', dev: false });
    }
    const pr = /^python_requires\s*=\s*(.+)$/m.exec(options)?.[1]?.trim();
    if (pr) out.requiresPython ??= { spec: pr, file: 'setup.cfg python_requires' };
  }
}

/** Everything a Python project declares. */
export function readManifests(project: ProjectSnapshot): PythonManifests {
  const out: PythonManifests = { dependencies: [], found: [], requirementsFiles: [], warnings: [] };
  const pyproject = toml(project, 'pyproject.toml', out);
  if (pyproject) {
    out.pyproject = pyproject;
    out.found.push('pyproject.toml');
    fromPyproject(pyproject, out);
  }
  const reqs = requirementsCandidates(project);
  if (reqs.chosen) {
    out.requirementsFile = reqs.chosen;
    out.found.push(reqs.chosen);
    readRequirements(project, reqs.chosen, out, false);
  }
  const pipfile = toml(project, 'Pipfile', out);
  if (pipfile) {
    out.pipfile = pipfile;
    out.found.push('Pipfile');
    fromPipfile(pipfile, out);
  }
  fromSetup(project, out);
  return out;
}
