/**
 * .NET: ASP.NET Core apps (minimal APIs, Web API controllers, MVC and Razor
 * Pages) from an SDK-style project, alone or in a solution. The build stage
 * restores from the project files alone (every *.csproj the web project
 * references, Directory.Build.props, Directory.Packages.props, NuGet.config,
 * global.json) with the NuGet folder as a cache mount, then copies the code
 * and publishes framework-dependent into /app; the final stage is the ASP.NET
 * Core runtime image, run as its non-root user (APP_UID). A small probe, built
 * in its own stage, is the HEALTHCHECK. EF Core migrations run as a migration
 * bundle; Worker services beside the web project run from the same image.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { LanguagePlanInput, LanguageProvider, Process } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { renderTemplate } from '../../core/render.js';
import { entryContext, execForm, humanList } from '../../core/toolkit.js';
import type { FieldError } from '../../core/validate.js';
import { services } from '../../services/index.js';
import { versions } from '../../versions.js';
import { closure, csSources, detectDotnetWith, property, readRepo, type DotnetProject, type DotnetRepo } from './detect.js';
import { assemblyOf, type DotnetFramework } from './framework.js';
import { aspnetcore } from './frameworks/aspnetcore.js';
import { mvc } from './frameworks/mvc.js';
import { WORKER_SDK, workerCommand, workerDir, workerService } from './frameworks/worker.js';
import { baseName, dirOf, joinPath, parseProject, toolManifestHasEf } from './msbuild.js';
import { PROBE_DIR, PROBE_SOURCE, probeCommand, probeProject, probeWords } from './probe.js';
import { starterFiles } from './starter.js';

export const dotnetFrameworks: readonly DotnetFramework[] = [aspnetcore, mvc];

function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): DotnetFramework {
  const fw = dotnetFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a .NET framework`);
  return fw;
}

const runtime = versions.runtimes.dotnet;
/** The aspnet image's `app` user (APP_UID). */
const UID = 1654;
type Line = keyof typeof versions.dotnetImages;
const imagesOf = (line: string) => versions.dotnetImages[line as Line] ?? versions.dotnetImages[runtime.default as Line];

/** Files MSBuild and NuGet read while restoring, looked for in the root and in every folder down to each project. */
const RESTORE_FILES = /^(Directory\.Build\.props|Directory\.Build\.targets|Directory\.Packages\.props|nuget\.config|global\.json)$/i;

interface WorkerView {
  project: DotnetProject;
  service: string;
  assembly: string;
}

interface DotnetView {
  repo: DotnetRepo | undefined;
  web: DotnetProject;
  projects: DotnetProject[];
  workers: WorkerView[];
  assembly: string;
  /** The EF Core migration bundle's --project/--startup-project, or why there is none. */
  migrations: { args: string; evidence: string } | { none: string } | undefined;
  manifests: string[];
  /** The SDK image, and why (global.json). */
  sdk: { image: string; why?: string };
}

function projectAt(project: ProjectSnapshot, repo: DotnetRepo | undefined, path: string): DotnetProject {
  const known = repo?.projects.find((p) => p.path === path);
  if (known) return known;
  const file = parseProject(project.read(path) ?? '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>');
  return { path, dir: dirOf(path), name: baseName(path), file, kind: 'web' };
}

/** Files a project file imports by a relative path (<Import Project="build/common.props" />) that are in the folder. */
function imports(project: ProjectSnapshot, path: string): string[] {
  const text = project.read(path) ?? '';
  return [...text.matchAll(/<Import\b[^>]*\bProject\s*=\s*"([^"$]+)"/gi)].flatMap((m) => {
    const p = joinPath(dirOf(path), (m[1] as string).replace(/\\/g, '/'));
    return p !== undefined && project.read(p) !== undefined ? [p] : [];
  });
}

