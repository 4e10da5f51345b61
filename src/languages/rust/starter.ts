import type { LanguagePlanInput, ProviderFile } from '../../core/provider.js';
import { renderTemplate } from '../../core/render.js';
import { starterServices } from '../../services/index.js';
import { versions } from '../../versions.js';

/** A crate name from the project's name (letters, digits, - and _; starting with a letter). */
export const crateOf = (name: string) => {
  const c = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '');
  return c || 'app';
};

/**
 * The starter: Cargo.toml and an axum app (src/main.rs, src/health.rs) whose
 * binary is the entry point. Its only crates are axum and tokio (both
 * packaged by Debian too), with no Cargo.lock: the first build resolves them.
 * Its health route makes one real round trip to each service it knows
 * (PostgreSQL's SSLRequest, Redis's AUTH and PING) over tokio's TcpStream.
 */
export function starterFiles({ r, templates }: LanguagePlanInput): ProviderFile[] {
  const served = starterServices(r, 'rust');
  const view = {
    name: r.name,
    crate: crateOf(r.name),
    bin: r.entrypoint,
    port: r.port,
    healthPath: r.healthPath,
    axum: versions.rust.axum,
    tokio: versions.rust.tokio,
    services: served,
    postgres: served.includes('postgres'),
    redis: served.includes('redis'),
  };
  const purpose = 'Starter axum app (replace it with yours)';
  return [
    { path: 'Cargo.toml', template: 'Cargo.toml.ejs' },
    { path: 'src/main.rs', template: 'main.rs.ejs' },
    { path: 'src/health.rs', template: 'health.rs.ejs' },
  ].map((f) => ({ path: f.path, kind: 'starter' as const, purpose, content: renderTemplate(templates, `rust/starters/axum/${f.template}`, view) }));
}
