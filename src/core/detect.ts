/**
 * Detection: what the repository says about the answers, each with the file
 * and rule that decided it. Every language provider reads its own manifests;
 * this module picks the language, finds the app folder in a monorepo, maps
 * client packages (and URLs in .env examples, images in a compose file) to
 * services, and keeps a warning for everything it saw but can't act on.
 * Pure: it reads only through the snapshot.
 */
import type { CiTarget } from './answers.js';
import type { EnvRead, LanguageDetection, LanguageProvider, ServiceRecognition } from './provider.js';
import { within, type ProjectSnapshot } from './project.js';
import { providers, recognisable, services } from './registry.js';
import { SKIPPED_FOLDERS, humanList } from './toolkit.js';
export { SKIPPED_FOLDERS } from './toolkit.js';
import { formatEnvValue, isEnvKey, parseEnv } from './dotenv.js';

/** An app folder below the root, offered when the root holds none. */
export interface Candidate {
  dir: string;
  /** "Python, Django" */
  summary: string;
}

export interface Detection {
  /** The app's folder relative to the repository ("." for the root). */
  app: string;
  language?: string;
  framework?: string;
  /** Services we can generate, in registry order. */
  services: string[];
  packageManager?: string;
  runtimeVersion?: string;
  entrypoint?: string;
  port?: number;
  healthPath?: string;
  /** For each key found: the file and the rule that decided it. */
  evidence: Record<string, string>;
  warnings: string[];
  /** What was found but can't be served: an error unless the answers set the key. */
  problems: Array<{ key: 'runtimeVersion' | 'packageManager' | 'framework' | 'entrypoint'; message: string }>;
  /** App folders below the root, when the root holds no app and there are several. */
  candidates: Candidate[];
  /** The variables the app reads: its example env files, then its code. */
  env?: EnvRead[];
  /** The CI the repository already runs (at its root), which a workflow of ours would join: a hint, never a default. */
  ci?: Array<{ target: CiTarget; title: string; evidence: string }>;
}

/** The CI systems the repository's root configures: GitHub Actions workflows, a GitLab pipeline. */
export function ciOf(root: ProjectSnapshot): NonNullable<Detection['ci']> {
  const out: NonNullable<Detection['ci']> = [];
  const workflows = (root.list('.github/workflows') ?? []).filter((f) => /\.ya?ml$/.test(f));
  if (workflows.length) out.push({ target: 'github', title: 'GitHub Actions', evidence: `.github/workflows/${workflows[0]}${workflows.length > 1 ? ` and ${workflows.length - 1} more` : ''}` });
  if (root.read('.gitlab-ci.yml') !== undefined) out.push({ target: 'gitlab', title: 'GitLab CI', evidence: '.gitlab-ci.yml' });
  return out;
}

/** Folders where monorepos keep their apps; `*` takes every subfolder. */
const APP_FOLDERS = ['backend', 'server', 'api', 'web', 'frontend', 'app', 'src', 'service', 'apps/*', 'packages/*', 'services/*'];
/** Files that name a service by its URL (postgresql://...) without holding real secrets. */
const ENV_EXAMPLES = ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults', 'example.env', '.env.local.example', '.env.development'];
const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml', 'docker-compose.dev.yml', 'docker-compose.override.yml'];

function detectIn(project: ProjectSnapshot, repository?: ProjectSnapshot, path = '.'): Array<{ provider: LanguageProvider; found: LanguageDetection }> {
  const out: Array<{ provider: LanguageProvider; found: LanguageDetection }> = [];
  for (const provider of providers) {
    const found = provider.detect(project, repository, path);
    if (found) out.push({ provider, found });
  }
  // The surest first; the registry order breaks a tie.
  return out.sort((a, b) => b.found.confidence - a.found.confidence);
}

const summary = (d: { provider: LanguageProvider; found: LanguageDetection }) => {
  const fw = d.found.framework && d.provider.frameworks.find((f) => f.id === d.found.framework?.value);
  return fw ? `${d.provider.title}, ${fw.title}` : d.provider.title;
};