/** Everything the restore reads, before the code is copied: the project files, lock files, and the settings in each folder from the root down. */
function restoreManifests(project: ProjectSnapshot, projects: readonly DotnetProject[]): string[] {
  const out = new Set<string>();
  const dirs = new Set<string>(['']);
  for (const p of projects) {
    out.add(p.path);
    const lock = p.dir ? `${p.dir}/packages.lock.json` : 'packages.lock.json';
    if (project.read(lock) !== undefined) out.add(lock);
    const parts = p.dir ? p.dir.split('/') : [];
    for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const d of dirs) for (const f of project.list(d) ?? []) if (RESTORE_FILES.test(f)) out.add(d ? `${d}/${f}` : f);
  for (const f of [...out]) for (const i of imports(project, f)) out.add(i);
  return [...out].sort((a, b) => dirOf(a).localeCompare(dirOf(b)) || a.localeCompare(b));
}

/** COPY lines: one per folder, each file to the same relative path. */
function manifestCopies(files: readonly string[]): Array<{ files: string[]; dest: string }> {
  const byDir = new Map<string, string[]>();
  for (const f of files) byDir.set(dirOf(f), [...(byDir.get(dirOf(f)) ?? []), f]);
  return [...byDir].map(([dir, fs]) => ({ files: fs, dest: dir ? `${dir}/` : './' }));
}

/** The SDK image: the runtime's line, or global.json's (an exact version when its rollForward keeps to a feature band). */
function sdkImage(repo: DotnetRepo | undefined, line: string): { image: string; why?: string } {
  const base = imagesOf(line);
  const g = repo?.globalJson;
  const m = g?.version && /^(\d+)\.(\d+)\.(\d+|x)(-[\w.]+)?$/i.exec(g.version);
  if (!g || !m) return { image: base.sdk };
  const sdkLine = `${m[1]}.${m[2]}`;
  const images = versions.dotnetImages[sdkLine as Line];
  if (!images) return { image: base.sdk, why: `global.json asks for SDK ${g.version}, a line we have no image for: the ${line} SDK builds it (set rollForward to latestMajor if it refuses)` };
  const roll = (g.rollForward ?? 'latestPatch').toLowerCase();
  // A version with a wildcard patch (8.0.x) is no exact SDK: the line's image.
  const band = ['patch', 'latestpatch', 'disable'].includes(roll) && !/x$/i.test(m[3] ?? '');
  if (band) {
    const image = `${images.sdk.split(':')[0]}:${g.version}-${images.distro}`;
    return { image, why: `global.json pins SDK ${g.version} (rollForward ${g.rollForward ?? 'latestPatch, the default'}: its feature band only), so the build uses that SDK's image` };
  }
  return { image: images.sdk, why: `global.json: SDK ${g.version} with rollForward ${g.rollForward}, which the newest ${sdkLine} SDK satisfies` };
}

const has = (projects: readonly DotnetProject[], pkg: string) => projects.some((p) => p.file.packages.some((x) => x.name === pkg));

