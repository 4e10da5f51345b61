import type { LanguagePlanInput, ProviderFile } from '../../core/provider.js';
import { inDir } from '../../core/toolkit.js';
import { renderTemplate } from '../../core/render.js';
import { starterServices } from '../../services/index.js';

/**
 * The starter: go.mod and a net/http main package (main.go and health.go) at
 * the entry point, standard library only, so it builds with no module to
 * fetch and no go.sum. Its health route makes one real round trip to each
 * service it knows (PostgreSQL's SSLRequest, Redis's AUTH and PING).
 */
export function starterFiles({ r, templates }: LanguagePlanInput): ProviderFile[] {
  const dir = r.entrypoint === '.' ? '' : r.entrypoint.replace(/^\.\//, '');
  const served = starterServices(r, 'go');
  const view = {
    name: r.name,
    port: r.port,
    healthPath: r.healthPath,
    goVersion: r.runtimeVersion,
    services: served,
    postgres: served.includes('postgres'),
    redis: served.includes('redis'),
  };
  const purpose = 'Starter net/http app (replace it with yours)';
  return [
    { path: 'go.mod', template: 'go.mod.ejs' },
    { path: inDir(dir, 'main.go'), template: 'main.go.ejs' },
    { path: inDir(dir, 'health.go'), template: 'health.go.ejs' },
  ].map((f) => ({ path: f.path, kind: 'starter' as const, purpose, content: renderTemplate(templates, `go/starters/nethttp/${f.template}`, view) }));
}