/** The folders below the root that hold an app: monorepo conventions and the workspaces a manifest declares. */
function candidatesBelow(project: ProjectSnapshot, workspaces: readonly string[]): Array<{ dir: string; best: { provider: LanguageProvider; found: LanguageDetection } }> {
  const dirs = new Set<string>();
  const expand = (pattern: string) => {
    const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!clean || clean.startsWith('!') || clean.includes('..')) return;
    if (clean.endsWith('/*') || clean.endsWith('/**')) {
      const parent = clean.replace(/\/\*\*?$/, '');
      for (const e of project.list(parent) ?? []) if (e.endsWith('/') && !SKIPPED_FOLDERS.has(e.slice(0, -1))) dirs.add(`${parent}/${e.slice(0, -1)}`);
    } else if (!clean.includes('*') && project.list(clean)) {
      dirs.add(clean);
    }
  };
  for (const p of [...APP_FOLDERS, ...workspaces]) expand(p);
  const out: Array<{ dir: string; best: { provider: LanguageProvider; found: LanguageDetection } }> = [];
  for (const dir of [...dirs].sort()) {
    const best = detectIn(within(project, dir), project, dir)[0];
    if (best) out.push({ dir, best });
  }
  // Apps are what has a framework; libraries beside them are not offered when there are apps.
  const apps = out.filter((c) => c.best.found.confidence === 2);
  return apps.length ? apps : out;
}

/** The keys (and values) of the example env files: what the app documents it reads. A line that is not KEY=value is a warning, and skipped. */
function exampleReads(project: ProjectSnapshot, prefix: string, warnings: string[]): EnvRead[] {
  const out: EnvRead[] = [];
  for (const file of ENV_EXAMPLES) {
    const text = project.read(file);
    if (text === undefined) continue;
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] as string).trim();
      if (line === '' || line.startsWith('#')) continue;
      const parsed = parseEnv(line);
      const [key, value] = [...parsed][0] ?? [];
      if (key === undefined || !isEnvKey(key)) {
        warnings.push(`${prefix}${file} line ${i + 1} is not KEY=value: skipped (${JSON.stringify(line.slice(0, 60))})`);
        continue;
      }
      if (out.some((e) => e.key === key)) continue;
      // A value the .env can't hold portably (a backslash) is not copied.
      out.push({ key, evidence: `${prefix}${file}`, ...(value !== undefined && value !== '' && formatEnvValue(value) !== undefined ? { example: value } : {}) });
    }
  }
  return out;
}

/** The example files' reads, then the code's; one per key (the code adds what it knows: a default of its own, a value it needs). */
function mergeReads(examples: readonly EnvRead[], code: readonly EnvRead[]): EnvRead[] {
  const out = examples.map((e) => ({ ...e }));
  for (const c of code) {
    const same = out.find((e) => e.key === c.key);
    if (!same) out.push({ ...c, inCode: true });
    else Object.assign(same, { inCode: true, ...(c.value !== undefined ? { value: c.value } : {}), ...(c.hasDefault ? { hasDefault: true } : {}), ...(c.defaultUrl ? { defaultUrl: c.defaultUrl } : {}) });
  }
  return out;
}