function inspect(project: ProjectSnapshot, r: ResolvedAnswers): DotnetView {
  const repo = readRepo(project);
  const web = projectAt(project, repo, r.entrypoint);
  const webClosure = repo ? closure(project, web, repo) : [web];
  const workerProjects = (repo?.projects ?? []).filter((p) => p.kind === 'worker');
  const workers = workerProjects.map((p) => ({ project: p, service: workerService(p.name, workerProjects.map((w) => w.name)), assembly: `${(repo && property(repo, p, 'AssemblyName')) ?? p.name}.dll` }));
  const projects = [...new Map([...webClosure, ...workers.flatMap((w) => (repo ? closure(project, w.project, repo) : [w.project]))].map((p) => [p.path, p])).values()];
  const assemblyName = repo ? property(repo, web, 'AssemblyName') : undefined;
  const dbUsed = services.some((s) => s.kind === 'database' && r.services.includes(s.id));
  let migrations: DotnetView['migrations'];
  if (has(webClosure, 'microsoft.entityframeworkcore') || webClosure.some((p) => p.file.packages.some((x) => x.name.startsWith('microsoft.entityframeworkcore.') || x.name.startsWith('npgsql.entityframeworkcore') || x.name.startsWith('pomelo.entityframeworkcore')))) {
    const withMigrations = webClosure.find((p) => csSources(project, p.dir).some((s) => /\[Migration\(\s*"/.test(s.text)));
    const atStart = webClosure.flatMap((p) => csSources(project, p.dir)).find((s) => /\.Database\.Migrate(?:Async)?\s*\(/.test(s.text));
    // `dotnet ef` needs the Design package in the startup project itself (a library's PrivateAssets reference does not flow to it).
    const design = has([web], 'microsoft.entityframeworkcore.design');
    const tool = toolManifestHasEf(project.read('.config/dotnet-tools.json'));
    if (!withMigrations) migrations = undefined;
    else if (atStart) migrations = { none: `${atStart.path} applies the EF Core migrations at start (Database.Migrate): no migrate step is added; with several replicas, prefer a migration bundle (remove the call, add dotnet-ef to .config/dotnet-tools.json)` };
    else if (!dbUsed && has(webClosure, 'microsoft.entityframeworkcore.sqlite')) migrations = { none: `${withMigrations.path} has EF Core migrations for SQLite, which nothing applies in the container (no database service runs them): apply them at start (\`db.Database.Migrate()\`), or the tables are missing` };
    else if (!dbUsed) migrations = undefined;
    else if (!design || !tool)
      migrations = {
        none: `${withMigrations.path} has EF Core migrations, but ${!tool ? 'no tool manifest installs dotnet-ef (.config/dotnet-tools.json)' : ''}${!tool && !design ? ' and ' : ''}${!design ? `${web.path} does not reference Microsoft.EntityFrameworkCore.Design` : ''}: nothing applies them. Run \`dotnet new tool-manifest && dotnet tool install dotnet-ef\`${!design ? ' and add the Design package' : ''}, then re-run dockerize: a migration bundle then runs before the app starts`,
      };
    else {
      const args = withMigrations.path === web.path ? `--project ${web.path}` : `--project ${withMigrations.path} --startup-project ${web.path}`;
      migrations = { args, evidence: `${withMigrations.path}: EF Core migrations; .config/dotnet-tools.json: dotnet-ef` };
    }
  }
  return { repo, web, projects, workers, assembly: assemblyOf(r, assemblyName), migrations, manifests: restoreManifests(project, projects), sdk: sdkImage(repo, r.runtimeVersion) };
}

/** SQLite databases the app keeps in a file below its folder (Data Source=.db/app.db): the folder, and where that was read. */
function sqliteFiles(project: ProjectSnapshot, projects: readonly DotnetProject[]): Array<{ file: string; evidence: string }> {
  if (!projects.some((p) => p.file.packages.some((x) => ['microsoft.entityframeworkcore.sqlite', 'microsoft.data.sqlite'].includes(x.name)))) return [];
  const out: Array<{ file: string; evidence: string }> = [];
  for (const p of projects) {
    const settings = p.dir ? `${p.dir}/appsettings.json` : 'appsettings.json';
    const texts = [...csSources(project, p.dir).map((s) => ({ path: s.path, text: s.text })), { path: settings, text: project.read(settings) ?? '' }];
    for (const t of texts) {
      for (const m of t.text.matchAll(/\bData ?Source\s*=\s*([^;"\\]+)/gi)) {
        const file = (m[1] as string).trim();
        if (file === '' || file.startsWith('/') || file === ':memory:' || /^[A-Za-z]:/.test(file) || out.some((o) => o.file === file)) continue;
        out.push({ file: file.replace(/^\.\//, ''), evidence: `${t.path}: ${m[0].trim()}` });
      }
    }
  }
  return out;
}

function hasApp(r: Pick<ResolvedAnswers, 'framework' | 'entrypoint'> & Partial<ResolvedAnswers>, project: ProjectSnapshot): boolean {
  return project.read(r.entrypoint) !== undefined || readRepo(project) !== undefined;
}

function startCommand(input: LanguagePlanInput): string[] {
  const { r, project } = input;
  if (r.command) return r.command;
  if (input.starter) return frameworkOf(r).command(entryContext(r));
  return ['dotnet', inspect(project, r).assembly];
}

export const dotnet: LanguageProvider = {
  id: 'dotnet',
  title: '.NET',
  runtime,
  manifests: '*.sln, *.slnx, *.csproj',
  frameworks: dotnetFrameworks,
  packageManagers: [],
  uid: UID,
  // The probe the Dockerfile publishes (see probe.ts): the aspnet image has no curl or wget.
  healthcheck: (port, path, anyResponse) => probeCommand(port, path, anyResponse),
  dockerignore: [
    {
      comment: '.NET build output and IDE files (the image restores and publishes its own; a copied obj/ would carry your machine\'s paths)',
      patterns: ['**/bin', '**/obj', '**/TestResults', '.vs', '*.user', '*.suo', '**/*.swp'],
    },
  ],
  starterGitignore: () => ['bin/', 'obj/'],
  detect: (project) => detectDotnetWith(dotnetFrameworks, project),
  defaultPackageManager: () => null,
  extraImages: [...new Set(Object.values(versions.dotnetImages).flatMap((i) => [i.sdk, i.aspnet]))],
  hasApp,

  // The starter is a minimal API, whichever flavour was asked for.
  forStarter: (r) => ({ ...r, framework: aspnetcore.id }),

  check(_answers, input): FieldError[] {
    const { r, project, starter } = input;
    if (starter) return [];
    const text = project.read(r.entrypoint);
    // A project file that is not here yet (starter: false in an empty folder) is said in the notes, not refused.
    if (text === undefined) return [];
    const sdk = parseProject(text).sdk;
    if (sdk?.toLowerCase() === WORKER_SDK.toLowerCase()) {
      return [{ pointer: '/entrypoint', message: `${r.entrypoint} is a Worker service (Sdk="${WORKER_SDK}"), which serves no port: set "entrypoint" to an ASP.NET Core project (Sdk="Microsoft.NET.Sdk.Web"); workers run beside it from the same image` }];
    }
    return [];
  },

  command: (input) => startCommand(input),

  dataPaths(input) {
    const view = inspect(input.project, input.r);
    return sqliteFiles(input.project, view.projects)
      .filter((f) => f.file.includes('/'))
      .map((f) => ({ path: `/app/${dirOf(f.file)}`, evidence: `${f.evidence}, a SQLite file` }));
  },

  dockerfile(input) {
    const { r, project, templates } = input;
    const fw = frameworkOf(r);
    const view = inspect(project, r);
    const images = imagesOf(r.runtimeVersion);
    const publish = [
      `dotnet publish ${r.entrypoint} -c Release -o /app -p:UseAppHost=false`,
      ...view.workers.map((w) => `dotnet publish ${w.project.path} -c Release -o ${workerDir(w.project.name)} -p:UseAppHost=false`),
    ];
    return renderTemplate(templates, 'dotnet/Dockerfile.ejs', {
      title: r.name,
      framework: fw.title,
      runtimeVersion: r.runtimeVersion,
      sdkImage: view.sdk.image,
      runtimeImage: images.aspnet,
      distro: images.distro === 'noble' ? 'Ubuntu 24.04' : 'Debian 12 slim',
      probe: probeWords(PROBE_SOURCE),
      probeProject: probeWords(probeProject(r.runtimeVersion)),
      probeDir: PROBE_DIR,
      published: view.workers.length ? `the app and ${humanList(view.workers.map((w) => w.project.name))}` : 'the app',
      manifestCopies: manifestCopies(view.manifests),
      restore: [r.entrypoint, ...view.workers.map((w) => w.project.path)].map((p) => `dotnet restore ${p}`),
      publish,
      assembly: view.assembly,
      migrations: view.migrations && 'args' in view.migrations ? view.migrations : null,
      port: r.port,
      uid: UID,
      dataDirs: r.dataPaths.map((d) => d.path),
      healthcheck: execForm(dotnet.healthcheck(r.port, r.healthPath, r.healthCheck === 'any-response')),
      command: execForm(startCommand(input)),
    });
  },

  readme(input) {
    const { r, project } = input;
    const view = inspect(project, r);
    const images = imagesOf(r.runtimeVersion);
    return {
      image: [
        `Built with the .NET SDK image (\`${view.sdk.image}\`) and run on the ASP.NET Core runtime image (\`${images.aspnet}\`): no SDK, compilers or NuGet caches in the final image.`,
        `The project files (${humanList(view.manifests.map((m) => `\`${m}\``))}) are copied and \`dotnet restore\` runs before the code is copied, so a code change skips the restore;
  a cache mount keeps the NuGet packages (/root/.nuget/packages) between builds without storing them in a layer.`,
        `\`dotnet publish -c Release\` writes the app to /app, framework-dependent and without a native launcher (UseAppHost=false): the start command is \`dotnet ${view.assembly}\`, in exec form, so the app receives \`docker stop\`'s SIGTERM.`,
        `The app runs as the image's unprivileged \`app\` user (uid ${UID}, \`USER $APP_UID\`); its files are owned by root. Kestrel listens on ${r.port} (\`ASPNETCORE_HTTP_PORTS\`).`,
        `\`HEALTHCHECK\` runs \`dotnet ${PROBE_DIR}/healthcheck.dll\`, a small probe the Dockerfile's \`probe\` stage publishes from .NET's base class library (the image has no curl or wget; nothing is added to your repository). It calls \`${r.healthPath}\` on the container's own host name and passes on ${r.healthCheck === 'any-response' ? 'any answer below 500' : '2xx or 3xx'}; Kubernetes probes the route over HTTP itself.`,
      ],
      shell: 'docker compose exec app bash',
    };
  },

  files(input) {
    return input.starter ? starterFiles(input) : [];
  },

  processes(input): Process[] {
    if (input.starter) return [];
    const view = inspect(input.project, input.r);
    const out: Process[] = [];
    if (view.migrations && 'args' in view.migrations) {
      out.push({ name: 'migrate', command: ['/app/efbundle'], lifecycle: 'once', purpose: 'Applies the EF Core migrations (the migration bundle), then exits; the app starts after it succeeds', evidence: view.migrations.evidence });
    }
    for (const w of view.workers) {
      out.push({
        name: w.service,
        command: workerCommand(w.project.name, w.assembly),
        lifecycle: 'always',
        purpose: `Runs the ${w.project.name} Worker service beside the app`,
        evidence: `${w.project.path}: Sdk="${WORKER_SDK}"`,
        // The host's content root is the working directory (/app, the web app's): the worker's own appsettings.json is in its folder.
        environment: { DOTNET_CONTENTROOT: workerDir(w.project.name) },
      });
    }
    return out;
  },

  notes(input) {
    const { r, project, starter } = input;
    const probe = `The aspnet image has no curl or wget: its HEALTHCHECK runs ${PROBE_DIR}/healthcheck.dll, a small HTTP probe the Dockerfile's probe stage publishes from the base class library (not added to your repository; see README.Docker.md).`;
    if (starter) return [`The starter is an ASP.NET Core minimal API with no NuGet package: run it outside Docker with \`dotnet run\` (it listens on the port of Properties/launchSettings.json, or ASPNETCORE_HTTP_PORTS).`, probe];
    const view = inspect(project, r);
    const notes: string[] = [];
    if (project.read(r.entrypoint) === undefined) {
      const found = view.repo?.projects.filter((p) => p.kind === 'web').map((p) => p.path) ?? [];
      notes.push(`${r.entrypoint} is not here${found.length ? ` (the web projects are ${humanList(found)})` : ''}: the image builds it, so the build fails until it exists; set "entrypoint" to your ASP.NET Core project file.`);
    }
    if (view.sdk.why) notes.push(`${view.sdk.why}.`);
    if (view.migrations && 'none' in view.migrations) notes.push(`${view.migrations.none}.`);
    for (const w of view.workers) notes.push(`${w.project.path} is a Worker service: it is published to ${workerDir(w.project.name)} in the same image and runs as the \`${w.service}\` service (no port, so no HTTP healthcheck).`);
    for (const f of sqliteFiles(project, view.projects).filter((x) => !x.file.includes('/'))) {
      notes.push(`${f.evidence}: a SQLite file in the app's own folder (/app), which the app user can't write. Keep it in a folder of its own (Data Source=data/${f.file}): that folder is then made writable and kept in a volume.`);
    }
    const missing = view.projects.flatMap((p) => p.file.references.filter((ref) => {
      const path = joinPath(p.dir, ref);
      return path === undefined || project.read(path) === undefined;
    }).map((ref) => `${p.path} → ${ref}`));
    if (missing.length) notes.push(`${humanList(missing)}: a referenced project outside this folder (the build context) or not here, so \`dotnet restore\` fails in the image. Build from the folder that holds every project (--app), or vendor the reference.`);
    const sqlServer = view.projects.flatMap((p) => p.file.packages).find((x) => ['microsoft.entityframeworkcore.sqlserver', 'microsoft.data.sqlclient', 'system.data.sqlclient'].includes(x.name));
    if (sqlServer) notes.push(`The app uses SQL Server (${sqlServer.id}), which is not among the services written here: give the container its connection string (ConnectionStrings__<Name> in .env) pointing at a server it can reach.`);
    const nuget = view.manifests.find((m) => /(^|\/)nuget\.config$/i.test(m) && /<packageSourceCredentials>/i.test(project.read(m) ?? ''));
    if (nuget) notes.push(`${nuget} holds package source credentials: they are in the build stage's layers (not in the final image). Prefer a build secret (RUN --mount=type=secret) or NuGet's environment variables for them.`);
    const used = services.filter((sv) => r.services.includes(sv.id));
    const reads = r.appEnv.filter((e) => e.key.startsWith('ConnectionStrings__') && used.some((sv) => sv.wire?.(e.key, e.example) !== undefined));
    // A service beside the app that none of its connection strings points at: say what to set.
    for (const sv of used) {
      if (reads.some((e) => sv.wire?.(e.key, e.example) !== undefined)) continue;
      const spec = ['Default', 'Redis', 'Mongo', 'RabbitMQ', 'Valkey'].map((n) => sv.wire?.(`ConnectionStrings__${n}`, undefined)).find((x) => x?.example);
      if (spec) notes.push(`${sv.title} runs beside the app, but no connection string it reads was found for it (appsettings.json's ConnectionStrings, GetConnectionString("Name") with a literal name): set ConnectionStrings__<Name> in .env, as ${spec.key}=${spec.example} (with the values of .env).`);
    }
    if (reads.length) notes.push(`.NET configuration reads ${humanList(reads.map((e) => e.key))} as ${humanList(reads.map((e) => e.key.replace('__', ':')))}: the environment wins over appsettings.json, so the connection strings in .env are the ones the container uses.`);
    if (r.deploy.includes('swarm') && reads.length) notes.push('In Swarm the passwords are files under /run/secrets/ (NAME_FILE), which .NET configuration does not read by itself: add `builder.Configuration.AddKeyPerFile("/run/secrets", optional: true)` (Microsoft.Extensions.Configuration.KeyPerFile), whose file names are the keys.');
    if (r.framework === mvc.id || (r.deploy.some((d) => d !== 'compose') && r.replicas > 1)) {
      notes.push('ASP.NET Core Data Protection (cookies, antiforgery tokens, TempData) keeps its keys in the container, so they change on every restart and differ between replicas: persist them where every replica reads them (PersistKeysToStackExchangeRedis, PersistKeysToDbContext, or a shared volume).');
    }
    notes.push(probe);
    return notes;
  },
};
