/**
 * Version ranges as unions of intervals, for choosing a runtime image from
 * what a project asks for (engines.node, requires-python, ...). Each language
 * parses its own syntax into comparators; this module only compares.
 */

export type Version = readonly number[];

/** One comparator: `>=`, `>`, `<=`, `<`, `=` against a version (missing parts are 0). */
export interface Comparator {
  op: '>=' | '>' | '<=' | '<' | '=';
  version: Version;
}

/** Comparators that must all hold (a comparator set); a range is any of several sets. */
export type ComparatorSet = readonly Comparator[];
export type Range = readonly ComparatorSet[];

export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export function compare(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The lowest and highest versions a set allows, as bounds. */
function bounds(set: ComparatorSet): { lo: Version; loIn: boolean; hi?: Version; hiIn: boolean } {
  let lo: Version = [0, 0, 0];
  let loIn = true;
  let hi: Version | undefined;
  let hiIn = false;
  for (const c of set) {
    if (c.op === '>=' || c.op === '>' || c.op === '=') {
      const inclusive = c.op !== '>';
      const d = compare(c.version, lo);
      if (d > 0 || (d === 0 && !inclusive)) {
        lo = c.version;
        loIn = inclusive;
      }
    }
    if (c.op === '<=' || c.op === '<' || c.op === '=') {
      const inclusive = c.op !== '<';
      const d = hi === undefined ? -1 : compare(c.version, hi);
      if (d < 0 || (d === 0 && !inclusive)) {
        hi = c.version;
        hiIn = inclusive;
      }
    }
  }
  return { lo, loIn, ...(hi ? { hi } : {}), hiIn };
}

/** Whether some version in [from, to) satisfies the range (`to` exclusive): "does Node 22.x meet engines.node?". */
export function allowsSome(range: Range, from: Version, to: Version): boolean {
  return range.some((set) => {
    const b = bounds(set);
    // The set's interval and [from, to) overlap.
    const aboveFrom = b.hi === undefined || compare(b.hi, from) > 0 || (compare(b.hi, from) === 0 && b.hiIn);
    const belowTo = compare(b.lo, to) < 0;
    const nonEmpty = b.hi === undefined || compare(b.lo, b.hi) < 0 || (compare(b.lo, b.hi) === 0 && b.loIn && b.hiIn);
    return aboveFrom && belowTo && nonEmpty;
  });
}

/**
 * The runtime line to build: the preferred one when the range allows it,
 * else the newest supported line it allows; undefined when it allows none.
 * `line` turns a supported line ("22", "3.12") into its interval.
 */
export function pickLine(supported: readonly string[], preferred: string, range: Range, line: (v: string) => { from: Version; to: Version }): string | undefined {
  const ok = (v: string) => {
    const { from, to } = line(v);
    return allowsSome(range, from, to);
  };
  if (ok(preferred)) return preferred;
  return [...supported].reverse().find(ok);
}
