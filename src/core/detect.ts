/**
 * Detection: what the repository says about the answers, each with the file
 * and rule that decided it. Every language provider reads its own manifests;
 * this module picks the language, finds the app folder in a monorepo, maps
 * client packages (and URLs in .env examples, images in a compose file) to
 * services, and keeps a warning for everything it saw but can't act on.
 * Pure: it reads only through the snapshot.
 */
import type { LanguageDetection, LanguageProvider, ServiceRecognition } from './provider.js';
import { within, type ProjectSnapshot } from './project.js';
import { providers, recognisable, services } from './registry.js';
import { humanList } from './toolkit.js';

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
}

/** Folders where monorepos keep their apps; `*` takes every subfolder. */
const APP_FOLDERS = ['backend', 'server', 'api', 'web', 'frontend', 'app', 'src', 'service', 'apps/*', 'packages/*', 'services/*'];
/** Never looked into: dependencies, virtual environments, caches, build output, version control. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.venv', 'venv', '.git', 'dist', 'build', '.next', '__pycache__', '.tox', 'target', 'vendor', 'coverage', '.cache']);
/** Files that name a service by its URL (postgresql://...) without holding real secrets. */
const ENV_EXAMPLES = ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults', 'example.env', '.env.local.example', '.env.development'];
const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml', 'docker-compose.dev.yml', 'docker-compose.override.yml'];

function detectIn(project: ProjectSnapshot): Array<{ provider: LanguageProvider; found: LanguageDetection }> {
  const out: Array<{ provider: LanguageProvider; found: LanguageDetection }> = [];
  for (const provider of providers) {
    const found = provider.detect(project);
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
    const best = detectIn(within(project, dir))[0];
    if (best) out.push({ dir, best });
  }
  // Apps are what has a framework; libraries beside them are not offered when there are apps.
  const apps = out.filter((c) => c.best.found.confidence === 2);
  return apps.length ? apps : out;
}

/** `scheme://` URLs in .env examples and `image:` lines of compose files, each naming a service. */
function servicesFromFiles(project: ProjectSnapshot): Array<{ id: string; evidence: string }> {
  const out: Array<{ id: string; evidence: string }> = [];
  const byScheme = (scheme: string) => recognisable.find((s) => s.urlSchemes.includes(scheme.toLowerCase()));
  for (const file of ENV_EXAMPLES) {
    const text = project.read(file);
    if (text === undefined) continue;
    for (const m of text.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*["']?([a-z][a-z0-9+.-]*):\/\//gim)) {
      const s = byScheme(m[2] as string);
      if (s) out.push({ id: s.id, evidence: `${file}: ${m[1]}=${m[2]}://...` });
    }
  }
  for (const file of COMPOSE_FILES) {
    const text = project.read(file);
    if (text === undefined) continue;
    for (const m of text.matchAll(/^\s*image:\s*["']?([a-z0-9][a-z0-9._/-]*)(?::[\w.-]+)?["']?\s*$/gim)) {
      const repo = (m[1] as string).replace(/^(docker\.io\/)?(library\/)?/, '');
      const base = repo.split('/').pop() ?? repo;
      const s = recognisable.find((x) => x.id === base || (x.id === 'postgres' && /^(postgres|postgresql|postgis)$/.test(base)) || (x.id === 'mongodb' && base === 'mongo'));
      if (s) out.push({ id: s.id, evidence: `${file}: image ${m[1]}` });
    }
  }
  return out;
}

/** Which services a language's detection reveals: client packages, the provider's own findings, then URLs and images. */
function servicesOf(project: ProjectSnapshot, provider: LanguageProvider, found: LanguageDetection): Map<ServiceRecognition, string> {
  const hits = new Map<ServiceRecognition, string>();
  const add = (s: ServiceRecognition | undefined, evidence: string) => {
    if (s && !hits.has(s)) hits.set(s, evidence);
  };
  for (const pkg of found.packages) add(recognisable.find((s) => s.clients[provider.id]?.packages.includes(pkg.name)), pkg.evidence);
  for (const s of found.services ?? []) add(recognisable.find((x) => x.id === s.value), s.evidence);
  for (const s of servicesFromFiles(project)) add(recognisable.find((x) => x.id === s.id), s.evidence);
  return hits;
}

export interface DetectOptions {
  /** The app folder (--app, or the answers' `app`): detection reads only there. */
  app?: string;
}

/** What the repository says about the answers. */
export function detect(root: ProjectSnapshot, options: DetectOptions = {}): Detection {
  const evidence: Record<string, string> = {};
  const warnings: string[] = [];
  let app = options.app && options.app !== '.' ? options.app.replace(/\/+$/, '') : '.';
  let project = within(root, app);
  let found = detectIn(project);

  if (found.length === 0 && app === '.') {
    const rootWorkspaces = providers.flatMap((p) => p.detect(root)?.workspaces ?? []);
    const candidates = candidatesBelow(root, rootWorkspaces);
    if (candidates.length > 1) {
      return { app, services: [], evidence, warnings, problems: [], candidates: candidates.map((c) => ({ dir: c.dir, summary: summary(c.best) })) };
    }
    const only = candidates[0];
    if (only) {
      app = only.dir;
      project = within(root, app);
      found = detectIn(project);
      evidence.app = `${app}/ holds the only app below the root (${only.best.found.evidence})`;
    }
  }
  if (app !== '.' && options.app) evidence.app = `--app ${app}`;

  const best = found[0];
  if (!best) return { app, services: [], evidence, warnings, problems: [], candidates: [] };
  for (const other of found.slice(1)) {
    warnings.push(`${other.provider.title} files are here too (${other.found.evidence}): using ${best.provider.title}; set "language" to choose`);
  }

  const { provider, found: d } = best;
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

  const hits = servicesOf(project, provider, d);
  const generated = (s: ServiceRecognition) => services.some((x) => x.id === s.id);
  const supported = [...hits].filter(([s]) => generated(s));
  out.services = supported.map(([s]) => s.id);
  if (supported.length) evidence.services = supported.map(([s, e]) => `${s.id} (${e})`).join('; ');
  const unsupported = [...hits].filter(([s]) => !generated(s));
  for (const [s, e] of unsupported) warnings.push(`${s.title} found (${e}), but the generator can't run ${s.title} yet: add it to docker-compose.yml yourself`);
  warnings.push(...d.warnings);
  if (!d.framework) {
    warnings.push(`no ${provider.title} framework found: looked for ${humanList(provider.frameworks.map((f) => f.title))}`);
  }
  return out;
}
