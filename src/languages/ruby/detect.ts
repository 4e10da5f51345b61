/**
 * What a folder says about a Ruby app: the Gemfile and Gemfile.lock (gems,
 * groups, the Ruby and Bundler versions), Rails' config/ (application.rb,
 * routes.rb, database.yml, puma.rb), config.ru, the app's own Ruby files at
 * the top of the folder, Procfile and .env.example. Bounded: config/ two
 * levels down, the root's .rb files, never vendor/, node_modules/ or tmp/.
 */
import type { EnvRead, Finding, LanguageDetection } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { healthRoute } from '../../core/toolkit.js';
import { parseVersion, pickLine, type Comparator, type Range } from '../../core/version-range.js';
import { versions } from '../../versions.js';
import type { RubyFramework } from './framework.js';
import { parseGemfile, parseGemfileLock, type Gemfile, type GemfileLock } from './gemfile.js';

const runtime = versions.runtimes.ruby;
const MAX_FILES = 60;
const EXAMPLES = ['.env.example', '.env.sample', '.env.template', '.env.dist'];

export interface RubyProject {
  gemfile?: Gemfile;
  lock?: GemfileLock;
  /** Gems the app runs with (not only in development/test): the Gemfile's, and every locked one. */
  gems: ReadonlySet<string>;
}

export function readRuby(project: ProjectSnapshot): RubyProject {
  const g = project.read('Gemfile');
  const l = project.read('Gemfile.lock');
  const gemfile = g === undefined ? undefined : parseGemfile(g);
  const lock = l === undefined ? undefined : parseGemfileLock(l);
  const dev = new Set(gemfile?.gems.filter((x) => x.dev).map((x) => x.name) ?? []);
  const gems = new Set<string>([...(gemfile?.gems.filter((x) => !x.dev).map((x) => x.name) ?? []), ...[...(lock?.specs.keys() ?? [])].filter((n) => !dev.has(n))]);
  return { ...(gemfile ? { gemfile } : {}), ...(lock ? { lock } : {}), gems };
}

