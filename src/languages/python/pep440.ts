/**
 * Python version specifiers as the project writes them (PEP 440's
 * `>=3.10,<3.13`, `~=3.11`, `==3.12.*`; Poetry's `^3.11`, `~3.11`; Pipfile's
 * bare `3.12`), as ranges the core compares runtime lines against.
 */
import { parseVersion, type Comparator, type Range, type Version } from '../../core/version-range.js';

const bump = (v: Version, at: number): Version => [...v.slice(0, at), (v[at] ?? 0) + 1];

/** The comparators of one specifier clause; undefined when it can't be read. */
function clause(raw: string): Comparator[] | undefined {
  const m = /^(===|==|!=|~=|>=|<=|>|<|\^|~|=)?\s*v?([0-9][0-9.]*)(\.\*)?$/.exec(raw.trim());
  if (!m) return raw.trim() === '*' ? [] : undefined;
  const op = m[1] ?? '==';
  const text = m[2] as string;
  const v = parseVersion(text);
  if (!v) return undefined;
  const parts = text.split('.').filter(Boolean).length;
  const wildcard = Boolean(m[3]);
  switch (op) {
    case '==':
    case '===':
    case '=':
      // "==3.12.*", or a bare "3.12" (Pipfile, .python-version): the whole line.
      return wildcard || parts < 3 ? [{ op: '>=', version: v }, { op: '<', version: bump(v, parts - 1) }] : [{ op: '=', version: v }];
    case '!=':
      // Excluding one release hardly ever rules out a whole line: ignored.
      return [];
    case '~=':
      return [{ op: '>=', version: v }, { op: '<', version: bump(v, Math.max(0, parts - 2)) }];
    case '^':
      return [{ op: '>=', version: v }, { op: '<', version: bump(v, 0) }];
    case '~':
      return [{ op: '>=', version: v }, { op: '<', version: bump(v, Math.min(1, parts - 1)) }];
    default:
      return [{ op: op as Comparator['op'], version: v }];
  }
}

/** A specifier set ("a,b" means both; Poetry's "a || b" either); undefined when a clause can't be read. */
export function parseSpecifier(spec: string): Range | undefined {
  const sets: Comparator[][] = [];
  for (const alt of spec.split('||')) {
    const set: Comparator[] = [];
    for (const part of alt.split(',').flatMap((p) => p.trim().split(/\s+(?=[<>=!~^])/))) {
      if (!part.trim()) continue;
      const c = clause(part);
      if (!c) return undefined;
      set.push(...c);
    }
    sets.push(set);
  }
  return sets;
}

/** The interval of a runtime line: "3.12" -> [3.12.0, 3.13.0). */
export const pythonLine = (line: string) => {
  const v = parseVersion(line) ?? [0, 0, 0];
  return { from: [v[0] ?? 0, v[1] ?? 0, 0], to: [v[0] ?? 0, (v[1] ?? 0) + 1, 0] };
};
