import type { LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';

export function detectPython(_project: ProjectSnapshot): LanguageDetection | undefined {
  return undefined;
}
