/**
 * npm's range syntax (engines.node, .nvmrc), as ranges the core compares
 * runtime lines against: `>=20`, `^22.1.0`, `~24`, `22.x`, `20 || 22`,
 * `18 - 22`, `*`. Only what a Node version constraint uses.
 */
import { parseVersion, type Comparator, type Range, type Version } from '../../core/version-range.js';

const bump = (v: Version, at: number): Version => [...v.slice(0, at), (v[at] ?? 0) + 1];

/** `1.x`, `1.2`, `1` -> the interval they name, with how many parts were given. */
function xrange(text: string): { v: Version; parts: number } | undefined {
  const clean = text.replace(/\.(x|X|\*)(?=\.|$)/g, '').replace(/^[vV=]/, '');
  if (clean === '' || clean === '*' || /^[xX]$/.test(clean)) return { v: [0, 0, 0], parts: 0 };
  const v = parseVersion(clean);
  return v ? { v, parts: clean.split('-')[0]!.split('.').length } : undefined;
}

function comparator(token: string): Comparator[] | undefined {
  const m = /^(\^|~>?|>=|<=|>|<|=)?\s*(.*)$/.exec(token);
  const op = m?.[1] ?? '';
  const x = xrange(m?.[2] ?? '');
  if (!x) return undefined;
  const { v, parts } = x;
  if (parts === 0) return op === '<' ? [{ op: '<', version: [0, 0, 0] }] : [];
  switch (op) {
    case '^': {
      // ^1.2.3 := <2.0.0; ^0.2.3 := <0.3.0
      const at = v[0] ? 0 : v[1] || parts < 3 ? Math.min(1, parts - 1) : 2;
      return [{ op: '>=', version: v }, { op: '<', version: bump(v, at) }];
    }
    case '~':
    case '~>':
      return [{ op: '>=', version: v }, { op: '<', version: bump(v, Math.min(1, parts - 1)) }];
    case '':
    case '=':
      return parts < 3 ? [{ op: '>=', version: v }, { op: '<', version: bump(v, parts - 1) }] : [{ op: '=', version: v }];
    case '>':
      return parts < 3 ? [{ op: '>=', version: bump(v, parts - 1) }] : [{ op: '>', version: v }];
    case '<=':
      return parts < 3 ? [{ op: '<', version: bump(v, parts - 1) }] : [{ op: '<=', version: v }];
    default:
      return [{ op: op as Comparator['op'], version: v }];
  }
}

/** A range; undefined when some part of it can't be read. */
export function parseRange(text: string): Range | undefined {
  const sets: Comparator[][] = [];
  for (const alt of text.split('||')) {
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alt);
    if (hyphen) {
      const lo = xrange(hyphen[1] as string);
      const hi = xrange(hyphen[2] as string);
      if (!lo || !hi) return undefined;
      sets.push([{ op: '>=', version: lo.v }, hi.parts < 3 ? { op: '<', version: bump(hi.v, hi.parts - 1) } : { op: '<=', version: hi.v }]);
      continue;
    }
    const tokens = alt.trim().replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
    const set: Comparator[] = [];
    for (const t of tokens) {
      const c = comparator(t);
      if (!c) return undefined;
      set.push(...c);
    }
    sets.push(set);
  }
  return sets;
}

/** The interval of a Node line: "22" -> [22.0.0, 23.0.0). */
export const nodeLine = (line: string) => {
  const major = Number(line);
  return { from: [major, 0, 0], to: [major + 1, 0, 0] };
};

/** LTS code names (.nvmrc's lts/iron) and their majors. */
export const LTS_NAMES: Readonly<Record<string, number>> = {
  argon: 4, boron: 6, carbon: 8, dubnium: 10, erbium: 12, fermium: 14, gallium: 16, hydrogen: 18, iron: 20, jod: 22, krypton: 24,
};
