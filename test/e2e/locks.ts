/**
 * Lock files for the e2e tier's Python apps, written as uv, Poetry, Pipenv and
 * PDM write them (no package index is reachable here to let the tools lock).
 * Their content hashes are computed the way each tool computes them, so the
 * real tools in the images accept them as up to date.
 */
import { createHash } from 'node:crypto';
import { parse as parseToml } from 'smol-toml';

/** A locked package and the packages it depends on (names). */
export type Closure = Readonly<Record<string, { version: string; deps?: readonly string[] }>>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** json.dumps(value, sort_keys=True, separators=...) as Python writes it (ASCII content). */
function pyJson(value: unknown, sep: [string, string]): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => pyJson(v, sep)).join(sep[0])}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}${sep[1]}${pyJson(obj[k], sep)}`)
    .join(sep[0])}}`;
}

/** Every package the roots need, each once, in a stable order. */
function walk(closure: Closure, roots: readonly string[]): string[] {
  const seen: string[] = [];
  const visit = (n: string) => {
    if (seen.includes(n)) return;
    if (!closure[n]) throw new Error(`the closure lacks ${n}`);
    seen.push(n);
    for (const d of closure[n].deps ?? []) visit(d);
  };
  roots.forEach(visit);
  return seen.sort();
}

const table = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, any>) : {});

/** uv.lock of a PEP 621 project: the project (virtual) with its requires-dist, and each registry package. */
export function uvLock(pyproject: string, closure: Closure, roots: readonly string[]): string {
  const doc = parseToml(pyproject) as Record<string, any>;
  const project = table(doc.project);
  const name = String(project.name).toLowerCase().replace(/[-_.]+/g, '-');
  const reqs = (list: unknown) =>
    (Array.isArray(list) ? list : []).map((r: string) => {
      const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$/.exec(r)!;
      const spec = m[2]!.trim();
      return `{ name = "${m[1]!.toLowerCase().replace(/[-_.]+/g, '-')}"${spec ? `, specifier = "${spec}"` : ''} }`;
    });
  const direct = (project.dependencies as string[]).map((r) => /^[A-Za-z0-9._-]+/.exec(r)![0].toLowerCase().replace(/[-_.]+/g, '-'));
  const out = ['version = 1', 'revision = 2', `requires-python = "${project['requires-python']}"`, ''];
  out.push('[[package]]', `name = "${name}"`, `version = "${project.version}"`, 'source = { virtual = "." }', 'dependencies = [', ...direct.map((d) => `    { name = "${d}" },`), ']', '');
  out.push('[package.metadata]', 'requires-dist = [', ...reqs(project.dependencies).map((r) => `    ${r},`), ']', '');
  const groups = table(doc['dependency-groups']);
  if (Object.keys(groups).length) {
    out.push('[package.metadata.requires-dev]', ...Object.entries(groups).map(([g, list]) => `${g} = [${reqs(list).join(', ')}]`), '');
  }
  for (const n of walk(closure, roots)) {
    const p = closure[n]!;
    out.push('[[package]]', `name = "${n}"`, `version = "${p.version}"`, 'source = { registry = "https://pypi.org/simple" }');
    if (p.deps?.length) out.push('dependencies = [', ...p.deps.map((d) => `    { name = "${d}" },`), ']');
    out.push('');
  }
  return out.join('\n');
}

/** Poetry's content hash (Locker._get_content_hash of Poetry 2). */
export function poetryContentHash(pyproject: string): string {
  const doc = parseToml(pyproject) as Record<string, any>;
  const project = table(doc.project);
  const poetry = table(table(doc.tool).poetry);
  const relevantProject: Record<string, unknown> = {};
  for (const k of ['requires-python', 'dependencies', 'optional-dependencies']) if (project[k] !== undefined) relevantProject[k] = project[k];
  const relevantPoetry: Record<string, unknown> = {};
  const legacy = ['dependencies', 'source', 'extras', 'dev-dependencies'];
  for (const k of [...legacy, 'group']) {
    const v = poetry[k];
    if (v === undefined && (!legacy.includes(k) || Object.keys(relevantProject).length)) continue;
    relevantPoetry[k] = v ?? null;
  }
  const relevant = Object.keys(relevantProject).length ? { project: relevantProject, tool: { poetry: relevantPoetry } } : relevantPoetry;
  return sha256(pyJson(relevant, [', ', ': ']));
}

