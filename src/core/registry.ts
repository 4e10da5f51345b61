/**
 * The core's only way to the languages and services: the ordered registries
 * in src/languages/index.ts and src/services/index.ts. Nothing in the core
 * names a language or a service.
 */
import { providers } from '../languages/index.js';
import { recognisable, services } from '../services/index.js';
import type { ResolvedAnswers } from './answers.js';
import type { Framework, LanguageProvider, ServiceEntry } from './provider.js';

export { providers, recognisable, services };

export const LANGUAGE_IDS: readonly string[] = providers.map((p) => p.id);
export const FRAMEWORK_IDS: readonly string[] = providers.flatMap((p) => p.frameworks.map((f) => f.id));
export const SERVICE_IDS: readonly string[] = services.map((s) => s.id);

export function findProvider(id: unknown): LanguageProvider | undefined {
  return providers.find((p) => p.id === id);
}

/** The language and framework entries of a framework id (ids are unique across languages). */
export function findFramework(id: unknown): { provider: LanguageProvider; framework: Framework } | undefined {
  for (const provider of providers) {
    const framework = provider.frameworks.find((f) => f.id === id);
    if (framework) return { provider, framework };
  }
  return undefined;
}

export function frameworksOf(language: string): string[] {
  return findProvider(language)?.frameworks.map((f) => f.id) ?? [];
}

/** The provider of resolved (so valid) answers. */
export function providerOf(r: Pick<ResolvedAnswers, 'language'>): LanguageProvider {
  const p = findProvider(r.language);
  if (!p) throw new Error(`BUG: no language provider ${r.language}`);
  return p;
}

export function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): Framework {
  const f = findFramework(r.framework);
  if (!f) throw new Error(`BUG: no framework ${r.framework}`);
  return f.framework;
}

/** The services of resolved answers, in registry order. */
export function servicesOf(r: Pick<ResolvedAnswers, 'services'>): ServiceEntry[] {
  return services.filter((s) => r.services.includes(s.id));
}

