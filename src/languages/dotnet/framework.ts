import type { EntryContext, EntrypointSpec, Framework } from '../../core/provider.js';
import { baseName } from './msbuild.js';

/** What an ASP.NET Core flavour adds to the core's Framework: how detection tells it from the others. */
export interface DotnetFramework extends Framework {
  /** Calls in the project's C# sources that mean this flavour (AddControllersWithViews, AddRazorPages). */
  markers: readonly RegExp[];
}

/** A project file below the repository root: a relative path ending in .csproj, without `..`, spaces, quotes or other signs. */
export const PROJECT_PATTERN = '^(?!.*(?:^|/)\\.\\.?(?:/|$))[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*\\.csproj$';
export const PROJECT_EXAMPLE = 'the web project file, relative to the app folder, as "Api.csproj" or "src/Shop.Api/Shop.Api.csproj" (letters, digits, `.`, `_` and `-`)';

export const projectEntry: EntrypointSpec = {
  default: 'App.csproj',
  help: 'the ASP.NET Core project file `dotnet publish` builds ("src/<Name>/<Name>.csproj")',
  rules: [{ pattern: PROJECT_PATTERN, must: PROJECT_EXAMPLE }],
};

/** The dll `dotnet publish` writes for a project: its AssemblyName, else the file's name. */
export const assemblyOf = (ctx: Pick<EntryContext, 'entrypoint'>, assemblyName?: string) => `${assemblyName ?? baseName(ctx.entrypoint)}.dll`;

/** Every flavour starts the same way: the runtime host with the published dll (the image sets ASPNETCORE_HTTP_PORTS). */
export function dotnetFramework(f: { id: string; title: string; markers: readonly RegExp[] }): DotnetFramework {
  return {
    defaultPort: 8080,
    ...f,
    entrypoint: projectEntry,
    command: (ctx) => ['dotnet', assemblyOf(ctx)],
    writablePaths: ['/tmp'],
  };
}
