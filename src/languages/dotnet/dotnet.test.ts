import { describe, expect, it } from 'vitest';
import { InputError, generate, seededRandom, snapshotOf, type Answers } from '../../core/index.js';
import { loadTemplates } from '../../node/templates.js';
import { dotnetApps } from '../../../test/e2e/dotnet-apps.js';
import { serviceSets } from '../../../test/helpers/cases.js';
import { checkPlan } from '../../../test/helpers/checks.js';
import { pickProject, readRepo, type DotnetProject } from './detect.js';
import { dotnet } from './index.js';
import { parseGlobalJson, parseProject, solutionProjects, targetLines } from './msbuild.js';
import { PROBE_SOURCE, probeProject } from './probe.js';

const detect = (files: Record<string, string>) => dotnet.detect(snapshotOf(files));
const plan = (answers: Answers, files: Record<string, string>) => generate({ answers, project: snapshotOf(files), templates: loadTemplates(), random: seededRandom(1), folderName: 'shop' });
const fileOf = (answers: Answers, files: Record<string, string>, path: string) => plan(answers, files).files.find((f) => f.path === path)?.content ?? '';

const csproj = (sdk: string, tf = 'net9.0', items = '') => `<Project Sdk="${sdk}">\n  <PropertyGroup>\n    <TargetFramework>${tf}</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n${items}\n  </ItemGroup>\n</Project>\n`;
const pkg = (id: string, version = '9.0.0') => `    <PackageReference Include="${id}" Version="${version}" />`;
const ref = (path: string) => `    <ProjectReference Include="${path}" />`;
const program = (body = '') => `var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\n${body}\napp.Run();\n`;
const web = (extra: Record<string, string> = {}, items = '') => ({ 'Api.csproj': csproj('Microsoft.NET.Sdk.Web', 'net9.0', items), 'Program.cs': program('app.MapGet("/health", () => "ok");'), ...extra });

describe('MSBuild files', () => {
  it('reads the Sdk, properties, package and project references (comments and conditions aside)', () => {
    const p = parseProject(`\uFEFF<Project Sdk="Microsoft.NET.Sdk.Web">
  <!-- <PackageReference Include="Commented.Out" /> -->
  <PropertyGroup><TargetFramework>net8.0</TargetFramework><AssemblyName>Shop.Web</AssemblyName></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.4" />
    <PackageReference Include="StackExchange.Redis"><Version>2.8.0</Version></PackageReference>
    <ProjectReference Include="..\\Shop.Core\\Shop.Core.csproj" />
  </ItemGroup>
</Project>`);
    expect(p.sdk).toBe('Microsoft.NET.Sdk.Web');
    expect(p.properties).toMatchObject({ TargetFramework: 'net8.0', AssemblyName: 'Shop.Web' });
    expect(p.packages.map((x) => [x.name, x.version])).toEqual([
      ['npgsql.entityframeworkcore.postgresql', '8.0.4'],
      ['stackexchange.redis', '2.8.0'],
    ]);
    expect(p.references).toEqual(['../Shop.Core/Shop.Core.csproj']);
    expect(parseProject('<Project><Sdk Name="Microsoft.NET.Sdk.Worker" /></Project>').sdk).toBe('Microsoft.NET.Sdk.Worker');
  });

  it('lists the projects of a .sln and a .slnx (folders and solution items left out)', () => {
    const sln = 'Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{A}"\nEndProject\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\\Api\\Api.csproj", "{B}"\nEndProject\n';
    expect(solutionProjects(sln, false)).toEqual(['src/Api/Api.csproj']);
    expect(solutionProjects('<Solution>\n  <Folder Name="/src/">\n    <Project Path="src/Api/Api.csproj" />\n  </Folder>\n  <Project Path="tests/Api.Tests/Api.Tests.csproj" />\n</Solution>', true)).toEqual(['src/Api/Api.csproj', 'tests/Api.Tests/Api.Tests.csproj']);
  });

  it('target frameworks to .NET lines; global.json with comments', () => {
    expect(targetLines('net8.0;net9.0')).toEqual(['8.0', '9.0']);
    expect(targetLines('net10.0-windows')).toEqual(['10.0']);
    expect(targetLines('netstandard2.0;net48')).toEqual([]);
    expect(parseGlobalJson('{\n  // pinned\n  "sdk": { "version": "9.0.100", "rollForward": "latestFeature" }\n}')).toEqual({ version: '9.0.100', rollForward: 'latestFeature' });
  });
});

