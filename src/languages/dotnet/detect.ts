/**
 * What a folder says about a .NET app: the solution (*.sln, *.slnx) and its
 * projects, else the *.csproj files below the folder (bounded), the web project
 * among them (Microsoft.NET.Sdk.Web), the projects it references, their
 * NuGet packages, TargetFramework, global.json's SDK, the health route and
 * port the C# sources declare, and the connection strings the app reads.
 * Reads through the snapshot only; never walks bin/, obj/ or node_modules/.
 */
import type { EnvRead, Finding, LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { SKIPPED_FOLDERS, healthRoute, humanList, readJson } from '../../core/toolkit.js';
import { services } from '../../services/index.js';
import { versions } from '../../versions.js';
import type { DotnetFramework } from './framework.js';
import { WORKER_SDK } from './frameworks/worker.js';
import { baseName, dirOf, joinPath, parseGlobalJson, parseProject, solutionProjects, targetLines, type GlobalJson, type MsbuildProject } from './msbuild.js';

const runtime = versions.runtimes.dotnet;
const MAX_DEPTH = 4;
const MAX_SOURCES = 300;
/** Folders that never hold the app's projects. */
const NOT_APP = new Set(['bin', 'obj', 'packages', 'artifacts', 'TestResults', 'node_modules', 'wwwroot', 'docs', 'samples', 'sample', 'examples']);
const SKIP = (name: string) => SKIPPED_FOLDERS.has(name) || NOT_APP.has(name) || name.startsWith('.');

export interface DotnetProject {
  /** Relative path of the project file ("src/Api/Api.csproj"). */
  path: string;
  dir: string;
  name: string;
  file: MsbuildProject;
  kind: 'web' | 'worker' | 'test' | 'other';
}

export interface DotnetRepo {
  /** The solution file, when there is one at the root. */
  solution?: string;
  projects: DotnetProject[];
  /** Directory.Build.props properties (the root's), for $(...) values. */
  buildProps: Record<string, string>;
  globalJson?: GlobalJson;
  warnings: string[];
}

const kindOf = (file: MsbuildProject, path: string): DotnetProject['kind'] => {
  const sdk = (file.sdk ?? '').toLowerCase();
  if (/^true$/i.test(file.properties.IsTestProject ?? '') || file.packages.some((p) => p.name === 'microsoft.net.test.sdk') || /\.(tests?|specs?|unittests|integrationtests)$/i.test(baseName(path))) return 'test';
  if (sdk === 'microsoft.net.sdk.web') return 'web';
  if (sdk === WORKER_SDK.toLowerCase()) return 'worker';
  return 'other';
};

/** Project files below the folder, nearest first, bounded. */
function findProjectFiles(project: ProjectSnapshot, from: string): string[] {
  const out: string[] = [];
  const queue: Array<[string, number]> = [[from, from ? 1 : 0]];
  while (queue.length && out.length < 100) {
    const [dir, depth] = queue.shift() as [string, number];
    for (const e of project.list(dir) ?? []) {
      const path = dir ? `${dir}/${e}` : e;
      if (e.endsWith('/')) {
        if (depth + 1 <= MAX_DEPTH && !SKIP(e.slice(0, -1))) queue.push([path.slice(0, -1), depth + 1]);
      } else if (/\.csproj$/i.test(e)) out.push(path);
    }
  }
  return out;
}

/** The solution and its projects, else the project files found; undefined when the folder holds no .NET project. */
export function readRepo(project: ProjectSnapshot): DotnetRepo | undefined {
  const root = project.list('') ?? [];
  const warnings: string[] = [];
  const solutions = root.filter((f) => /\.slnx?$/i.test(f)).sort((a, b) => Number(b.endsWith('x')) - Number(a.endsWith('x')) || a.localeCompare(b));
  let solution: string | undefined;
  let paths: string[] = [];
  for (const s of solutions) {
    const listed = solutionProjects(project.read(s) ?? '', /\.slnx$/i.test(s)).map((p) => joinPath('', p)).filter((p): p is string => p !== undefined && project.read(p) !== undefined);
    if (listed.length) {
      solution = s;
      paths = listed;
      break;
    }
  }
  if (solutions.length > 1 && solution) warnings.push(`several solutions (${solutions.join(', ')}): reading ${solution}`);
  // Without a solution: the project files below a folder that is a .NET build root (settings of its own, or a project at the top),
  // else only those under src/ (.NET's layout); a backend/ or api/ folder of a repository is an app of its own, which the core finds.
  const buildRoot = root.some((f) => /^(Directory\.Build\.props|Directory\.Packages\.props|global\.json|nuget\.config)$/i.test(f) || /\.csproj$/i.test(f));
  if (!paths.length) paths = findProjectFiles(project, buildRoot ? '' : 'src');
  if (!paths.length) return undefined;
  const projects = [...new Set(paths)].flatMap((path): DotnetProject[] => {
    const text = project.read(path);
    if (text === undefined) return [];
    const file = parseProject(text);
    return [{ path, dir: dirOf(path), name: baseName(path), file, kind: kindOf(file, path) }];
  });
  // Properties every project gets: Directory.Build.props, then Directory.Packages.props (which some repositories use for TargetFramework too).
  const buildProps = { ...parseProject(project.read('Directory.Packages.props') ?? '').properties, ...parseProject(project.read('Directory.Build.props') ?? '').properties };
  const globalJson = parseGlobalJson(project.read('global.json'));
  return { ...(solution ? { solution } : {}), projects, buildProps, ...(globalJson ? { globalJson } : {}), warnings };
}

/** A property of a project, falling back to Directory.Build.props; an expression left unresolved is none. */
export function property(repo: DotnetRepo, p: DotnetProject, name: string): string | undefined {
  let v = p.file.properties[name] ?? repo.buildProps[name];
  for (let i = 0; v !== undefined && v.includes('$(') && i < 3; i++) v = v.replace(/\$\((\w+)\)/g, (_m, k: string) => p.file.properties[k] ?? repo.buildProps[k] ?? `$(${k})`);
  return v === undefined || v.includes('$(') || v === '' ? undefined : v;
}

/** The project and every project it references, transitively (paths that resolve to a project file of the folder). */
export function closure(project: ProjectSnapshot, start: DotnetProject, repo: DotnetRepo): DotnetProject[] {
  const seen = new Map<string, DotnetProject>();
  const visit = (p: DotnetProject) => {
    if (seen.has(p.path)) return;
    seen.set(p.path, p);
    for (const ref of p.file.references) {
      const path = joinPath(p.dir, ref);
      if (path === undefined) continue;
      const known = repo.projects.find((x) => x.path === path);
      const text = known ? undefined : project.read(path);
      const next = known ?? (text !== undefined ? { path, dir: dirOf(path), name: baseName(path), file: parseProject(text), kind: 'other' as const } : undefined);
      if (next) visit(next);
    }
  };
  visit(start);
  return [...seen.values()];
}

/** Names a web project's last dotted part usually has, best first. */
const SERVER_NAMES = ['api', 'webapi', 'web', 'server', 'host', 'app', 'webapp', 'service', 'gateway', 'backend', 'site', 'mvc', 'ui'];

/**
 * The web project, when there are several: the root's own, then the one named
 * after the solution (Shop.sln -> Shop.csproj), then the most server-like
 * last name part (Shop.Api, Shop.Web, ...), then the first in order. Says which rule decided.
 */
export function pickProject(webs: readonly DotnetProject[], solution: string | undefined): { project: DotnetProject; rule: string } | undefined {
  const sorted = [...webs].sort((a, b) => a.path.localeCompare(b.path));
  if (sorted.length === 0) return undefined;
  if (sorted.length === 1) return { project: sorted[0] as DotnetProject, rule: 'the only web project' };
  const atRoot = sorted.find((p) => p.dir === '');
  if (atRoot) return { project: atRoot, rule: 'it is at the root' };
  const sln = solution?.replace(/\.slnx?$/i, '').toLowerCase();
  const own = sorted.find((p) => sln && p.name.toLowerCase() === sln);
  if (own) return { project: own, rule: `it is named after the solution (${solution})` };
  for (const name of SERVER_NAMES) {
    const hit = sorted.find((p) => p.name.split('.').pop()?.toLowerCase() === name);
    if (hit) return { project: hit, rule: `"${hit.name.split('.').pop()}" is the most server-like name` };
  }
  return { project: sorted[0] as DotnetProject, rule: 'the first in alphabetical order' };
}

export interface CsSource {
  path: string;
  text: string;
}

/** The C# files of a project's folder (not bin/, obj/ or another project's folder below it), bounded. */
export function csSources(project: ProjectSnapshot, dir: string): CsSource[] {
  const out: CsSource[] = [];
  const queue: Array<[string, number]> = [[dir, 0]];
  while (queue.length && out.length < MAX_SOURCES) {
    const [d, depth] = queue.shift() as [string, number];
    const entries = project.list(d) ?? [];
    if (depth > 0 && entries.some((e) => /\.csproj$/i.test(e))) continue;
    for (const e of entries) {
      const path = d ? `${d}/${e}` : e;
      if (e.endsWith('/')) {
        if (depth + 1 <= MAX_DEPTH && !SKIP(e.slice(0, -1))) queue.push([path.slice(0, -1), depth + 1]);
      } else if (e.endsWith('.cs')) {
        const text = project.read(path);
        if (text !== undefined) out.push({ path, text });
        if (out.length >= MAX_SOURCES) break;
      }
    }
  }
  return out;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Route paths the code maps: MapHealthChecks, MapGet (and the other verbs), [HttpGet("...")] and [Route("...")]. */
function routesIn(sources: readonly CsSource[]): Array<{ path: string; file: string }> {
  const out: Array<{ path: string; file: string }> = [];
  const re = /(?:\.(?:Map(?:HealthChecks|Get|Methods|Group)|UseHealthChecks)\s*\(\s*|\[(?:HttpGet|HttpHead|Route)\s*\(\s*)@?"(\/?[A-Za-z0-9_~./-]*)"/g;
  for (const s of sources) for (const m of s.text.matchAll(re)) out.push({ path: m[1] as string, file: s.path });
  return out;
}

/** A URL the code or appsettings.json binds (UseUrls, app.Run, app.Urls.Add, Kestrel endpoints): its port, and whether it is localhost only. */
function findPort(sources: readonly CsSource[], project: ProjectSnapshot, dir: string, warnings: string[]): Finding<number> | undefined {
  const urlRules = [/\.UseUrls\(\s*"([^"]+)"/, /\bapp\.Run(?:Async)?\(\s*"([^"]+)"/, /\.Urls\.Add\(\s*"([^"]+)"/];
  const portRules = [/\.ListenAnyIP\(\s*(\d{2,5})/, /\.Listen\(\s*IPAddress\.(?:Any|IPv6Any)\s*,\s*(\d{2,5})/];
  const local = (url: string, evidence: string) => {
    if (/\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/i.test(url)) warnings.push(`${evidence}: the app listens on localhost only, which nothing outside its container reaches; bind http://+:PORT (or drop the URL: the image sets ASPNETCORE_HTTP_PORTS)`);
  };
  for (const s of sources) {
    for (const re of urlRules) {
      const m = re.exec(s.text);
      const port = m && /:(\d{2,5})(?:\/|;|$)/.exec(m[1] as string)?.[1];
      if (m && port) {
        const evidence = `${s.path}:${lineOf(s.text, m.index)}: ${m[0].trim()}`;
        local(m[1] as string, evidence);
        return { value: Number(port), evidence };
      }
    }
    for (const re of portRules) {
      const m = re.exec(s.text);
      if (m) return { value: Number(m[1]), evidence: `${s.path}:${lineOf(s.text, m.index)}: ${m[0].trim()}` };
    }
    const lh = /\.ListenLocalhost\(\s*(\d{2,5})/.exec(s.text);
    if (lh) warnings.push(`${s.path}:${lineOf(s.text, lh.index)}: ListenLocalhost(${lh[1]}) serves localhost only, which nothing outside its container reaches: use ListenAnyIP`);
  }
  const settingsPath = dir ? `${dir}/appsettings.json` : 'appsettings.json';
  const endpoints = ((readJson(project, settingsPath)?.Kestrel as Record<string, unknown> | undefined)?.Endpoints ?? {}) as Record<string, { Url?: unknown }>;
  for (const [name, ep] of Object.entries(endpoints)) {
    const url = typeof ep?.Url === 'string' ? ep.Url : '';
    const port = /^http:\/\/[^/]*:(\d{2,5})/i.exec(url)?.[1];
    if (port) {
      const evidence = `${settingsPath}: Kestrel.Endpoints.${name}.Url = ${url}`;
      local(url, evidence);
      return { value: Number(port), evidence };
    }
  }
  return undefined;
}

/**
 * What the app reads from the environment: each connection string
 * (appsettings.json's "ConnectionStrings" and GetConnectionString("Name") calls)
 * as ConnectionStrings__<Name>, which .NET configuration maps to
 * ConnectionStrings:<Name>, and Environment.GetEnvironmentVariable reads.
 */
function envReads(sources: readonly CsSource[], project: ProjectSnapshot, dirs: readonly string[]): EnvRead[] {
  const out = new Map<string, EnvRead>();
  const theirs = new Set<string>();
  for (const dir of dirs) {
    const path = dir ? `${dir}/appsettings.json` : 'appsettings.json';
    const cs = readJson(project, path)?.ConnectionStrings;
    if (cs && typeof cs === 'object') {
      for (const [name, value] of Object.entries(cs as Record<string, unknown>)) {
        const key = `ConnectionStrings__${name}`;
        // One in no service's format (SQL Server, SQLite) is the app's own business: appsettings.json keeps giving it.
        const ours = typeof value === 'string' && value !== '' && services.some((sv) => sv.wire?.(key, value) !== undefined);
        if (typeof value === 'string' && value !== '' && !ours) {
          theirs.add(key);
          continue;
        }
        if (!out.has(key) && /^[A-Za-z0-9_.-]+$/.test(name)) out.set(key, { key, evidence: `${path}: ConnectionStrings.${name}`, ...(typeof value === 'string' && value ? { example: value } : {}), hasDefault: true });
      }
    }
  }
  for (const s of sources) {
    for (const m of s.text.matchAll(/\bGetConnectionString\(\s*"([A-Za-z0-9_.-]+)"\s*\)(\s*\?\?)?/g)) {
      const key = `ConnectionStrings__${m[1]}`;
      if (theirs.has(key)) continue;
      const prev = out.get(key);
      // `?? "Data Source=..."`: the code has a default of its own.
      out.set(key, { ...(prev ?? { key, evidence: `${s.path}: GetConnectionString("${m[1]}")` }), inCode: true, ...(m[2] || prev?.hasDefault ? { hasDefault: true } : {}) });
    }
    for (const m of s.text.matchAll(/\bEnvironment\.GetEnvironmentVariable\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)(\s*\?\?)?/g)) {
      const key = m[1] as string;
      if (['ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT', 'ASPNETCORE_HTTP_PORTS', 'ASPNETCORE_URLS', 'PORT'].includes(key) || out.has(key)) continue;
      out.set(key, { key, evidence: `${s.path}: Environment.GetEnvironmentVariable("${key}")`, inCode: true, ...(m[2] ? { hasDefault: true } : {}) });
    }
  }
  return [...out.values()];
}

/** The .NET line for the project's TargetFramework(s): the newest we build with; an older or newer one only is a problem. */
function findRuntime(project: ProjectSnapshot, repo: DotnetRepo, p: DotnetProject): { found?: Finding<string>; problem?: string } {
  const own = p.file.properties.TargetFramework !== undefined || p.file.properties.TargetFrameworks !== undefined;
  const name = p.file.properties.TargetFramework !== undefined || repo.buildProps.TargetFramework !== undefined ? 'TargetFramework' : 'TargetFrameworks';
  const value = property(repo, p, 'TargetFramework') ?? property(repo, p, 'TargetFrameworks');
  if (!value) return {};
  const where = own ? p.path : /<TargetFrameworks?>/.test(project.read('Directory.Build.props') ?? '') ? 'Directory.Build.props' : 'Directory.Packages.props';
  const lines = targetLines(value);
  const supported: readonly string[] = runtime.supported;
  const usable = supported.filter((v) => lines.includes(v));
  const best = usable[usable.length - 1];
  if (best) return { found: { value: best, evidence: `${where}: <${name}>${value}</${name}>` } };
  if (!lines.length) return { problem: `${where}: <${name}>${value}</${name}> is not a .NET (Core) target: the images run net${supported.join(', net')}; set "runtimeVersion" to one of ${supported.join(', ')} after moving the project to it` };
  return { problem: `${where} targets ${value}, which no .NET image we build with serves (${supported.join(', ')}); retarget the project, or set "runtimeVersion"` };
}

/** Reads a folder; undefined when it holds no .NET project. */
export function detectDotnetWith(frameworks: readonly DotnetFramework[], project: ProjectSnapshot): LanguageDetection | undefined {
  const repo = readRepo(project);
  if (!repo) return undefined;
  const warnings = [...repo.warnings];
  const found: LanguageDetection = {
    confidence: 1,
    evidence: repo.solution ? `${repo.solution}: ${repo.projects.length} project${repo.projects.length > 1 ? 's' : ''}` : humanList(repo.projects.map((p) => p.path).slice(0, 3)),
    packages: [],
    warnings,
  };
  const webs = repo.projects.filter((p) => p.kind === 'web');
  const workers = repo.projects.filter((p) => p.kind === 'worker');
  const picked = pickProject(webs, repo.solution);
  const problems: NonNullable<LanguageDetection['problems']>[number][] = [];
  if (!picked) {
    if (workers.length) {
      // Said as a problem with the framework (not "no framework found"), so the run names the reason; answers that set a framework meet check()'s refusal instead.
      const first = workers[0] as DotnetProject;
      found.framework = { value: frameworks[0]?.id ?? 'aspnetcore', evidence: `${first.path}: Sdk="${WORKER_SDK}"` };
      found.entrypoint = { value: first.path, evidence: `${first.path}: Sdk="${WORKER_SDK}"` };
      problems.push({ key: 'framework', message: `${humanList(workers.map((w) => w.path))} ${workers.length > 1 ? 'are Worker services' : 'is a Worker service'} (Sdk="${WORKER_SDK}"), which serves no port: the setups written here publish a port and check the app over HTTP, so a worker runs only beside an ASP.NET Core project (Sdk="Microsoft.NET.Sdk.Web"), from the same image. Add one (a /health route is enough), or set "framework" and "entrypoint" to it` });
    } else {
      warnings.push(`no ASP.NET Core project (Sdk="Microsoft.NET.Sdk.Web") among ${humanList(repo.projects.map((p) => p.path).slice(0, 5))}: set "entrypoint" to the web project`);
    }
    found.problems = problems;
    const any = repo.projects.find((p) => p.kind !== 'test') ?? repo.projects[0];
    if (any) {
      const rt = findRuntime(project, repo, any);
      if (rt.found) found.runtimeVersion = rt.found;
    }
    return found;
  }
  const web = picked.project;
  found.entrypoint = { value: web.path, evidence: webs.length > 1 ? `web projects ${webs.map((w) => w.path).join(', ')}: ${web.path}, since ${picked.rule}` : `${web.path}: Sdk="${web.file.sdk}"` };
  if (webs.length > 1) warnings.push(`several web projects (${webs.map((w) => w.path).join(', ')}): building ${web.path}, since ${picked.rule}; set "entrypoint" to build another`);

  const sources = csSources(project, web.dir);
  const flavour = frameworks.find((f) => f.markers.length && sources.some((s) => f.markers.some((m) => m.test(s.text)))) ?? frameworks.find((f) => f.markers.length === 0);
  if (flavour) {
    const hit = flavour.markers.length ? sources.map((s) => ({ s, m: flavour.markers.map((re) => re.exec(s.text)).find(Boolean) })).find((x) => x.m) : undefined;
    found.framework = { value: flavour.id, evidence: hit?.m ? `${hit.s.path}:${lineOf(hit.s.text, hit.m.index)}: ${hit.m[0].trim()}...)` : `${web.path}: Sdk="${web.file.sdk}"` };
    found.confidence = 2;
  }

  // Packages of the web project and of every project it references (a data layer's Npgsql.EntityFrameworkCore.PostgreSQL), and of Directory.Build.props.
  const projects = closure(project, web, repo);
  const seen = new Set<string>();
  const shared = parseProject(project.read('Directory.Build.props') ?? '').packages.map((pkg) => ({ pkg, where: 'Directory.Build.props' }));
  for (const { pkg, where } of [...projects.flatMap((p) => p.file.packages.map((pkg) => ({ pkg, where: p.path }))), ...shared]) {
    if (seen.has(pkg.name)) continue;
    seen.add(pkg.name);
    found.packages = [...found.packages, { name: pkg.name, evidence: `${where}: <PackageReference Include="${pkg.id}"${pkg.version ? ` Version="${pkg.version}"` : ''} />` }];
  }
  const rt = findRuntime(project, repo, web);
  if (rt.found) found.runtimeVersion = rt.found;
  if (rt.problem) problems.push({ key: 'runtimeVersion', message: rt.problem });
  const sdk = repo.globalJson?.version;
  const sdkLine = sdk && /^(\d+)\.(\d+)\./.exec(sdk);
  if (sdkLine && rt.found && Number(sdkLine[1]) < Number(rt.found.value.split('.')[0])) {
    problems.push({ key: 'runtimeVersion', message: `global.json pins the .NET SDK ${sdk}, which can't build ${rt.found.value.replace(/^/, 'net')} (${rt.found.evidence}): raise the sdk version in global.json` });
  }
  const port = findPort(sources, project, web.dir, warnings);
  if (port) found.port = port;
  const health = healthRoute(routesIn(sources));
  if (health) found.healthPath = { value: health.path, evidence: `${health.file}: a route for ${health.path}` };
  const env = envReads(sources, project, [...new Set([web.dir, ...projects.map((p) => p.dir)])]);
  if (env.length) found.env = env;
  const schemes: Array<{ scheme: string; evidence: string }> = [];
  for (const e of env) {
    const scheme = /^(mongodb|mongodb\+srv|amqp|amqps|redis|rediss|postgres|postgresql):\/\//i.exec(e.example ?? '')?.[1]?.toLowerCase();
    if (scheme && !schemes.some((s) => s.scheme === scheme)) schemes.push({ scheme, evidence: `${e.evidence}: "${scheme}://..."` });
  }
  if (schemes.length) found.schemes = schemes;
  if (problems.length) found.problems = problems;
  return found;
}