/** poetry.lock: each package of the main group, and the metadata Poetry checks. */
export function poetryLock(pyproject: string, closure: Closure, roots: readonly string[]): string {
  const doc = parseToml(pyproject) as Record<string, any>;
  const python = table(table(table(doc.tool).poetry).dependencies).python ?? table(doc.project)['requires-python'] ?? '*';
  const out = ['# This file is automatically @generated by Poetry 2.1.2 and should not be changed by hand.', ''];
  for (const n of walk(closure, roots)) {
    const p = closure[n]!;
    out.push('[[package]]', `name = "${n}"`, `version = "${p.version}"`, 'description = ""', 'optional = false', 'python-versions = "*"', 'groups = ["main"]', 'files = []', '');
    if (p.deps?.length) out.push('[package.dependencies]', ...p.deps.map((d) => `${d} = "*"`), '');
  }
  out.push('[metadata]', 'lock-version = "2.1"', `python-versions = "${python}"`, `content-hash = "${poetryContentHash(pyproject)}"`, '');
  return out.join('\n');
}

/** Pipfile.lock: the Pipfile's hash as plette computes it, and each default package pinned. */
export function pipfileLock(pipfile: string, closure: Closure, roots: readonly string[]): string {
  const doc = parseToml(pipfile) as Record<string, any>;
  const hashed: Record<string, unknown> = {
    _meta: { sources: doc.source ?? [], requires: doc.requires ?? {} },
    default: doc.packages ?? {},
    develop: doc['dev-packages'] ?? {},
  };
  for (const [k, v] of Object.entries(doc)) if (!['source', 'requires', 'packages', 'dev-packages', 'pipenv', 'default', 'develop'].includes(k)) hashed[k] = v;
  const lock = {
    _meta: { hash: { sha256: sha256(pyJson(hashed, [',', ':'])) }, 'pipfile-spec': 6, requires: doc.requires ?? {}, sources: doc.source ?? [] },
    default: Object.fromEntries(walk(closure, roots).map((n) => [n, { hashes: [`sha256:${sha256(n)}`], index: 'pypi', version: `==${closure[n]!.version}` }])),
    develop: {},
  };
  return `${JSON.stringify(lock, null, 4)}\n`;
}

/** PDM's content hash (PyProject.content_hash of PDM 2). */
export function pdmContentHash(pyproject: string): string {
  const doc = parseToml(pyproject) as Record<string, any>;
  const project = table(doc.project);
  const pdm = table(table(doc.tool).pdm);
  const dev: Record<string, unknown[]> = {};
  for (const [g, deps] of Object.entries(table(doc['dependency-groups']))) dev[g.toLowerCase().replace(/[-_.]+/g, '-')] = deps as unknown[];
  for (const [g, deps] of Object.entries(table(pdm['dev-dependencies']))) (dev[g.toLowerCase().replace(/[-_.]+/g, '-')] ??= []).push(...(deps as unknown[]));
  const data = {
    sources: pdm.source ?? [],
    dependencies: project.dependencies ?? [],
    'dev-dependencies': dev,
    'optional-dependencies': project['optional-dependencies'] ?? {},
    'requires-python': project['requires-python'] ?? '',
    resolution: pdm.resolution ?? {},
  };
  return `sha256:${sha256(pyJson(data, [', ', ': ']))}`;
}

/** pdm.lock (lock_version 4.5): each package of the default group, with the content hash PDM records. */
export function pdmLock(pyproject: string, closure: Closure, roots: readonly string[]): string {
  const contentHash = pdmContentHash(pyproject);
  const doc = parseToml(pyproject) as Record<string, any>;
  const out = ['# This file is @generated by PDM.', '# It is not intended for manual editing.', '', '[metadata]', 'groups = ["default"]', 'strategy = ["inherit_metadata"]', 'lock_version = "4.5.0"', `content_hash = "${contentHash}"`, ''];
  out.push('[[metadata.targets]]', `requires_python = "${table(doc.project)['requires-python']}"`, '');
  for (const n of walk(closure, roots)) {
    const p = closure[n]!;
    out.push('[[package]]', `name = "${n}"`, `version = "${p.version}"`, 'requires_python = ">=3.8"', 'summary = ""', 'groups = ["default"]');
    if (p.deps?.length) out.push(`dependencies = [${p.deps.map((d) => `"${d}"`).join(', ')}]`);
    out.push('files = []', '');
  }
  return out.join('\n');
}
