import type { LanguagePlanInput, ProviderFile } from '../../core/provider.js';
import { renderTemplate } from '../../core/render.js';
import { starterServices } from '../../services/index.js';

/** The helper file beside the entry file (lib/server.rb -> lib/health.rb; a health.rb entry gets service_health.rb). */
export function healthFile(entrypoint: string): string {
  const dir = entrypoint.includes('/') ? entrypoint.slice(0, entrypoint.lastIndexOf('/') + 1) : '';
  const base = entrypoint.slice(dir.length);
  return `${dir}${base === 'health.rb' ? 'service_health.rb' : 'health.rb'}`;
}

/**
 * The starter: a Gemfile without gems (and its lockfile), an HTTP server on TCPServer (the
 * entry file) and its health checks, Ruby's standard library only, so it
 * builds with nothing to fetch. The health route makes one real round trip to
 * each service it knows (PostgreSQL's SSLRequest, Redis's AUTH and PING).
 */
export function starterFiles({ r, templates }: LanguagePlanInput): ProviderFile[] {
  const served = starterServices(r, 'ruby');
  const health = healthFile(r.entrypoint);
  const view = {
    name: r.name,
    port: r.port,
    healthPath: r.healthPath,
    rubyVersion: r.runtimeVersion,
    services: served,
    postgres: served.includes('postgres'),
    redis: served.includes('redis'),
    healthRequire: health.slice(health.lastIndexOf('/') + 1).replace(/\.rb$/, ''),
  };
  const purpose = 'Starter Ruby app, standard library only (replace it with yours)';
  return [
    { path: 'Gemfile', template: 'Gemfile.ejs' },
    { path: 'Gemfile.lock', template: 'Gemfile.lock.ejs' },
    { path: r.entrypoint, template: 'app.rb.ejs' },
    { path: health, template: 'health.rb.ejs' },
  ].map((f) => ({ path: f.path, kind: 'starter' as const, purpose, content: renderTemplate(templates, `ruby/starters/plain/${f.template}`, view) }));
}