/** `scheme://` URLs in .env examples and `image:` lines of compose files, each naming a service. */
function servicesFromFiles(project: ProjectSnapshot, prefix: string): Array<{ id: string; evidence: string }> {
  const out: Array<{ id: string; evidence: string }> = [];
  const byScheme = (scheme: string) => recognisable.find((s) => s.urlSchemes.includes(scheme.toLowerCase()));
  // A URL whose host is a service's name (what .env.example says after a run: mysql://...@mariadb) names that service; else its scheme does.
  const byHost = (host: string | undefined) => (host ? services.find((s) => s.id === host.toLowerCase() && s.urlSchemes.length) : undefined);
  for (const file of ENV_EXAMPLES) {
    const text = project.read(file);
    if (text === undefined) continue;
    for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*["']?([a-z][a-z0-9+.-]*):\/\/(?:[^@\s"'/]*@)?([A-Za-z0-9.-]+)?/gim)) {
      const s = byHost(m[3]) ?? byScheme(m[2] as string);
      if (s) out.push({ id: s.id, evidence: `${prefix}${file}: ${m[1]}=${m[2]}://...` });
    }
  }
  for (const file of COMPOSE_FILES) {
    const text = project.read(file);
    if (text === undefined) continue;
    for (const m of text.matchAll(/^\s*image:\s*["']?([a-z0-9][a-z0-9._/-]*)(?::[\w.-]+)?["']?\s*$/gim)) {
      const repo = (m[1] as string).replace(/^(docker\.io\/)?(library\/)?/, '');
      const base = repo.split('/').pop() ?? repo;
      const s = recognisable.find((x) => x.id === base || (x.id === 'postgres' && /^(postgres|postgresql|postgis)$/.test(base)) || (x.id === 'mongodb' && base === 'mongo'));
      if (s) out.push({ id: s.id, evidence: `${prefix}${file}: image ${m[1]}` });
    }
  }
  return out;
}

/** Which services a language's detection reveals: client packages, the provider's own findings, then URLs and images. */
function servicesOf(root: ProjectSnapshot, app: string, provider: LanguageProvider, found: LanguageDetection, dropped: string[]): Map<ServiceRecognition, string> {
  const hits = new Map<ServiceRecognition, string>();
  // Two services that give the app the same URL (PostgreSQL/MySQL/MariaDB, Redis/Valkey) are alternatives: the first evidence wins (client packages come first).
  const urlVar = (s: ServiceRecognition) => services.find((x) => x.id === s.id)?.urlVar;
  const add = (s: ServiceRecognition | undefined, evidence: string) => {
    if (!s || hits.has(s)) return;
    const rival = [...hits.keys()].find((h) => urlVar(h) !== undefined && urlVar(h) === urlVar(s));
    if (rival) {
      if (services.some((x) => x.id === s.id)) dropped.push(`${s.title} found too (${evidence}), but ${rival.title} (${hits.get(rival)}) gives the app the same ${urlVar(s)}: the stack has ${rival.title}; set "services" to choose`);
      return;
    }
    hits.set(s, evidence);
  };
  for (const pkg of found.packages) add(recognisable.find((s) => s.clients[provider.id]?.packages.includes(pkg.name)), pkg.evidence);
  for (const s of found.services ?? []) add(recognisable.find((x) => x.id === s.value), s.evidence);
  for (const u of found.schemes ?? []) add(recognisable.find((x) => x.urlSchemes.includes(u.scheme.toLowerCase())), u.evidence);
  // The app's own files, then the repository root's (a monorepo's compose file and .env example are there).
  const files = app === '.' ? servicesFromFiles(root, '') : [...servicesFromFiles(within(root, app), `${app}/`), ...servicesFromFiles(root, '')];
  for (const s of files) add(recognisable.find((x) => x.id === s.id), s.evidence);
  return hits;
}

/** A detection made inside an app folder, its evidence naming files from the repository root. */
function relocated(d: LanguageDetection, prefix: string): LanguageDetection {
  const at = <T>(f: { value: T; evidence: string } | undefined) => (f ? { value: f.value, evidence: f.evidence.startsWith('/') ? f.evidence.slice(1) : `${prefix}${f.evidence}` } : undefined);
  const out: LanguageDetection = {
    ...d,
    evidence: `${prefix}${d.evidence}`,
    packages: d.packages.map((p) => ({ name: p.name, evidence: `${prefix}${p.evidence}` })),
    ...(d.services ? { services: d.services.map((s) => ({ value: s.value, evidence: `${prefix}${s.evidence}` })) } : {}),
    ...(d.schemes ? { schemes: d.schemes.map((s) => ({ scheme: s.scheme, evidence: `${prefix}${s.evidence}` })) } : {}),
    ...(d.env ? { env: d.env.map((e) => ({ ...e, evidence: `${prefix}${e.evidence}` })) } : {}),
  };
  for (const key of ['framework', 'packageManager', 'runtimeVersion', 'entrypoint', 'port', 'healthPath'] as const) {
    const f = at(d[key] as { value: never; evidence: string } | undefined);
    if (f) (out as unknown as Record<string, unknown>)[key] = f;
  }
  return out;
}

export interface DetectOptions {
  /** The app folder (--app, or the answers' `app`): detection reads only there. */
  app?: string;
}

/** What the repository says about the answers. */
export function detect(root: ProjectSnapshot, options: DetectOptions = {}): Detection {
  const found = detectApp(root, options);
  const ci = ciOf(root);
  return ci.length ? { ...found, ci } : found;
}

function detectApp(root: ProjectSnapshot, options: DetectOptions): Detection {
  const evidence: Record<string, string> = {};
  const warnings: string[] = [];
  let app = options.app && options.app !== '.' ? options.app.replace(/\/+$/, '') : '.';
  let project = within(root, app);
  let found = detectIn(project, app === '.' ? undefined : root, app);

  // A root without an app of its own (no framework: a workspace, tooling) but apps below it: one of those is the app.
  if (app === '.' && (found[0]?.found.confidence ?? 0) < 2) {
    const rootWorkspaces = found.flatMap((f) => f.found.workspaces ?? []);
    const all = candidatesBelow(root, rootWorkspaces);
    const candidates = found.length ? all.filter((c) => c.best.found.confidence === 2) : all;
    if (candidates.length > 1) {
      return { app, services: [], evidence, warnings, problems: [], candidates: candidates.map((c) => ({ dir: c.dir, summary: summary(c.best) })) };
    }
    const only = candidates[0];
    if (only) {
      if (found[0]) warnings.push(`${found[0].provider.title} files at the root (${found[0].found.evidence}) hold no app of their own: using the app in ${only.dir}/`);
      app = only.dir;
      project = within(root, app);
      found = detectIn(project, root, app);
      evidence.app = `${app}/ holds the only app below the root (${only.best.found.evidence})`;
    }
  }
  if (app !== '.' && options.app) evidence.app = `--app ${app}`;

  const best = found[0];
  if (!best) return { app, services: [], evidence, warnings, problems: [], candidates: [] };
  for (const other of found.slice(1)) {
    warnings.push(`${other.provider.title} files are here too (${other.found.evidence}): using ${best.provider.title}; set "language" to choose`);
  }

  const { provider } = best;
  // Evidence names files from the repository root.
  const d = relocated(best.found, app === '.' ? '' : `${app}/`);
  const out: Detection = { app, language: provider.id, services: [], evidence, warnings, problems: [...(d.problems ?? [])], candidates: [] };
  evidence.language = d.evidence;
  const take = <K extends 'framework' | 'packageManager' | 'runtimeVersion' | 'entrypoint' | 'port' | 'healthPath'>(key: K) => {
    const f = d[key];
    if (!f) return;
    (out as unknown as Record<string, unknown>)[key] = f.value;
    evidence[key] = f.evidence;
  };
  take('framework');
  take('packageManager');
  take('runtimeVersion');
  take('entrypoint');
  take('port');
  take('healthPath');

  const hits = servicesOf(root, app, provider, d, warnings);
  const generated = (s: ServiceRecognition) => services.some((x) => x.id === s.id);
  const supported = [...hits].filter(([s]) => generated(s)).sort(([a], [b]) => services.findIndex((x) => x.id === a.id) - services.findIndex((x) => x.id === b.id));
  out.services = supported.map(([s]) => s.id);
  if (supported.length) evidence.services = supported.map(([s, e]) => `${s.id} (${e})`).join('; ');
  const unsupported = [...hits].filter(([s]) => !generated(s));
  for (const [s, e] of unsupported) warnings.push(`${s.title} found (${e}), but the generator can't run ${s.title} yet: add it to docker-compose.yml yourself`);
  warnings.push(...d.warnings);
  const examples = exampleReads(project, app === '.' ? '' : `${app}/`, warnings);
  if (app !== '.') examples.push(...exampleReads(root, '', warnings).filter((e) => !examples.some((x) => x.key === e.key)));
  const env = mergeReads(examples, d.env ?? []);
  if (env.length) out.env = env;
  if (!d.framework) {
    warnings.push(`no ${provider.title} framework found: looked for ${humanList(provider.frameworks.map((f) => f.title))}`);
  }
  return out;
}
