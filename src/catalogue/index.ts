export * from './types.js';
export { versions } from './versions.js';
export { languages } from './languages.js';
export { frameworks, pythonModuleLayout, healthModuleName, nodeHealthName } from './frameworks.js';
export { services, required, dbIdentifier } from './services.js';
export { isYarnBerry, lockfiles } from './package-managers.js';

import { frameworks } from './frameworks.js';
import type { FrameworkId, Language } from './types.js';

/** The frameworks of one language, in catalogue order. */
export function frameworksOf(language: Language): FrameworkId[] {
  return Object.values(frameworks)
    .filter((f) => f.language === language)
    .map((f) => f.id);
}
