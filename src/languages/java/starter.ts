import type { LanguagePlanInput, ProviderFile } from '../../core/provider.js';
import { renderTemplate } from '../../core/render.js';
import { starterServices } from '../../services/index.js';

/** The starter's artifactId and version: the jar `mvn package` writes is `${STARTER_ARTIFACT}.jar`. */
export const STARTER_ARTIFACT = 'app-1.0.0';

/**
 * The starter: a pom.xml with no dependencies and one class, app.Main, on the
 * JDK's HTTP server (com.sun.net.httpserver), so it builds with nothing to
 * download. Its health route makes one real round trip to each service it
 * knows (PostgreSQL's SSLRequest, Redis's AUTH and PING) with java.net only.
 */
export function starterFiles({ r, templates }: LanguagePlanInput): ProviderFile[] {
  const served = starterServices(r, 'java');
  const view = {
    name: r.name,
    port: r.port,
    healthPath: r.healthPath,
    javaVersion: r.runtimeVersion,
    services: served,
    postgres: served.includes('postgres'),
    redis: served.includes('redis'),
  };
  const purpose = 'Starter Java app (replace it with yours)';
  return [
    { path: 'pom.xml', template: 'pom.xml.ejs' },
    { path: 'src/main/java/app/Main.java', template: 'Main.java.ejs' },
  ].map((f) => ({ path: f.path, kind: 'starter' as const, purpose, content: renderTemplate(templates, `java/starters/plain/${f.template}`, view) }));
}
