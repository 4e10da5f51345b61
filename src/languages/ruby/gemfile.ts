/**
 * Bundler's two files, read as far as the image needs them: the Gemfile (its
 * gems and the groups they are in, the `ruby` line, `gemspec` and `path:`
 * gems) and Gemfile.lock (every locked gem, the platforms, the GIT and PATH
 * sources, RUBY VERSION and BUNDLED WITH). Neither is evaluated: a Gemfile is
 * Ruby, and we only read the lines Bundler's own generators write.
 */

export interface GemfileGem {
  name: string;
  /** The line as written (for evidence). */
  text: string;
  /** Only in development/test groups: not installed in the image. */
  dev: boolean;
  /** A local gem (`path: "engines/billing"`): its folder must be in the image before `bundle install`. */
  path?: string;
}

export interface Gemfile {
  gems: GemfileGem[];
  /** The `ruby` line: a version requirement, or the file it names (`ruby file: ".ruby-version"`). */
  ruby?: { requirement?: string; file?: string; text: string };
  /** `gemspec`: the gem's own .gemspec is part of the bundle. */
  gemspec: boolean;
}

export interface GemfileLock {
  /** Every locked gem (name -> version), from GEM, GIT and PATH specs. */
  specs: Map<string, string>;
  platforms: string[];
  /** The gems of GIT sources (Bundler clones them: the build needs git). */
  git: string[];
  /** RUBY VERSION ("3.3.6"). */
  ruby?: string;
  /** BUNDLED WITH ("2.5.22"). */
  bundler?: string;
}

const DEV_GROUPS = new Set(['development', 'test']);

/** Group names in `group :development, :test do` or `group: [:development, :test]`. */
const groupsIn = (text: string) => [...text.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => (m[1] ?? m[2]) as string);

export function parseGemfile(text: string): Gemfile {
  const gems: GemfileGem[] = [];
  const out: Gemfile = { gems, gemspec: false };
  // The open blocks: a group's names, or null for any other block (platforms, source, install_if).
  const blocks: Array<string[] | null> = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const group = /^group\s+(.+?)\s+do(\s*\|.*\|)?$/.exec(line);
    if (group) {
      blocks.push(groupsIn(group[1] as string));
      continue;
    }
    if (/\bdo(\s*\|[^|]*\|)?$/.test(line)) {
      blocks.push(null);
      continue;
    }
    if (/^end\b/.test(line)) {
      blocks.pop();
      continue;
    }
    const gem = /^gem\s*\(?\s*["']([A-Za-z0-9_.-]+)["'](.*)$/.exec(line);
    if (gem) {
      const options = gem[2] ?? '';
      const inGroups = blocks.filter((b): b is string[] => b !== null).flat();
      const own = /\bgroups?:\s*(\[[^\]]*\]|%i\[[^\]]*\]|:\w+|["']\w+["'])/.exec(options);
      const ownGroups = own ? (own[1]!.startsWith('%i[') ? own[1]!.slice(3, -1).split(/\s+/).filter(Boolean) : groupsIn(own[1] as string)) : [];
      const all = [...inGroups, ...ownGroups];
      const path = /\bpath:\s*["']([^"']+)["']/.exec(options)?.[1];
      gems.push({ name: (gem[1] as string).toLowerCase(), text: line, dev: all.length > 0 && all.every((g) => DEV_GROUPS.has(g)), ...(path ? { path } : {}) });
      continue;
    }
    const ruby = /^ruby\s*\(?\s*(?:["']([^"']+)["']|file:\s*["']([^"']+)["'])/.exec(line);
    if (ruby) {
      out.ruby = { text: line, ...(ruby[1] ? { requirement: ruby[1] } : {}), ...(ruby[2] ? { file: ruby[2] } : {}) };
      continue;
    }
    if (/^gemspec\b/.test(line)) out.gemspec = true;
  }
  return out;
}

export function parseGemfileLock(text: string): GemfileLock {
  const out: GemfileLock = { specs: new Map(), platforms: [], git: [] };
  let section = '';
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (/^[A-Z]/.test(line)) {
      section = line.trim();
      continue;
    }
    if (section === 'GEM' || section === 'GIT' || section === 'PATH') {
      // Specs are indented by four spaces; their own dependencies by six.
      const spec = /^ {4}([A-Za-z0-9_.-]+) \(([^)]+)\)$/.exec(line);
      if (spec) {
        const name = (spec[1] as string).toLowerCase();
        // A platform gem's version carries the platform: nokogiri (1.16.0-x86_64-linux).
        if (!out.specs.has(name)) out.specs.set(name, (spec[2] as string).replace(/-[a-z].*$/, ''));
        if (section === 'GIT') out.git.push(name);
      }
    } else if (section === 'PLATFORMS') {
      const p = line.trim();
      if (p) out.platforms.push(p);
    } else if (section === 'RUBY VERSION') {
      const v = /ruby (\d+\.\d+(?:\.\d+)?)/.exec(line)?.[1];
      if (v) out.ruby = v;
    } else if (section === 'BUNDLED WITH') {
      const v = line.trim();
      if (/^\d+\.\d+/.test(v)) out.bundler = v;
    }
  }
  return out;
}

/** Whether the lockfile can install on Linux: a `ruby` (source) platform or a Linux one. */
export const installsOnLinux = (lock: GemfileLock) => lock.platforms.length === 0 || lock.platforms.some((p) => p === 'ruby' || /linux/.test(p));
