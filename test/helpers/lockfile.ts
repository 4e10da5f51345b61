import semver from 'semver';

/** The parts of a package-lock.json (lockfileVersion 3) this check reads. */
interface LockEntry {
  name?: string;
  version?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
export interface PackageLock {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}

/** Where Node (and npm's tree) finds `name` from the package at `location`: the nearest node_modules up the tree. */
function resolve(packages: Record<string, LockEntry>, location: string, name: string): string | undefined {
  let dir = location;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return undefined;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at === -1 ? '' : dir.slice(0, at);
  }
}

/**
 * What `npm ci` refuses in a lockfile, found without npm: it builds the ideal
 * tree from package.json and the lock, and every package of that tree must be
 * in the lock at the version it needs ("Missing: x@1 from lock file",
 * "Invalid: lock file's x@1 does not satisfy x@2"). The ideal tree holds every
 * optional dependency, the other platforms' ones too (npm only skips
 * installing them), so each must be recorded. Returns npm's wording, one line
 * per problem; an empty list when `npm ci` accepts the lock.
 */
export function lockProblems(lock: PackageLock): string[] {
  const packages = lock.packages ?? {};
  const problems: string[] = [];
  if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${String(lock.lockfileVersion)}, not 3`);
  if (!packages['']) problems.push('no root package ("") in "packages"');
  for (const [location, entry] of Object.entries(packages)) {
    if (entry.link) continue;
    const optionalPeer = (n: string) => entry.peerDependenciesMeta?.[n]?.optional === true;
    const edges: Array<[string, string, boolean]> = [
      ...Object.entries(entry.dependencies ?? {}).map(([n, s]): [string, string, boolean] => [n, s, false]),
      ...Object.entries(entry.optionalDependencies ?? {}).map(([n, s]): [string, string, boolean] => [n, s, false]),
      // A peer that nobody installs is only an error when it is required.
      ...Object.entries(entry.peerDependencies ?? {}).map(([n, s]): [string, string, boolean] => [n, s, optionalPeer(n)]),
    ];
    for (const [name, spec, mayBeAbsent] of edges) {
      const found = resolve(packages, location, name);
      if (!found) {
        if (!mayBeAbsent) problems.push(`Missing: ${name}@${spec} from lock file (needed by ${location || 'the root package'})`);
        continue;
      }
      const version = packages[found]?.version;
      // Only registry ranges are checked: aliases, tags, git and file specs have their own rules.
      if (version && semver.validRange(spec) && !semver.satisfies(version, spec, { includePrerelease: true })) {
        problems.push(`Invalid: lock file's ${name}@${version} does not satisfy ${name}@${spec} (needed by ${location || 'the root package'})`);
      }
    }
  }
  return problems;
}
