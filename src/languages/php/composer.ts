/**
 * composer.json and composer.lock, as far as the image needs them: the PHP
 * version the project allows (require.php, config.platform.php), the
 * extensions it and its packages require (ext-*), the packages (which reveal
 * the framework and the services), and its scripts.
 */
import type { ProjectSnapshot } from '../../core/project.js';
import type { Comparator, ComparatorSet, Range, Version } from '../../core/version-range.js';

export interface ComposerProject {
  /** composer.json parsed; undefined when there is none. */
  json?: Record<string, unknown>;
  /** composer.json is there but is not a JSON object: the message says why. */
  invalid?: string;
  /** composer.lock's packages (name and their own `require`), empty without a lock. */
  locked: ReadonlyArray<{ name: string; require: Readonly<Record<string, string>> }>;
  hasLock: boolean;
  /** require (not require-dev): name -> constraint. */
  require: Readonly<Record<string, string>>;
  /** config.platform.php: the version Composer resolves for. */
  platformPhp?: string;
  /** Script event names (post-autoload-dump, post-install-cmd, ...). */
  scripts: readonly string[];
}

const objectOf = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const stringsOf = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(objectOf(v)).filter(([, x]) => typeof x === 'string')) as Record<string, string>;

export function readComposer(project: ProjectSnapshot): ComposerProject {
  const text = project.read('composer.json');
  const out: ComposerProject = { locked: [], hasLock: false, require: {}, scripts: [] };
  if (text === undefined) return out;
  let json: Record<string, unknown>;
  try {
    const v: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ...out, invalid: 'composer.json is not a JSON object' };
    json = v as Record<string, unknown>;
  } catch (err) {
    return { ...out, invalid: `composer.json is not valid JSON (${(err as Error).message})` };
  }
  const lockText = project.read('composer.lock');
  let locked: Array<{ name: string; require: Record<string, string> }> = [];
  if (lockText !== undefined) {
    try {
      const lock = objectOf(JSON.parse(lockText));
      const pkgs = Array.isArray(lock.packages) ? lock.packages : [];
      locked = pkgs.map((p) => objectOf(p)).filter((p) => typeof p.name === 'string').map((p) => ({ name: (p.name as string).toLowerCase(), require: stringsOf(p.require) }));
    } catch {
      locked = [];
    }
  }
  const platform = objectOf(objectOf(json.config).platform).php;
  return {
    json,
    locked,
    hasLock: lockText !== undefined,
    require: Object.fromEntries(Object.entries(stringsOf(json.require)).map(([k, v]) => [k.toLowerCase(), v])),
    ...(typeof platform === 'string' ? { platformPhp: platform } : {}),
    scripts: Object.keys(objectOf(json.scripts)),
  };
}

/** Every package the app needs at run time: composer.json's require, then the lock's packages (normalised: lower case). */
export function packageNames(c: ComposerProject): Array<{ name: string; evidence: string }> {
  const out = Object.entries(c.require)
    .filter(([n]) => n.includes('/') || n.startsWith('ext-'))
    .map(([name, v]) => ({ name, evidence: `composer.json: "${name}": "${v}"` }));
  for (const p of c.locked) if (!out.some((o) => o.name === p.name)) out.push({ name: p.name, evidence: `composer.lock: ${p.name}` });
  return out;
}

/** The ext-* requirements of composer.json and of the locked packages, with where each came from. */
export function extensionRequirements(c: ComposerProject): Array<{ ext: string; evidence: string }> {
  const out: Array<{ ext: string; evidence: string }> = [];
  const add = (name: string, evidence: string) => {
    const ext = name.slice(4).toLowerCase().replace(/-/g, '_');
    if (ext && !out.some((o) => o.ext === ext)) out.push({ ext, evidence });
  };
  for (const name of Object.keys(c.require)) if (name.startsWith('ext-')) add(name, `composer.json: "${name}"`);
  for (const p of c.locked) for (const name of Object.keys(p.require)) if (name.toLowerCase().startsWith('ext-')) add(name.toLowerCase(), `composer.lock: ${p.name} requires ${name}`);
  return out;
}

/** Composer version constraints (^8.2, ~8.3.0, >=8.1 <8.5, 8.2.*, ^8.1 || ^8.2) as a range; undefined when unreadable. */
export function parseConstraint(text: string): Range | undefined {
  const sets: ComparatorSet[] = [];
  for (const alt of text.split(/\s*\|\|?\s*/)) {
    const set: Comparator[] = [];
    // "1.0 - 2.0" hyphen ranges.
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(alt);
    const parts = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : alt.trim().split(/\s*,\s*|\s+/).filter(Boolean);
    for (const part of parts) {
      const m = /^(\^|~|>=|<=|>|<|==?|!=)?v?(\d+|\*)(?:\.(\d+|\*))?(?:\.(\d+|\*))?(?:\.\d+)?(?:[-@][\w.]+)?$/.exec(part);
      if (!m) return undefined;
      const op = m[1] ?? '';
      if (op === '!=') continue;
      const nums = [m[2], m[3], m[4]];
      const wild = nums.findIndex((n) => n === '*');
      const given = nums.filter((n) => n !== undefined && n !== '*').map(Number);
      if (given.length === 0) continue;
      const v: Version = [given[0] ?? 0, given[1] ?? 0, given[2] ?? 0];
      const next = (i: number): Version => v.map((x, j) => (j < i ? x : j === i ? x + 1 : 0));
      if (wild >= 0 || (op === '' && given.length < 3)) {
        // 8.2.* and a bare 8.2: that line.
        const depth = wild >= 0 ? wild : given.length;
        set.push({ op: '>=', version: v }, { op: '<', version: next(depth - 1) });
      } else if (op === '^') {
        const first = v.findIndex((x) => x !== 0);
        set.push({ op: '>=', version: v }, { op: '<', version: next(first < 0 || first > given.length - 1 ? given.length - 1 : first) });
      } else if (op === '~') {
        set.push({ op: '>=', version: v }, { op: '<', version: next(Math.max(0, given.length - 2)) });
      } else if (op === '' || op === '=' || op === '==') {
        set.push({ op: '=', version: v });
      } else {
        set.push({ op: op as Comparator['op'], version: v });
      }
    }
    sets.push(set);
  }
  return sets.length ? sets : undefined;
}
