/**
 * The environment variables a Python app reads, from the files that configure
 * it: pydantic settings classes (a field is a variable, with the class's
 * env_prefix), os.environ / os.getenv, django-environ's env(...) and
 * python-decouple's config(...). Bounded: settings and config modules and the
 * entry module, never the whole tree.
 */
import type { EnvRead } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { SKIPPED_FOLDERS } from '../../core/toolkit.js';

const MAX_FILES = 40;
const CONFIG_NAMES = ['settings.py', 'config.py', 'configs.py', 'conf.py', 'env.py', 'environment.py', 'core/config.py', 'core/settings.py', 'settings/base.py', 'settings/production.py', 'settings/prod.py', 'settings/__init__.py'];
const SKIP = new Set([...SKIPPED_FOLDERS, 'tests', 'test', 'docs', 'migrations', 'static', 'templates', 'site-packages']);

/** The files that configure the app: the named ones (Django settings, the entry module), then config modules at the top and one package down. */
export function configFiles(project: ProjectSnapshot, named: readonly string[]): string[] {
  const out = new Set<string>(named.filter((f) => project.read(f) !== undefined));
  const dirs = ['', ...(project.list('') ?? []).filter((e) => e.endsWith('/') && !e.startsWith('.') && !SKIP.has(e.slice(0, -1))).map((e) => e.slice(0, -1))];
  for (const src of (project.list('src') ?? []).filter((e) => e.endsWith('/'))) dirs.push(`src/${src.slice(0, -1)}`);
  for (const d of dirs) for (const n of CONFIG_NAMES) if (project.read(d ? `${d}/${n}` : n) !== undefined) out.add(d ? `${d}/${n}` : n);
  return [...out].slice(0, MAX_FILES);
}

const CALL =
  /(?<![A-Za-z0-9_])(?:os\.environ\.get|os\.getenv|environ\.get|getenv|env(?:\.(?:str|int|bool|float|list|json|url|db_url|cache_url))?|config)\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*(,\s*(?:default\s*=\s*)?[^)\s])?/g;
const SUBSCRIPT = /os\.environ\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]/g;

/** pydantic BaseSettings classes: each annotated field (not a ClassVar, not private) is a variable, upper-cased, behind the class's env_prefix. */
function settingsFields(text: string): Array<{ key: string; hasDefault: boolean; cls: string }> {
  const out: Array<{ key: string; hasDefault: boolean; cls: string }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^class\s+(\w+)\s*\(([^)]*\bBaseSettings\b[^)]*)\)\s*:/.exec(lines[i] as string);
    if (!head) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && (/^\s/.test(lines[j] as string) || (lines[j] as string).trim() === ''); j++) body.push(lines[j] as string);
    const text = body.join('\n');
    const prefix = /env_prefix\s*=\s*["']([^"']*)["']/.exec(text)?.[1] ?? '';
    for (const line of body) {
      const m = /^ {4}([A-Za-z][A-Za-z0-9_]*)\s*:\s*([^=#]+?)\s*(=\s*(.+))?$/.exec(line);
      if (!m || /ClassVar|SettingsConfigDict/.test(m[2] as string) || m[1] === 'model_config') continue;
      const hasDefault = m[3] !== undefined && !/^(Field\(\s*\.\.\.|\.\.\.)/.test((m[4] as string).trim());
      out.push({ key: `${prefix}${m[1]}`.toUpperCase(), hasDefault, cls: head[1] as string });
    }
  }
  return out;
}

/** Hosts the container answers to, joined the way the settings split the variable Django's ALLOWED_HOSTS reads. */
function allowedHosts(text: string): { key: string; value: string } | undefined {
  const m = /^ALLOWED_HOSTS\s*=\s*(.*)$/m.exec(text);
  if (!m) return undefined;
  const line = m[1] as string;
  const key = /["']([A-Za-z_][A-Za-z0-9_]*)["']/.exec(line)?.[1];
  if (!key || !/environ|getenv|env|config/.test(line)) return undefined;
  const split = /\.split\(\s*["']([^"']+)["']\s*\)/.exec(line)?.[1];
  // split() with no argument splits on whitespace; env.list and Csv() on commas.
  const sep = split ?? (/\.split\(\s*\)/.test(line) ? ' ' : ',');
  return { key, value: ['localhost', '127.0.0.1', '[::1]'].join(sep) };
}

export function pythonEnvReads(project: ProjectSnapshot, named: readonly string[]): EnvRead[] {
  const out: EnvRead[] = [];
  const add = (read: EnvRead) => {
    const same = out.find((r) => r.key === read.key);
    if (!same) out.push(read);
    else if (read.value !== undefined) same.value = read.value;
  };
  for (const file of configFiles(project, named)) {
    const text = project.read(file) ?? '';
    for (const f of settingsFields(text)) add({ key: f.key, evidence: `${file}: ${f.cls}`, ...(f.hasDefault ? { hasDefault: true } : {}) });
    for (const m of text.matchAll(CALL)) {
      // A URL default names the service the variable is for (pyamqp:// is RabbitMQ's, redis:// Redis's).
      const url = m[2] ? /^,\s*(?:default\s*=\s*)?["']([a-z][a-z0-9+.-]*:\/\/[^"']*)["']/.exec(text.slice((m.index ?? 0) + m[0].length - m[2].length))?.[1] : undefined;
      add({ key: m[1] as string, evidence: file, ...(m[2] ? { hasDefault: true } : {}), ...(url ? { defaultUrl: url } : {}) });
    }
    for (const m of text.matchAll(SUBSCRIPT)) add({ key: m[1] as string, evidence: file });
    const hosts = allowedHosts(text);
    if (hosts) add({ key: hosts.key, evidence: `${file}: ALLOWED_HOSTS`, value: hosts.value });
  }
  return out;
}
