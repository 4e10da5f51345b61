/**
 * Folders a Python app writes into at run time: Django's MEDIA_ROOT (uploaded
 * files), Flask's UPLOAD_FOLDER, and os.makedirs(...) of a relative folder in
 * its settings or entry module. The code is read-only to the app user, so
 * these are made writable and get a volume.
 */
import type { ProjectSnapshot } from '../../core/project.js';
import { configFiles } from './env.js';

const NOT_DATA = /^(static|staticfiles|templates|src|migrations|\.venv|venv)$/;

export function pythonDataDirs(project: ProjectSnapshot, named: readonly string[]): Array<{ dir: string; evidence: string }> {
  const out: Array<{ dir: string; evidence: string }> = [];
  const patterns = [
    /^MEDIA_ROOT\s*=\s*(?:BASE_DIR\s*\/\s*|os\.path\.join\(\s*BASE_DIR\s*,\s*|Path\([^)]*\)\s*\/\s*)?["']([\w./-]+)["']/m,
    /\bUPLOAD_FOLDER["']?\s*[\]=:]\s*=?\s*(?:os\.path\.join\([^,]+,\s*)?["']([\w./-]+)["']/m,
    /\bos\.makedirs\(\s*["']([\w./-]+)["']/m,
  ];
  for (const file of configFiles(project, named)) {
    const text = project.read(file) ?? '';
    for (const re of patterns) {
      const m = re.exec(text);
      const dir = m?.[1]?.replace(/^\.\//, '').replace(/\/+$/, '');
      if (!m || !dir || dir.startsWith('/') || dir.includes('..') || NOT_DATA.test(dir.split('/')[0] as string)) continue;
      if (!out.some((d) => d.dir === dir)) out.push({ dir, evidence: `${file}: ${m[0].trim().slice(0, 60)}` });
    }
  }
  return out.slice(0, 3);
}
