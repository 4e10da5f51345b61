/**
 * Folders a Node.js app writes into at run time (uploads, files of a local
 * storage driver): the image's code is read-only to the app user, so these
 * are made writable and get a volume. Found in the sources: multer's `dest`,
 * `mkdirSync(...)`, and a local storage's `root`/`directory`, with a relative
 * path literal.
 */
import type { ProjectSnapshot } from '../../core/project.js';
import { sourceFiles } from './env.js';

const MAX_DIRS = 3;
const NOT_DATA = /^(node_modules|dist|build|src|\.next|public|views|static|logs?)$/;

/** A relative folder named by the last string literal of an expression (`path.join(__dirname, '..', 'uploads')` -> uploads). */
function folderOf(args: string): string | undefined {
  const literals = [...args.matchAll(/["'`]([\w./-]+)["'`]/g)].map((m) => m[1] as string);
  const last = literals.pop();
  if (!last || last.startsWith('/') || last.includes('..') || /\.\w{1,4}$/.test(last) || /\$\{/.test(last)) return undefined;
  const clean = last.replace(/^\.\//, '').replace(/\/+$/, '');
  return clean && !NOT_DATA.test(clean.split('/')[0] as string) ? clean : undefined;
}

export function nodeDataDirs(project: ProjectSnapshot, entry: string | undefined): Array<{ dir: string; evidence: string }> {
  const out: Array<{ dir: string; evidence: string }> = [];
  for (const file of sourceFiles(project, entry)) {
    const text = project.read(file) ?? '';
    const patterns = [/\bdest(?:ination)?\s*:\s*([^,}\n]+)/g, /\bmkdirSync\(\s*([^)\n]*?)(?:,\s*\{[^)]*\})?\)/g, /\bmkdir\(\s*([^)\n]*?)(?:,\s*\{[^)]*\})?\)/g, /\b(?:uploadDir|uploadsDir|UPLOAD_DIR|storageDir)\s*[:=]\s*([^,;\n]+)/g];
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        const dir = folderOf(m[1] as string);
        if (dir && !out.some((d) => d.dir === dir)) out.push({ dir, evidence: `${file}: ${m[0].trim().slice(0, 60)}` });
      }
    }
    if (out.length >= MAX_DIRS) break;
  }
  return out.slice(0, MAX_DIRS);
}
