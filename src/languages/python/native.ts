/**
 * Python packages that need C libraries from Debian: to compile them in the
 * build stage (headers, a compiler) and to load them at run time (the shared
 * library), so slim images get only what the app's own dependencies need.
 */
import type { PythonDependency } from './manifests.js';

interface Native {
  /** PEP 503 name. */
  name: string;
  /** When the requirement names one of these extras, the package brings its own library (psycopg[binary]). */
  unlessExtras?: readonly string[];
  /** Debian packages to build it (sdist-only or a C extension). */
  build: readonly string[];
  /** Debian packages it loads at run time. */
  runtime: readonly string[];
}

const NATIVE: readonly Native[] = [
  // psycopg2 is a C extension built from source against libpq; psycopg2-binary bundles its own.
  { name: 'psycopg2', build: ['gcc', 'libpq-dev'], runtime: ['libpq5'] },
  // psycopg 3 is pure Python over the system libpq, unless [binary] (bundled) or [c] (compiled against it).
  { name: 'psycopg', unlessExtras: ['binary'], build: [], runtime: ['libpq5'] },
  { name: 'psycopg-c', build: ['gcc', 'libpq-dev'], runtime: ['libpq5'] },
  { name: 'mysqlclient', build: ['gcc', 'pkg-config', 'default-libmysqlclient-dev'], runtime: ['libmariadb3'] },
];

export interface SystemPackages {
  build: string[];
  runtime: string[];
  /** The dependencies that need them, for the Dockerfile's comment. */
  because: string[];
}

/** The Debian packages the app's own dependencies need. */
export function systemPackages(dependencies: readonly PythonDependency[]): SystemPackages {
  const out: SystemPackages = { build: [], runtime: [], because: [] };
  for (const d of dependencies.filter((x) => !x.dev)) {
    const n = NATIVE.find((x) => x.name === d.name);
    if (!n) continue;
    const compiled = d.name === 'psycopg' && d.extras.includes('c');
    if (!compiled && n.unlessExtras?.some((e) => d.extras.includes(e))) continue;
    const build = compiled ? ['gcc', 'libpq-dev'] : n.build;
    for (const p of build) if (!out.build.includes(p)) out.build.push(p);
    for (const p of n.runtime) if (!out.runtime.includes(p)) out.runtime.push(p);
    if (!out.because.includes(d.name)) out.because.push(compiled ? 'psycopg[c]' : d.name);
  }
  return out;
}
