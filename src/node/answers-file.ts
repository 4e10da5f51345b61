import { parseJson } from '../core/json.js';

/**
 * Reads and parses an answers file for both front ends, with one wording for
 * every failure (the caller reports it as bad input, exit code 2).
 */
export function readAnswersFile(read: (path: string) => string, path: string, shown: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = read(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
    return { ok: false, message: `--answers: can't read ${shown}: ${why}` };
  }
  const parsed = parseJson(text);
  return parsed.ok ? parsed : { ok: false, message: `--answers: ${shown} is not valid JSON: ${parsed.message}` };
}