/** The Ruby files that configure or start the app: config/ (two levels), the root's .rb files, config.ru. */
export function rubySources(project: ProjectSnapshot): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  const add = (path: string) => {
    const text = out.length < MAX_FILES ? project.read(path) : undefined;
    // Comment lines are blanked (`# port ENV.fetch("PORT") { 3000 }` is not a setting); the line count stays.
    if (text !== undefined) out.push({ path, text: text.replace(/^[ \t]*#.*$/gm, '') });
  };
  for (const e of project.list('') ?? []) if (/\.(rb|ru)$/.test(e)) add(e);
  const walk = (dir: string, depth: number) => {
    for (const e of project.list(dir) ?? []) {
      if (e.endsWith('/')) {
        if (depth < 2) walk(`${dir}/${e.slice(0, -1)}`, depth + 1);
      } else if (/\.(rb|yml|yaml)$/.test(e) && !/credentials|locales/.test(dir)) add(`${dir}/${e}`);
    }
  };
  walk('config', 1);
  for (const dir of ['app', 'lib']) for (const e of project.list(dir) ?? []) if (e.endsWith('.rb')) add(`${dir}/${e}`);
  return out;
}

/** Variables the system, the Ruby image or the Dockerfile set: the app reads them, .env must not. */
const OWNED_BY_IMAGE = /^(PATH|HOME|USER|SHELL|PWD|LANG|LC_[A-Z]+|TERM|TZ|HOSTNAME|TMPDIR|GEM_HOME|GEM_PATH|RUBYOPT|RUBYLIB|RUBY_VERSION|BUNDLE_[A-Z_]+|RAILS_ENV|RACK_ENV|APP_ENV|RAILS_LOG_TO_STDOUT|RAILS_SERVE_STATIC_FILES|SECRET_KEY_BASE_DUMMY)$/;

/**
 * Variables the code reads: ENV["X"], ENV.fetch("X"), ENV.key?("X"), also
 * inside ERB in YAML files (database.yml, cable.yml). A fetch with a default
 * (a second argument or a block) or `ENV["X"] || ...` has a default. The core
 * adds the keys and values of .env.example.
 */
function envReads(sources: ReadonlyArray<{ path: string; text: string }>): EnvRead[] {
  const out = new Map<string, EnvRead>();
  const re = /\bENV(?:\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\](\s*(?:\|\||\|\|=|\bor\b))?|\.fetch\(\s*["']([A-Z][A-Z0-9_]*)["']\s*(,)?[^)]*\)(\s*\{)?|\.key\?\(\s*["']([A-Z][A-Z0-9_]*)["']\s*\))/g;
  for (const s of sources) {
    for (const m of s.text.matchAll(re)) {
      const key = (m[1] ?? m[3] ?? m[6]) as string;
      // Set by the system or the image, never by .env (an empty PATH there would break the container).
      if (OWNED_BY_IMAGE.test(key)) continue;
      const after = s.text.slice((m.index ?? 0) + m[0].length);
      // An assignment (`ENV["PATH"] = ...`) is no read.
      if (m[1] && /^\s*(?:\+|\|\|)?=(?!=)/.test(after)) continue;
      // A read the code guards (`pidfile ENV["PIDFILE"] if ENV["PIDFILE"]`, `.presence || ...`) needs no value either.
      const start = s.text.lastIndexOf('\n', m.index ?? 0) + 1;
      const end = s.text.indexOf('\n', (m.index ?? 0) + m[0].length);
      const line = s.text.slice(start, end === -1 ? undefined : end);
      // A flag compared to a value (`ENV["OPEN_SIGNUPS"] == "true"`) is off when unset.
      const guarded = /\b(?:if|unless)\s+ENV\b|\bENV\[[^\]]+\]\s*(?:&\.|==|!=|\.(?:presence|present\?|nil\?|blank\?|to_s))/.test(line);
      const hasDefault = Boolean(m[2] || m[4] || m[5] || m[6]) || guarded || out.get(key)?.hasDefault === true;
      // A URL default (`ENV.fetch("REDIS_URL") { "redis://localhost:6379/1" }`) names the service the variable is for.
      const rest = m[4] ? s.text.slice((m.index ?? 0) + m[0].indexOf(',') + 1) : m[5] ? s.text.slice((m.index ?? 0) + m[0].length) : '';
      const url = /^\s*["']([a-z][a-z0-9+.-]*:\/\/[^"']*)["']/.exec(rest)?.[1];
      const prev = out.get(key);
      out.set(key, {
        key,
        evidence: prev?.evidence ?? `${s.path}: ${m[0].replace(/\s+/g, ' ').replace(/\s*\{$/, '')}`,
        inCode: true,
        ...(hasDefault ? { hasDefault } : {}),
        ...((url ?? prev?.defaultUrl) ? { defaultUrl: (url ?? prev?.defaultUrl) as string } : {}),
      });
    }
  }
  return [...out.values()];
}

/** Rails' production database adapter, from config/database.yml (the production section, else the default one). */
export function railsAdapter(project: ProjectSnapshot): string | undefined {
  const text = project.read('config/database.yml');
  if (text === undefined) return undefined;
  const adapters = [...text.matchAll(/^\s+adapter:\s*["']?([\w]+)/gm)].map((m) => m[1] as string);
  const production = /^production:\s*\n((?:[ \t]+.*\n?|\s*\n)*)/m.exec(text)?.[1] ?? '';
  return /adapter:\s*["']?(\w+)/.exec(production)?.[1] ?? adapters[0];
}

/** Which service a Rails adapter means, and the scheme Rails' DATABASE_URL must use for it. */
const ADAPTERS: Readonly<Record<string, { service: string; scheme: string }>> = {
  postgresql: { service: 'postgres', scheme: 'postgresql' },
  postgis: { service: 'postgres', scheme: 'postgis' },
  mysql2: { service: 'mysql', scheme: 'mysql2' },
  trilogy: { service: 'mysql', scheme: 'trilogy' },
};

/** Route paths: Rails' routes.rb (`get "up" => ...`), Sinatra and Roda blocks, a plain server's path comparisons. */
function routesIn(sources: ReadonlyArray<{ path: string; text: string }>): Array<{ path: string; file: string }> {
  const out: Array<{ path: string; file: string }> = [];
  const res = [
    /^\s*(?:get|match|r\.get|r\.is|r\.on|route)\s*\(?\s*["'](\/?[\w/.-]*)["']/gm,
    /\bwhen\s+["'](\/[\w/.-]*)["']/g,
    /\bpath(?:_info)?\s*==\s*["'](\/[\w/.-]*)["']/g,
    /["'](?:GET|HEAD)\s+(\/[\w/.-]*)["']/g,
  ];
  for (const s of sources) {
    if (s.path.startsWith('config/') && s.path !== 'config/routes.rb') continue;
    for (const re of res) for (const m of s.text.matchAll(re)) out.push({ path: `/${(m[1] as string).replace(/^\//, '')}`, file: s.path });
  }
  return out;
}

/** The port: Procfile's -p/--port, a `set :port`, a PORT default, a TCPServer's literal port, then .env.example. */
function findPort(sources: ReadonlyArray<{ path: string; text: string }>, project: ProjectSnapshot): Finding<number> | undefined {
  const web = /^web:\s*(.*)$/m.exec(project.read('Procfile') ?? '')?.[1];
  const pm = web ? /(?:-p|--port)[ =](\d{2,5})\b/.exec(web) : null;
  if (pm) return { value: Number(pm[1]), evidence: `Procfile: web: ${web}` };
  const rules = [
    /\bset\s+:port,\s*(\d{2,5})\b/,
    /ENV\.fetch\(\s*["']PORT["']\s*(?:,\s*["']?(\d{2,5})|\)\s*\{\s*["']?(\d{2,5}))/,
    /ENV\[\s*["']PORT["']\s*\]\s*\|\|\s*["']?(\d{2,5})/,
    /TCPServer\.new\(\s*(?:["'][^"']*["']\s*,\s*)?(\d{2,5})\s*\)/,
  ];
  for (const re of rules) {
    for (const s of sources) {
      if (s.path.startsWith('config/') && s.path !== 'config/puma.rb') continue;
      const m = re.exec(s.text);
      if (m) {
        const line = s.text.slice(s.text.lastIndexOf('\n', m.index) + 1).split('\n')[0] as string;
        return { value: Number(m[1] ?? m[2]), evidence: `${s.path}: ${line.trim()}` };
      }
    }
  }
  for (const file of EXAMPLES) {
    const m = /^\s*(?:export\s+)?PORT\s*=\s*["']?(\d{2,5})/m.exec(project.read(file) ?? '');
    if (m) return { value: Number(m[1]), evidence: `${file}: PORT=${m[1]}` };
  }
  return undefined;
}

/** A Ruby version as an image line ("ruby-3.3.6" -> "3.3"). */
const lineOf = (v: string) => {
  const p = parseVersion(v.replace(/^ruby-/, ''));
  return p ? `${p[0]}.${p[1]}` : undefined;
};

/** A Gemfile requirement ("~> 3.2", ">= 3.1", "3.3.0") as comparators. */
function requirementRange(reqs: readonly string[]): Range | undefined {
  const set: Comparator[] = [];
  for (const req of reqs) {
    const m = /^\s*(~>|>=|<=|>|<|=)?\s*(\d+(?:\.\d+)*)/.exec(req);
    if (!m) return undefined;
    const v = parseVersion(m[2] as string) as number[];
    const parts = (m[2] as string).split('.').length;
    switch (m[1]) {
      case '~>': {
        // ~> 3.2 is >= 3.2, < 4; ~> 3.2.1 is >= 3.2.1, < 3.3.
        const upper = parts <= 2 ? [(v[0] ?? 0) + 1, 0, 0] : [v[0] ?? 0, (v[1] ?? 0) + 1, 0];
        set.push({ op: '>=', version: v }, { op: '<', version: upper });
        break;
      }
      case '>=':
      case '>':
      case '<=':
      case '<':
        set.push({ op: m[1], version: v });
        break;
      default:
        // An exact version: its line.
        set.push({ op: '>=', version: [v[0] ?? 0, v[1] ?? 0, 0] }, { op: '<', version: [v[0] ?? 0, (v[1] ?? 0) + 1, 0] });
    }
  }
  return [set];
}

/** The Ruby line: .ruby-version (here, then the repository's), .tool-versions, the Gemfile's ruby line, Gemfile.lock's RUBY VERSION. */
function findRuntime(project: ProjectSnapshot, rb: RubyProject, repository?: ProjectSnapshot): { found?: Finding<string>; problem?: string } {
  const supported: readonly string[] = runtime.supported;
  const exact = (value: string, evidence: string) => {
    const line = lineOf(value);
    if (!line) return undefined;
    if (supported.includes(line)) return { found: { value: line, evidence } };
    return { problem: `${evidence.split(':')[0]} asks for Ruby ${value.replace(/^ruby-/, '')}, which none of the Ruby images we build with serves (${supported.join(', ')}): set "runtimeVersion" to one of these, or upgrade the app` };
  };
  const pins: Array<[ProjectSnapshot | undefined, string, string]> = [
    [project, '.ruby-version', ''],
    [repository, '.ruby-version', '/'],
    [project, '.tool-versions', ''],
    [repository, '.tool-versions', '/'],
  ];
  for (const [snap, file, prefix] of pins) {
    const text = snap?.read(file);
    if (text === undefined) continue;
    const v = file === '.tool-versions' ? /^ruby\s+(\S+)/m.exec(text)?.[1] : text.trim().split(/\s+/)[0];
    if (!v || !/^(ruby-)?\d/.test(v)) continue;
    const r = exact(v, `${prefix}${file}: ${v}`);
    if (r) return r;
  }
  const ruby = rb.gemfile?.ruby;
  if (ruby?.file) {
    const v = project.read(ruby.file)?.trim().split(/\s+/)[0];
    if (v) {
      const r = exact(v, `Gemfile: ${ruby.text} (${v})`);
      if (r) return r;
    }
  } else if (ruby) {
    const reqs = [...ruby.text.matchAll(/["']([^"']+)["']/g)].map((m) => m[1] as string).filter((q) => /\d/.test(q) && !/^(ruby|jruby|truffleruby)$/.test(q));
    const range = requirementRange(reqs);
    if (range) {
      const v = pickLine(supported, runtime.default, range, (l) => {
        const p = parseVersion(l) ?? [0, 0, 0];
        return { from: [p[0] ?? 0, p[1] ?? 0, 0], to: [p[0] ?? 0, (p[1] ?? 0) + 1, 0] };
      });
      if (v) return { found: { value: v, evidence: `Gemfile: ${ruby.text}` } };
      return { problem: `Gemfile: ${ruby.text} allows none of the Ruby images we build with (${supported.join(', ')}): set "runtimeVersion" to one of these, or change the ruby line` };
    }
  }
  if (rb.lock?.ruby) {
    const r = exact(rb.lock.ruby, `Gemfile.lock: RUBY VERSION ruby ${rb.lock.ruby}`);
    if (r) return r;
  }
  return {};
}

/** Frameworks found elsewhere that a config.ru runs as Rack apps. */
const RACK_FRAMEWORKS: Readonly<Record<string, string>> = { roda: 'Roda', grape: 'Grape', hanami: 'Hanami', padrino: 'Padrino', 'hanami-router': 'Hanami::Router', cuba: 'Cuba', syro: 'Syro' };
/** Files a Sinatra or plain-Ruby app usually starts from, best first. */
const APP_FILES = ['app.rb', 'server.rb', 'main.rb', 'web.rb', 'application.rb', 'api.rb'];
/** A server of Ruby's standard library. */
const STDLIB_SERVER = /\bTCPServer\.new\b|\bSocket\.tcp_server_loop\b/;

/** The Ruby file Procfile's web line runs (`ruby app.rb`, `bundle exec ruby app.rb`). */
const procfileRuby = (project: ProjectSnapshot) => {
  const web = /^web:\s*(.*)$/m.exec(project.read('Procfile') ?? '')?.[1];
  const file = web ? /(?:^|\s)ruby\s+(?:-\S+\s+)*([\w./-]+\.rb)\b/.exec(web)?.[1] : undefined;
  return file && web ? { file: file.replace(/^\.\//, ''), evidence: `Procfile: web: ${web.trim()}` } : undefined;
};

/** Reads a folder; undefined when it holds no Gemfile and no config.ru. */
export function detectRubyWith(frameworks: readonly RubyFramework[], project: ProjectSnapshot, repository?: ProjectSnapshot): LanguageDetection | undefined {
  const hasGemfile = project.read('Gemfile') !== undefined;
  const rackup = project.read('config.ru');
  if (!hasGemfile && rackup === undefined) return undefined;
  const rb = readRuby(project);
  const warnings: string[] = [];
  const found: LanguageDetection = { confidence: 1, evidence: hasGemfile ? 'Gemfile' : 'config.ru', packages: [], warnings };
  found.packages = [...rb.gems].map((name) => {
    const line = rb.gemfile?.gems.find((g) => g.name === name);
    return { name, evidence: line ? `Gemfile: ${line.text}` : `Gemfile.lock: ${name} (${rb.lock?.specs.get(name)})` };
  });
  const gemEvidence = (name: string) => found.packages.find((p) => p.name === name)?.evidence;
  const sources = rubySources(project);
  const byId = (id: string) => frameworks.find((f) => f.id === id);

  // Rails, then Sinatra (by gem), then any config.ru (Rack), then a standard-library server.
  const railsGem = byId('rails')?.gems.find((g) => rb.gems.has(g));
  const sinatraGem = byId('sinatra')?.gems.find((g) => rb.gems.has(g));
  const other = Object.keys(RACK_FRAMEWORKS).find((g) => rb.gems.has(g));
  const server = procfileRuby(project) ?? APP_FILES.map((f) => ({ file: f, text: project.read(f) })).filter((f) => f.text !== undefined && STDLIB_SERVER.test(f.text)).map((f) => ({ file: f.file, evidence: `${f.file}: a TCPServer of the standard library` }))[0];
  if (project.read('config/application.rb') !== undefined && railsGem) {
    found.framework = { value: 'rails', evidence: `config/application.rb; ${gemEvidence(railsGem)}` };
    found.entrypoint = { value: 'config.ru', evidence: 'Rails: bin/rails server' };
  } else if (sinatraGem) {
    found.framework = { value: 'sinatra', evidence: gemEvidence(sinatraGem) as string };
    const classic = procfileRuby(project) ?? APP_FILES.filter((f) => /require\s+["']sinatra(\/base)?["']/.test(project.read(f) ?? '')).map((f) => ({ file: f, evidence: `${f}: require "sinatra"` }))[0];
    if (rackup !== undefined) found.entrypoint = { value: 'config.ru', evidence: 'config.ru' };
    else if (classic) found.entrypoint = { value: classic.file, evidence: classic.evidence };
    else warnings.push('sinatra is in the Gemfile, but neither config.ru nor an app file (app.rb, server.rb, ...) requiring it was found: set "entrypoint" to the file that runs the app');
  } else if (rackup !== undefined) {
    found.framework = { value: 'rack', evidence: other ? `config.ru; ${gemEvidence(other)}` : 'config.ru' };
    found.entrypoint = { value: 'config.ru', evidence: 'config.ru' };
    if (other) warnings.push(`${RACK_FRAMEWORKS[other]} is served as a Rack app, through config.ru`);
  } else if (server) {
    found.framework = { value: 'ruby-stdlib', evidence: server.evidence };
    found.entrypoint = { value: server.file, evidence: server.evidence };
  } else if (other) {
    warnings.push(`${RACK_FRAMEWORKS[other]} is in the Gemfile, but there is no config.ru to serve it with: add one, or set "framework" and "entrypoint"`);
  } else if (project.read('config/application.rb') !== undefined) {
    warnings.push('config/application.rb is here, but neither rails nor railties is in the Gemfile: set "framework" to "rails" if this is a Rails app');
  }
  if (found.framework) found.confidence = 2;

  const env = envReads(sources);
  if (found.framework?.value === 'rails') {
    // Rails reads DATABASE_URL itself (it wins over database.yml); a MySQL adapter needs its own scheme in it.
    const adapter = railsAdapter(project);
    const db = adapter ? ADAPTERS[adapter] : undefined;
    if (db) {
      found.services = [{ value: db.service, evidence: `config/database.yml: adapter: ${adapter}` }];
      if (!env.some((e) => e.key === 'DATABASE_URL')) env.push({ key: 'DATABASE_URL', evidence: `config/database.yml: adapter ${adapter} (Rails reads DATABASE_URL)`, inCode: true, example: `${db.scheme}://localhost/app` });
      else for (const e of env) if (e.key === 'DATABASE_URL' && !/^[a-z][\w+.-]*:\/\//.test(e.example ?? '')) e.example = `${db.scheme}://localhost/app`;
    }
  }
  if (env.length) found.env = env;

  const port = findPort(sources, project);
  if (port) found.port = port;
  const health = healthRoute(routesIn(sources));
  if (health) found.healthPath = { value: health.path, evidence: `${health.file}: a route for ${health.path}` };

  const schemes: Array<{ scheme: string; evidence: string }> = [];
  for (const s of sources) {
    for (const m of s.text.matchAll(/["'](postgres|postgresql|redis|rediss|mysql2|trilogy|mongodb|mongodb\+srv|amqp|amqps|memcached):\/\//g)) {
      if (!schemes.some((o) => o.scheme === m[1])) schemes.push({ scheme: m[1] as string, evidence: `${s.path}: "${m[1]}://..."` });
    }
  }
  if (schemes.length) found.schemes = schemes;

  const rt = findRuntime(project, rb, repository);
  if (rt.found) found.runtimeVersion = rt.found;
  if (rt.problem) found.problems = [{ key: 'runtimeVersion', message: rt.problem }];
  return found;
}
