import type { LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { lockfiles, type PackageManager } from './package-managers.js';

export function detectNode(project: ProjectSnapshot): LanguageDetection | undefined {
  if (project.read('package.json') === undefined) return undefined;
  const found: LanguageDetection = { confidence: 1, evidence: 'package.json', packages: [], warnings: [] };
  const pm = (Object.keys(lockfiles) as PackageManager[]).find((p) => project.read(lockfiles[p]) !== undefined);
  if (pm) found.packageManager = { value: pm, evidence: lockfiles[pm] };
  return found;
}
