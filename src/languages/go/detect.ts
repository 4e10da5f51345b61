/**
 * What a folder says about a Go app: go.mod (module path, `go` and
 * `toolchain` lines, requirements that reveal the framework and services),
 * the main packages (the root, cmd/*, or another folder), the port and health
 * route the code declares, and the variables it reads. Reads a bounded set of
 * .go files through the snapshot; never walks vendor/ or testdata/.
 */
import type { EnvRead, Finding, LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { SKIPPED_FOLDERS, healthRoute } from '../../core/toolkit.js';
import { parseVersion, pickLine } from '../../core/version-range.js';
import { versions } from '../../versions.js';
import type { GoFramework } from './framework.js';
import { parseGoMod, withoutMajor, type GoMod } from './gomod.js';

const runtime = versions.runtimes.go;
const MAX_FILES = 300;
const MAX_DEPTH = 5;
/** Folders that hold no part of the app's build: examples, tools, generated test data. */
const NOT_APP = new Set(['testdata', 'examples', 'example', '_examples', 'docs', 'scripts', 'hack', 'tools', 'test', 'tests', 'e2e', 'third_party']);

export interface GoSource {
  path: string;
  dir: string;
  text: string;
}

/** The .go files of the module (tests left out), nearest first, bounded. */
export function goSources(project: ProjectSnapshot): GoSource[] {
  const out: GoSource[] = [];
  const queue: Array<[string, number]> = [['', 0]];
  while (queue.length && out.length < MAX_FILES) {
    const [dir, depth] = queue.shift() as [string, number];
    for (const e of project.list(dir) ?? []) {
      const path = dir ? `${dir}/${e}` : e;
      if (e.endsWith('/')) {
        const name = e.slice(0, -1);
        if (depth + 1 > MAX_DEPTH || SKIPPED_FOLDERS.has(name) || NOT_APP.has(name) || name.startsWith('.') || name.startsWith('_')) continue;
        // A folder with a go.mod of its own is another module.
        if ((project.list(path.slice(0, -1)) ?? []).includes('go.mod')) continue;
        queue.push([path.slice(0, -1), depth + 1]);
      } else if (e.endsWith('.go') && !e.endsWith('_test.go')) {
        const text = project.read(path);
        if (text !== undefined) out.push({ path, dir, text });
        if (out.length >= MAX_FILES) break;
      }
    }
  }
  return out;
}

/** A file's import paths (single and grouped imports). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s*\(([\s\S]*?)^\)/gm)) for (const q of (m[1] ?? '').matchAll(/"([^"]+)"/g)) out.push(q[1] as string);
  for (const m of text.matchAll(/^import\s+(?:[\w.]+\s+)?"([^"]+)"/gm)) out.push(m[1] as string);
  return out;
}

const isMain = (s: GoSource) => /^package\s+main\b/m.test(s.text) && /^func\s+main\s*\(\s*\)/m.test(s.text);

/** The main packages, as `go build` names them: "." and "./cmd/api". */
export function mainPackages(sources: readonly GoSource[]): string[] {
  const dirs = [...new Set(sources.filter(isMain).map((s) => s.dir))];
  return dirs.map((d) => (d === '' ? '.' : `./${d}`)).sort((a, b) => a.localeCompare(b));
}

/** Names a server's main package usually has, best first. */
const SERVER_NAMES = ['server', 'api', 'web', 'app', 'http', 'httpd', 'service', 'backend', 'gateway'];

/**
 * The main package to build, when there are several: the root's, then
 * cmd/<the module's last path element>, then the best server-like name
 * (server, api, web, ...), then the first in order. Says which rule decided.
 */
export function pickMain(mains: readonly string[], module: string | undefined): { value: string; rule: string } | undefined {
  if (mains.length === 0) return undefined;
  if (mains.length === 1) return { value: mains[0] as string, rule: 'the only main package' };
  if (mains.includes('.')) return { value: '.', rule: 'the root package is the main one' };
  const base = module?.split('/').filter((p) => !/^v\d+$/.test(p)).pop();
  const own = mains.find((m) => base && m === `./cmd/${base}`);
  if (own) return { value: own, rule: `it is named after the module (${module})` };
  for (const name of SERVER_NAMES) {
    const hit = mains.find((m) => m.split('/').pop() === name);
    if (hit) return { value: hit, rule: `"${name}" is the most server-like name` };
  }
  return { value: mains[0] as string, rule: 'the first in alphabetical order' };
}

/** The image line for go.mod's toolchain and go lines (the go line is a minimum: any newer Go builds it). */
function findRuntime(mod: GoMod): { found?: Finding<string>; problem?: string } {
  const supported: readonly string[] = runtime.supported;
  const line = (v: string) => {
    const p = parseVersion(v) ?? [0, 0, 0];
    return `${p[0]}.${p[1]}`;
  };
  const goLine = (v: string) => {
    const p = parseVersion(v) ?? [0, 0, 0];
    return { from: [p[0] ?? 0, p[1] ?? 0, 0], to: [p[0] ?? 0, (p[1] ?? 0) + 1, 0] };
  };
  const tc = mod.toolchain && /^go(\d+\.\d+)/.exec(mod.toolchain)?.[1];
  if (tc && supported.includes(line(tc)) && (!mod.go || (parseVersion(mod.go) ?? [0])[1]! <= (parseVersion(tc) ?? [0])[1]!)) {
    return { found: { value: line(tc), evidence: `go.mod: toolchain ${mod.toolchain}` } };
  }
  if (!mod.go) return {};
  const min = parseVersion(mod.go);
  if (!min) return {};
  const v = pickLine(supported, runtime.default, [[{ op: '>=', version: [min[0] ?? 1, min[1] ?? 0, 0] }]], goLine);
  if (v) return { found: { value: v, evidence: `go.mod: go ${mod.go}${v === line(mod.go) ? '' : ` (a minimum: Go ${v} builds it)`}` } };
  return { problem: `go.mod asks for go ${mod.go}, newer than the Go images we build with (${supported.join(', ')}); set "runtimeVersion" to one of these, or lower the go line` };
}

/** Route paths the code registers (net/http's mux patterns with a method too, chi, gin, echo, fiber). */
function routesIn(sources: readonly GoSource[]): Array<{ path: string; file: string }> {
  const out: Array<{ path: string; file: string }> = [];
  const re = /\.(?:HandleFunc|Handle|Get|GET|Head|HEAD|Any|Route|Method)\(\s*"(?:(?:GET|HEAD)\s+)?(\/[^"\s{]*)"/g;
  for (const s of sources) for (const m of s.text.matchAll(re)) out.push({ path: m[1] as string, file: s.path });
  return out;
}

/** The port the code listens on: a literal address, a default for PORT, then .env.example. */
function findPort(sources: readonly GoSource[], project: ProjectSnapshot): Finding<number> | undefined {
  const rules: RegExp[] = [
    /(?:ListenAndServe(?:TLS)?|\.Run|\.Start|\.Listen)\(\s*"[\w.-]*:(\d{2,5})"/,
    /Addr:\s*"[\w.-]*:(\d{2,5})"/,
    /\w+\(\s*"(?:PORT|HTTP_PORT|APP_PORT|SERVER_PORT)"\s*,\s*":?(\d{2,5})"\s*\)/,
    /(?:[Pp]ort|[Aa]ddr(?:ess)?)\s*:?=\s*":?(\d{2,5})"/,
    /`(?:env|envDefault|default)[^`]*(?:PORT|Port)[^`]*(?:envDefault|default):"(\d{2,5})"/,
  ];
  for (const re of rules) {
    for (const s of sources) {
      const m = re.exec(s.text);
      if (m) {
        const line = s.text.slice(0, m.index).split('\n').length;
        return { value: Number(m[1]), evidence: `${s.path}:${line}: ${m[0].trim()}` };
      }
    }
  }
  for (const file of ['.env.example', '.env.sample', '.env.template']) {
    const m = /^\s*(?:export\s+)?PORT\s*=\s*["']?(\d{2,5})/m.exec(project.read(file) ?? '');
    if (m) return { value: Number(m[1]), evidence: `${file}: PORT=${m[1]}` };
  }
  return undefined;
}

/** KEY=VALUE lines of the example env files. */
function examples(project: ProjectSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of ['.env.example', '.env.sample', '.env.template']) {
    for (const m of (project.read(file) ?? '').matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/gm)) {
      const key = m[1] as string;
      if (!(key in out)) out[key] = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
    }
  }
  return out;
}

/** Variables the code reads: os.Getenv / os.LookupEnv, and a helper given a default (getenv("PORT", "8080")). */
function envReads(sources: readonly GoSource[], project: ProjectSnapshot): EnvRead[] {
  const ex = examples(project);
  const out = new Map<string, EnvRead>();
  for (const s of sources) {
    for (const m of s.text.matchAll(/\b(?:os\.(?:Getenv|LookupEnv)|(\w+)\.?\w*)\(\s*"([A-Z][A-Z0-9_]*)"\s*(,\s*"[^"]*")?\s*\)/g)) {
      const helper = m[1];
      const key = m[2] as string;
      const isOs = m[0].startsWith('os.');
      // A helper counts only when its name says it reads the environment.
      if (!isOs && !/env/i.test(helper ?? '')) continue;
      const prev = out.get(key);
      const hasDefault = m[3] !== undefined || prev?.hasDefault === true;
      out.set(key, {
        key,
        evidence: prev?.evidence ?? `${s.path}: ${m[0].replace(/\s+/g, ' ')}`,
        inCode: true,
        ...(hasDefault ? { hasDefault } : {}),
        ...(key in ex ? { example: ex[key] } : {}),
      });
    }
  }
  return [...out.values()];
}

/** URL schemes written in the code (postgres://, redis://), for the core to map to services. */
function schemesIn(sources: readonly GoSource[]): Array<{ scheme: string; evidence: string }> {
  const out: Array<{ scheme: string; evidence: string }> = [];
  for (const s of sources) for (const m of s.text.matchAll(/"(postgres|postgresql|redis|rediss|mysql|mongodb|mongodb\+srv|amqp|amqps|memcached):\/\//g)) {
    if (!out.some((o) => o.scheme === m[1])) out.push({ scheme: m[1] as string, evidence: `${s.path}: "${m[1]}://..."` });
  }
  return out;
}

/** Reads a folder; undefined when it holds no Go module. */
export function detectGoWith(frameworks: readonly GoFramework[], project: ProjectSnapshot): LanguageDetection | undefined {
  const text = project.read('go.mod');
  if (text === undefined) return undefined;
  const mod = parseGoMod(text);
  const warnings: string[] = [];
  const found: LanguageDetection = { confidence: 1, evidence: `go.mod${mod.module ? `: module ${mod.module}` : ''}`, packages: [], warnings };
  const direct = mod.requires.filter((r) => !r.indirect);
  found.packages = direct.map((r) => ({ name: r.path, evidence: `go.mod: ${r.text}` }));

  const sources = goSources(project);
  const mains = mainPackages(sources);
  const main = pickMain(mains, mod.module);
  if (main) {
    found.entrypoint = { value: main.value, evidence: mains.length > 1 ? `main packages ${mains.join(', ')}: ${main.value}, since ${main.rule}` : `${sources.find((s) => isMain(s) && (s.dir === '' ? '.' : `./${s.dir}`) === main.value)?.path}: package main` };
    if (mains.length > 1) warnings.push(`several main packages (${mains.join(', ')}): building ${main.value}, since ${main.rule}; set "entrypoint" to build another`);
  } else if (sources.length) {
    warnings.push('no main package (package main with func main) was found: set "entrypoint" to the one to build');
  }
  const mainDir = main?.value === '.' ? '' : main?.value.slice(2);
  const inMain = sources.filter((s) => s.dir === mainDir);

  // Frameworks: a direct requirement, else an import; the main package's own imports settle a tie.
  const required = (f: GoFramework) => direct.find((r) => f.modules.includes(withoutMajor(r.path)));
  const imports = (s: GoSource) => importsOf(s.text).map(withoutMajor);
  const importedBy = (f: GoFramework, files: readonly GoSource[]) => files.find((s) => imports(s).some((i) => f.modules.some((m) => i === m || i.startsWith(`${m}/`))));
  const declared = frameworks.filter((f) => f.modules.length && (required(f) || importedBy(f, sources)));
  const framework = declared.find((f) => importedBy(f, inMain)) ?? declared[0];
  if (framework) {
    const req = required(framework);
    const file = importedBy(framework, sources);
    found.framework = { value: framework.id, evidence: req ? `go.mod: ${req.text}` : `${file?.path}: import "${framework.modules[0]}"` };
    found.confidence = 2;
    if (declared.length > 1) warnings.push(`several frameworks are used (${declared.map((f) => f.title).join(', ')}): using ${framework.title}; set "framework" to choose`);
  } else if (main) {
    const std = frameworks.find((f) => f.modules.length === 0);
    if (std && sources.some((s) => importsOf(s.text).includes('net/http'))) {
      found.framework = { value: std.id, evidence: `${sources.find((s) => importsOf(s.text).includes('net/http'))?.path}: import "net/http"` };
      found.confidence = 2;
    }
  }

  const port = findPort([...inMain, ...sources.filter((s) => s.dir !== mainDir)], project);
  if (port) found.port = port;
  const health = healthRoute(routesIn(sources));
  if (health) found.healthPath = { value: health.path, evidence: `${health.file}: a route for ${health.path}` };
  const env = envReads(sources, project);
  if (env.length) found.env = env;
  const schemes = schemesIn(sources);
  if (schemes.length) found.schemes = schemes;
  const rt = findRuntime(mod);
  if (rt.found) found.runtimeVersion = rt.found;
  if (rt.problem) found.problems = [{ key: 'runtimeVersion', message: rt.problem }];
  return found;
}
