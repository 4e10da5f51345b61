import type { ResolvedAnswers } from '../../core/answers.js';
import { services } from '../../services/index.js';
import { versions } from '../../versions.js';
import type { PythonFramework } from './framework.js';
import type { PythonDependency } from './manifests.js';
import { SERVER_REQUIREMENTS } from './install.js';

/** `name==version` of a pinned Python package (a key of versions.python). */
export function pin(key: string): string {
  const v = (versions.python as Readonly<Record<string, string>>)[key];
  if (!v) throw new Error(`BUG: no version for python package ${key}`);
  return `${key}==${v}`;
}

/** A starter app's requirements.txt: the framework, its server and a driver per service, pinned. */
export function starterRequirements(r: ResolvedAnswers, fw: PythonFramework): string {
  const drivers = services.filter((s) => r.services.includes(s.id)).flatMap((s) => s.clients.python?.starter ?? []);
  return `# Python dependencies, pinned (written by generator-dockerize: add yours below).\n${[...fw.requirements, ...drivers].map(pin).join('\n')}\n`;
}

/**
 * The production server the start command needs, when the app's own
 * dependencies don't provide it: the image adds it (in SERVER_REQUIREMENTS),
 * and the user's dependency files stay as they are.
 */
export function missingServer(r: Pick<ResolvedAnswers, 'command' | 'entrypoint'>, fw: PythonFramework, dependencies: readonly PythonDependency[]): string[] {
  if (r.command !== null) return [];
  const main = dependencies.filter((d) => !d.dev);
  const server = fw.server(r.entrypoint);
  const provided = server.providedBy.some((p) => {
    const [name, extra] = p.replace(/\]$/, '').split('[');
    return main.some((d) => d.name === name && (!extra || d.extras.includes(extra)));
  });
  return provided ? [] : [pin(server.requirement)];
}

export function serverRequirements(lines: readonly string[]): string {
  return `# The production server the app's own dependencies lack, written by generator-dockerize.\n# The Dockerfile installs it after them; your dependency files stay as you wrote them.\n${lines.join('\n')}\n`;
}

export { SERVER_REQUIREMENTS };
