/**
 * .env files as Compose, Node's dotenv and python-dotenv read them.
 *
 * Writing: a value is written bare when it has only characters that mean the
 * same to every reader; in single quotes (literal to all three) when it has no
 * single quote, backslash or line break; in double quotes when it has no `"`,
 * backslash, `$`, backtick or line break (Compose and python-dotenv interpolate
 * `$` there). A backslash has no portable form at all: Node's dotenv reads `\'`
 * as an escaped quote and python-dotenv unescapes `\\` even in single quotes.
 * Such values are refused by validation.
 *
 * Merging: an existing file is never rewritten; missing keys are appended
 * below it, so every user value, comment and line order stays as it was.
 */

const BARE = /^[A-Za-z0-9_.\/:@,+=%~^-]*$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The text to put after `KEY=`, or undefined when the value can't be written portably. */
export function formatEnvValue(value: string): string | undefined {
  if (value.includes('\0')) return undefined;
  if (BARE.test(value)) return value;
  if (value.includes('\\')) return undefined;
  if (!/['\r\n]/.test(value)) return `'${value}'`;
  if (!/["$`\r\n]/.test(value)) return `"${value}"`;
  return undefined;
}

export function isEnvKey(key: string): boolean {
  return KEY.test(key);
}

/** Keys and values defined in a .env text (last one wins, like Compose). */
export function parseEnv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]?(.*)$/s.exec(lines[i] ?? '');
    if (!m) continue;
    const key = m[1] as string;
    let rest = (m[2] ?? '').trimStart();
    let value: string;
    const quote = rest[0];
    if (quote === "'" || quote === '"' || quote === '`') {
      // Quoted values may span lines; find the closing quote.
      let body = rest.slice(1);
      let end = findClosing(body, quote);
      while (end < 0 && i + 1 < lines.length) {
        i++;
        body += `\n${lines[i]}`;
        end = findClosing(body, quote);
      }
      value = end < 0 ? body : body.slice(0, end);
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\(["\\$])/g, '$1');
    } else {
      const hash = rest.search(/\s#/);
      if (hash >= 0) rest = rest.slice(0, hash);
      value = rest.trim();
    }
    out.set(key, value);
  }
  return out;
}

function findClosing(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && quote === '"') {
      i++;
      continue;
    }
    if (body[i] === quote) return i;
  }
  return -1;
}

export interface EnvEntry {
  key: string;
  value: string;
  comment?: string;
}

export interface EnvSection {
  title?: string;
  entries: EnvEntry[];
}

/** How a value is written after `KEY=` (undefined: it can't be). */
export type EnvFormat = (value: string) => string | undefined;

/** kubectl's env-file format (kustomize secretGenerator `envs`): the raw value, no quoting; one line. */
export const rawEnvValue: EnvFormat = (value) => (/[\r\n\0\u2028\u2029\u0085]/.test(value) ? undefined : value);

function renderEntries(entries: EnvEntry[], format: EnvFormat): string[] {
  const lines: string[] = [];
  for (const e of entries) {
    if (e.comment) lines.push(`# ${e.comment}`);
    const formatted = format(e.value);
    if (formatted === undefined) throw new Error(`BUG: unwritable .env value for ${e.key}`);
    lines.push(`${e.key}=${formatted}`);
  }
  return lines;
}

/**
 * A .env text: a new file from `header` and `sections`, or `existing` with the
 * keys it lacks appended (unchanged, byte for byte, when it lacks none).
 */
export function mergeEnv(existing: string | undefined, header: string[], sections: EnvSection[], format: EnvFormat = formatEnvValue): string {
  if (existing === undefined) {
    const blocks = [header.map((h) => `# ${h}`)];
    for (const s of sections) {
      if (s.entries.length === 0) continue;
      blocks.push([...(s.title ? [`# --- ${s.title} ---`] : []), ...renderEntries(s.entries, format)]);
    }
    return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
  }
  const present = parseEnv(existing);
  const missing = sections.flatMap((s) => s.entries).filter((e) => !present.has(e.key));
  if (missing.length === 0) return existing;
  const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
  const lead = existing === '' ? '' : '\n';
  return `${existing}${sep}${lead}# Added by generator-dockerize\n${renderEntries(missing, format).join('\n')}\n`;
}