describe('detecting a .NET app', () => {
  it('is nothing without a project file', () => {
    expect(detect({ 'Program.cs': program() })).toBeUndefined();
  });

  it('a web project: framework, entry point, version, health route', () => {
    const d = detect(web());
    expect(d?.framework?.value).toBe('aspnetcore');
    expect(d?.entrypoint?.value).toBe('Api.csproj');
    expect(d?.runtimeVersion?.value).toBe('9.0');
    expect(d?.healthPath?.value).toBe('/health');
    expect(d?.confidence).toBe(2);
  });

  it('MVC by its calls; health routes from MapHealthChecks and attributes', () => {
    const d = detect({ 'Web.csproj': csproj('Microsoft.NET.Sdk.Web'), 'Program.cs': program('builder.Services.AddControllersWithViews();\napp.MapHealthChecks("/healthz");') });
    expect(d?.framework?.value).toBe('aspnetcore-mvc');
    expect(d?.healthPath?.value).toBe('/healthz');
    expect(detect({ 'Api.csproj': csproj('Microsoft.NET.Sdk.Web'), 'Program.cs': program(), 'Controllers/StatusController.cs': '[ApiController]\n[Route("api")]\npublic class S { [HttpGet("ping")] public string Get() => "pong"; }' })?.healthPath?.value).toBe('/ping');
  });

  it('the web project among a solution\'s, following the referenced projects for packages', () => {
    const files = {
      'Shop.sln': 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.Api", "src\\Shop.Api\\Shop.Api.csproj", "{A}"\nEndProject\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.Data", "src\\Shop.Data\\Shop.Data.csproj", "{B}"\nEndProject\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.Api.Tests", "tests\\Shop.Api.Tests\\Shop.Api.Tests.csproj", "{C}"\nEndProject\n',
      'src/Shop.Api/Shop.Api.csproj': csproj('Microsoft.NET.Sdk.Web', 'net8.0', ref('..\\Shop.Data\\Shop.Data.csproj')),
      'src/Shop.Api/Program.cs': program(),
      'src/Shop.Data/Shop.Data.csproj': csproj('Microsoft.NET.Sdk', 'net8.0', pkg('Npgsql.EntityFrameworkCore.PostgreSQL', '8.0.4')),
      'tests/Shop.Api.Tests/Shop.Api.Tests.csproj': csproj('Microsoft.NET.Sdk.Web', 'net8.0', `${pkg('Microsoft.NET.Test.Sdk', '17.0.0')}\n${pkg('StackExchange.Redis', '2.8.0')}`),
    };
    const d = detect(files);
    expect(d?.entrypoint?.value).toBe('src/Shop.Api/Shop.Api.csproj');
    expect(d?.packages.map((p) => p.name)).toEqual(['npgsql.entityframeworkcore.postgresql']);
    expect(plan({}, files).answers.services).toEqual(['postgres']);
  });

  it('several web projects: the root, the solution\'s name, then a server-like name, then the first', () => {
    const p = (path: string): DotnetProject => ({ path, dir: path.split('/').slice(0, -1).join('/'), name: path.split('/').pop()!.replace('.csproj', ''), file: { properties: {}, packages: [], references: [] }, kind: 'web' });
    expect(pickProject([p('src/Shop.Admin/Shop.Admin.csproj'), p('src/Shop.Api/Shop.Api.csproj')], 'Shop.sln')?.project.name).toBe('Shop.Api');
    expect(pickProject([p('src/Admin/Admin.csproj'), p('src/Shop/Shop.csproj')], 'Shop.sln')?.project.name).toBe('Shop');
    expect(pickProject([p('a/Zed/Zed.csproj'), p('Root.csproj')], undefined)?.project.name).toBe('Root');
    expect(pickProject([p('b/Beta/Beta.csproj'), p('a/Alpha/Alpha.csproj')], undefined)?.rule).toBe('the first in alphabetical order');
  });

  it('a version we have no image for is a problem naming the file; TargetFrameworks takes the newest we serve', () => {
    expect(detect({ 'Api.csproj': csproj('Microsoft.NET.Sdk.Web', 'net6.0') })?.problems?.[0]?.message).toMatch(/Api\.csproj targets net6\.0, which no \.NET image/);
    expect(detect({ 'Api.csproj': csproj('Microsoft.NET.Sdk.Web', 'net48') })?.problems?.[0]?.message).toMatch(/not a \.NET \(Core\) target/);
    expect(detect({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFrameworks>net8.0;net10.0</TargetFrameworks></PropertyGroup></Project>' })?.runtimeVersion?.value).toBe('10.0');
    expect(detect({ 'Directory.Build.props': '<Project><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>', 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>' })?.runtimeVersion?.evidence).toMatch(/^Directory\.Build\.props/);
    expect(detect(web({ 'global.json': '{"sdk":{"version":"8.0.100"}}' }))?.problems?.[0]?.message).toMatch(/global\.json pins the \.NET SDK 8\.0\.100, which can't build net9\.0/);
  });

  it('a Worker service alone is refused with the reason; a web project listening on localhost is a warning', () => {
    const files = { 'Worker.csproj': csproj('Microsoft.NET.Sdk.Worker'), 'Program.cs': 'var host = Host.CreateApplicationBuilder(args).Build();\nhost.Run();\n' };
    expect(detect(files)?.problems?.[0]).toMatchObject({ key: 'framework', message: expect.stringMatching(/Worker\.csproj is a Worker service .* serves no port/) });
    expect(() => plan({}, files)).toThrow(InputError);
    expect(() => plan({ framework: 'aspnetcore', entrypoint: 'Worker.csproj' }, files)).toThrow(/Worker\.csproj is a Worker service/);
    const d = detect({ 'Api.csproj': csproj('Microsoft.NET.Sdk.Web'), 'Program.cs': program('app.Urls.Add("http://localhost:5050");') });
    expect(d?.port?.value).toBe(5050);
    expect(d?.warnings.join('\n')).toMatch(/localhost only/);
  });

  it('connection strings from appsettings.json and GetConnectionString, as ConnectionStrings__<Name>', () => {
    const d = detect(web({ 'appsettings.json': '{"ConnectionStrings":{"Default":"Host=localhost;Database=shop;Username=postgres;Password=postgres","Cache":"localhost:6379"}}', 'Data.cs': 'var cs = configuration.GetConnectionString("Default");' }));
    expect(d?.env?.map((e) => [e.key, e.inCode ?? false])).toEqual([
      ['ConnectionStrings__Default', true],
      ['ConnectionStrings__Cache', false],
    ]);
  });
});

describe('the .NET plan', () => {
  const solution = {
    'Shop.slnx': '<Solution>\n  <Project Path="src/Shop.Api/Shop.Api.csproj" />\n  <Project Path="src/Shop.Data/Shop.Data.csproj" />\n  <Project Path="src/Shop.Worker/Shop.Worker.csproj" />\n</Solution>\n',
    'Directory.Packages.props': '<Project>\n  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>\n</Project>\n',
    'NuGet.config': '<configuration><packageSources><add key="nuget" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>',
    'src/Directory.Build.props': '<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>',
    'src/Shop.Api/Shop.Api.csproj': csproj('Microsoft.NET.Sdk.Web', 'net8.0', `${ref('../Shop.Data/Shop.Data.csproj')}\n    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" />\n    <PackageReference Include="StackExchange.Redis" />`),
    'src/Shop.Api/Program.cs': program('app.MapHealthChecks("/healthz");'),
    'src/Shop.Api/appsettings.json': '{"ConnectionStrings":{"Default":"Host=localhost;Database=shop;Username=shop;Password=dev","Redis":"localhost:6379"}}',
    'src/Shop.Data/Shop.Data.csproj': csproj('Microsoft.NET.Sdk', 'net8.0', '    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" />'),
    'src/Shop.Data/Migrations/20250101120000_Init.Designer.cs': '[DbContext(typeof(ShopDb))]\n[Migration("20250101120000_Init")]\npartial class Init { }\n',
    'src/Shop.Worker/Shop.Worker.csproj': csproj('Microsoft.NET.Sdk.Worker', 'net8.0', ref('../Shop.Data/Shop.Data.csproj')),
    'src/Shop.Worker/Program.cs': 'var host = Host.CreateApplicationBuilder(args).Build();\nhost.Run();\n',
    '.config/dotnet-tools.json': '{"version":1,"isRoot":true,"tools":{"dotnet-ef":{"version":"8.0.8","commands":["dotnet-ef"]}}}',
  };

  it('restores from the project files and settings at their paths, then publishes the app and its worker', () => {
    const p = plan({}, solution);
    expect(checkPlan(p, solution)).toEqual([]);
    const df = p.files.find((f) => f.path === 'Dockerfile')!.content;
    expect(df).toContain('COPY Directory.Packages.props NuGet.config ./\nCOPY src/Directory.Build.props src/\nCOPY src/Shop.Api/Shop.Api.csproj src/Shop.Api/\nCOPY src/Shop.Data/Shop.Data.csproj src/Shop.Data/\nCOPY src/Shop.Worker/Shop.Worker.csproj src/Shop.Worker/\n');
    expect(df).toMatch(/dotnet restore src\/Shop\.Api\/Shop\.Api\.csproj \\\n {4}&& dotnet restore src\/Shop\.Worker\/Shop\.Worker\.csproj\nCOPY \. \./);
    expect(df).toContain('dotnet publish src/Shop.Worker/Shop.Worker.csproj -c Release -o /app/workers/Shop.Worker -p:UseAppHost=false');
    expect(df).toContain('--project src/Shop.Data/Shop.Data.csproj --startup-project src/Shop.Api/Shop.Api.csproj');
    expect(df).toContain('FROM mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim\n');
    expect(df).toContain('CMD ["dotnet", "Shop.Api.dll"]');
    expect(df).toContain('"/healthz", "400"]');
    expect(p.processes.map((x) => [x.name, x.command])).toEqual([
      ['migrate', ['/app/efbundle']],
      ['worker', ['dotnet', '/app/workers/Shop.Worker/Shop.Worker.dll']],
    ]);
    // The worker reads its own appsettings.json: the host's content root is its folder, not the working directory.
    expect(p.processes[1]?.environment).toEqual({ DOTNET_CONTENTROOT: '/app/workers/Shop.Worker' });
    const everywhere = plan({ deploy: ['compose', 'swarm', 'kubernetes'] }, solution);
    expect(checkPlan(everywhere, solution)).toEqual([]);
    expect(p.answers.services).toEqual(['postgres', 'redis']);
  });

  it('wires each connection string to its service, in the format its client reads', () => {
    const env = plan({}, solution).files.find((f) => f.path === '.env')!.content;
    const pw = /^POSTGRES_PASSWORD=(\w+)$/m.exec(env)?.[1];
    const redisPw = /^REDIS_PASSWORD=(\w+)$/m.exec(env)?.[1];
    expect(env).toContain(`ConnectionStrings__Default='Host=postgres;Port=5432;Database=shop;Username=shop;Password=${pw}'`);
    expect(env).toContain(`ConnectionStrings__Redis=redis:6379,password=${redisPw}\n`);
    const mysql = plan({}, { 'Api.csproj': csproj('Microsoft.NET.Sdk.Web', 'net9.0', pkg('Pomelo.EntityFrameworkCore.MySql')), 'Program.cs': program('var cs = builder.Configuration.GetConnectionString("DefaultConnection");') });
    expect(mysql.answers.services).toEqual(['mysql']);
    expect(mysql.files.find((f) => f.path === '.env')!.content).toMatch(/^ConnectionStrings__DefaultConnection='Server=mysql;Port=3306;Database=shop;User ID=shop;Password=\w+'$/m);
  });

  it('EF Core migrations without dotnet-ef in a tool manifest: a note, no migrate step', () => {
    const files: Record<string, string> = { ...solution };
    delete files['.config/dotnet-tools.json'];
    const p = plan({}, files);
    expect(p.processes.map((x) => x.name)).toEqual(['worker']);
    expect(p.notes.join('\n')).toMatch(/no tool manifest installs dotnet-ef/);
    // The Design package in a library only: `dotnet ef` can't use it from the startup project.
    const libOnly = { ...solution, 'src/Shop.Api/Shop.Api.csproj': csproj('Microsoft.NET.Sdk.Web', 'net8.0', `${ref('../Shop.Data/Shop.Data.csproj')}\n    <PackageReference Include="StackExchange.Redis" />`), 'src/Shop.Data/Shop.Data.csproj': csproj('Microsoft.NET.Sdk', 'net8.0', '    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" />\n    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" PrivateAssets="all" />') };
    expect(plan({}, libOnly).notes.join('\n')).toMatch(/src\/Shop\.Api\/Shop\.Api\.csproj does not reference Microsoft\.EntityFrameworkCore\.Design/);
  });

  it('a project reference outside the build context is said', () => {
    const files = web({}, ref('../../shared/Lib/Lib.csproj'));
    expect(plan({}, files).notes.join('\n')).toMatch(/Api\.csproj → \.\.\/\.\.\/shared\/Lib\/Lib\.csproj: a referenced project outside this folder/);
  });

  it('the SDK: global.json pinned to a feature band is that exact SDK image; rollForward latestFeature is the line', () => {
    const df = (g: string) => fileOf({}, web({ 'global.json': g }), 'Dockerfile');
    expect(df('{"sdk":{"version":"9.0.100"}}')).toContain('FROM mcr.microsoft.com/dotnet/sdk:9.0.100-bookworm-slim AS build');
    expect(df('{"sdk":{"version":"9.0.100","rollForward":"latestFeature"}}')).toContain('FROM mcr.microsoft.com/dotnet/sdk:9.0-bookworm-slim AS build');
    expect(df('{"sdk":{"version":"10.0.100","rollForward":"latestMinor"}}')).toMatch(/FROM mcr\.microsoft\.com\/dotnet\/sdk:10\.0-noble AS build[\s\S]*FROM mcr\.microsoft\.com\/dotnet\/aspnet:9\.0-bookworm-slim\n/);
    expect(fileOf({}, web({ 'global.json': '{"sdk":{"version":"9.0.100"}}' }), 'Dockerfile')).toMatch(/^COPY Api\.csproj global\.json \.\/$/m);
  });

  it('a port the answers set is the one Kestrel listens on', () => {
    const df = fileOf({ port: 5000 }, web(), 'Dockerfile');
    expect(df).toContain('ENV ASPNETCORE_HTTP_PORTS=5000');
    expect(df).toContain('EXPOSE 5000');
  });

  it('every framework with every set of services, from an empty folder (the starter), passes every check', () => {
    for (const fw of dotnet.frameworks) {
      for (const services of serviceSets) {
        for (const runtimeVersion of dotnet.runtime.supported) {
          const p = plan({ framework: fw.id, services, runtimeVersion, deploy: ['compose', 'swarm', 'kubernetes'] }, {});
          expect(checkPlan(p), `${fw.id} ${runtimeVersion} ${services.join('+')}`).toEqual([]);
          expect(p.files.map((f) => f.path)).toEqual(expect.arrayContaining(['App.csproj', 'Program.cs', 'Health.cs']));
        }
      }
    }
  });

  it('the starter checks the services it knows and answers its health route', () => {
    const files = plan({ framework: 'aspnetcore', services: ['postgres', 'redis'] }, {}).files;
    const health = files.find((f) => f.path === 'Health.cs')!.content;
    expect(health).toContain('["postgres"] = CheckPostgresAsync');
    expect(health).toContain('["redis"] = CheckRedisAsync');
    expect(files.find((f) => f.path === 'Program.cs')!.content).toContain('app.MapGet("/health"');
    const none = plan({ framework: 'aspnetcore', services: [] }, {}).files.find((f) => f.path === 'Health.cs')!.content;
    expect(none).not.toContain('TcpClient');
  });

  it('the probe sources have no single quote (each line is one printf word) and target the runtime line', () => {
    expect([...PROBE_SOURCE, ...probeProject('8.0')].some((l) => l.includes("'"))).toBe(false);
    expect(probeProject('10.0').join('\n')).toContain('<TargetFramework>net10.0</TargetFramework>');
  });

  it('reads no bin/ or obj/ folder', () => {
    const r = readRepo(snapshotOf({ 'bin/Debug/Old.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web" />', 'src/Api/Api.csproj': csproj('Microsoft.NET.Sdk.Web'), 'src/Api/obj/project.assets.json': '{}' }));
    expect(r?.projects.map((p) => p.path)).toEqual(['src/Api/Api.csproj']);
  });

  it.each(dotnetApps.map((a) => [a.id, a] as const))('the e2e app %s is dockerized as its test expects (services, migrate, health route)', (_id, app) => {
    const p = plan({}, app.files);
    expect(checkPlan(p, app.files)).toEqual([]);
    expect(p.answers.services).toEqual(app.services);
    expect(p.processes.some((x) => x.name === 'migrate')).toBe(app.migrates);
    expect(p.answers.healthCheck).toBe('route');
  });

  it('a SQLite file in a folder of its own is a writable volume; a SQL Server connection string stays appsettings.json\'s', () => {
    const files = web(
      {
        'Program.cs': program('var cs = builder.Configuration.GetConnectionString("Todos") ?? "Data Source=.db/todos.db";\nvar other = builder.Configuration.GetConnectionString("Legacy");'),
        'appsettings.json': '{"ConnectionStrings":{"Legacy":"Server=(localdb)\\\\mssqllocaldb;Initial Catalog=Legacy;Integrated Security=true"}}',
      },
      pkg('Microsoft.EntityFrameworkCore.Sqlite'),
    );
    const p = plan({}, files);
    expect(checkPlan(p, files)).toEqual([]);
    expect(p.answers.dataPaths.map((d) => d.path)).toEqual(['/app/.db']);
    expect(p.files.find((f) => f.path === 'Dockerfile')!.content).toMatch(/^RUN mkdir -p \/app\/\.db && chown \$APP_UID:\$APP_UID \/app\/\.db\n#.*\nUSER \$APP_UID$/m);
    // Neither connection string is written: one has a default in the code, the other is SQL Server's (appsettings.json has it).
    expect(p.files.find((f) => f.path === '.env')!.content).not.toContain('ConnectionStrings__');
  });
});
