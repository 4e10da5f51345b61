/** The result of parsing an answers file's text. */
export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse with errors as "line L, column C: reason" (a leading BOM is allowed). */
export function parseJson(text: string): JsonParse {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    return { ok: false, message: jsonErrorWhere(body, err) };
  }
}

function jsonErrorWhere(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  let pos: number | undefined;
  const m = /position (\d+)/.exec(message);
  if (m) pos = Number(m[1]);
  else if (/end of (JSON )?input/i.test(message)) pos = text.length;
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
  if (pos === undefined) return reason;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${reason}`;
}
