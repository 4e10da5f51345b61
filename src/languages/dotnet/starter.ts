import type { LanguagePlanInput, ProviderFile } from '../../core/provider.js';
import { renderTemplate } from '../../core/render.js';
import { inDir } from '../../core/toolkit.js';
import { starterServices } from '../../services/index.js';
import { dirOf } from './msbuild.js';

/**
 * The starter: an ASP.NET Core minimal API (the project file at the entry
 * point, Program.cs and Health.cs beside it), with no NuGet package, so its
 * restore downloads nothing. Its health route makes one real round trip to
 * each service it knows (PostgreSQL's SSLRequest, Redis's AUTH and PING).
 */
export function starterFiles({ r, templates }: LanguagePlanInput): ProviderFile[] {
  const dir = dirOf(r.entrypoint);
  const served = starterServices(r, 'dotnet');
  const view = {
    name: r.name,
    port: r.port,
    healthPath: r.healthPath,
    runtimeVersion: r.runtimeVersion,
    services: served,
    postgres: served.includes('postgres'),
    redis: served.includes('redis'),
  };
  const purpose = 'Starter ASP.NET Core minimal API (replace it with yours)';
  return [
    { path: r.entrypoint, template: 'App.csproj.ejs' },
    { path: inDir(dir, 'Program.cs'), template: 'Program.cs.ejs' },
    { path: inDir(dir, 'Health.cs'), template: 'Health.cs.ejs' },
  ].map((f) => ({ path: f.path, kind: 'starter' as const, purpose, content: renderTemplate(templates, `dotnet/starters/minimal/${f.template}`, view) }));
}
