/** The result of parsing an answers file's text. */
export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * JSON.parse, with errors as "line L, column C: reason". (V8's own messages
 * carry no position on every Node version, so a small scanner finds the spot.)
 */
export function parseJson(text: string): JsonParse {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const { offset, reason } = locateJsonError(body);
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { ok: false, message: `line ${line}, column ${column}: ${reason}` };
  }
}

class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/** Where and why a JSON text is invalid (first error). */
export function locateJsonError(text: string): { offset: number; reason: string } {
  let i = 0;
  const show = (at: number) => (at >= text.length ? 'end of input' : `${JSON.stringify(text[at])}`);
  const fail = (expected: string, at = i): never => {
    throw new Stop(at, at >= text.length ? `unexpected end of input, expected ${expected}` : `unexpected ${show(at)}, expected ${expected}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`"${word}"`);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('a closing "');
      const ch = text[i] as string;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch < ' ') fail('no control characters or line breaks inside a string (use \\n)');
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('four hex digits after \\u', i + 2);
          i += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) fail('an escape like \\" \\\\ \\n', i + 1);
        i += 2;
        continue;
      }
      i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail('a number');
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail(ch === "'" ? 'a value (strings use double quotes)' : 'a value (object, array, "string", number, true, false or null)');
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail(text[i] === '}' ? 'another key (no trailing comma before })' : 'a key in double quotes');
      string();
      ws();
      if (text[i] !== ':') fail('":" after the key');
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail('"," or "}"');
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === ']') fail('another value (no trailing comma before ])');
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail('"," or "]"');
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the document (one JSON value only)');
    return { offset: text.length, reason: 'invalid JSON' };
  } catch (err) {
    if (err instanceof Stop) return { offset: err.offset, reason: err.reason };
    throw err;
  }
}
