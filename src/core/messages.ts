import type { Plan } from './plan.js';
import { parseEnv } from './dotenv.js';
import { findFramework, providerOf } from './registry.js';
import { formatErrors, type FieldError } from './validate.js';

/**
 * Text from the repository or from a person (file names, evidence, typed
 * values), made safe to print to a terminal: control characters (escape
 * sequences, carriage returns, bells) and invisible ones (zero-width spaces,
 * bidirectional overrides) are shown as \u{...} escapes, never sent raw.
 * Line breaks are kept when `multiline` is set.
 */
export function printable(text: string, multiline = false): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\u034f\u115f\u1160\u3164\uffa0]/gu, (c) =>
    multiline && c === '\n' ? c : c === '\t' ? ' ' : `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`,
  );
}

/** "an Express", "a FastAPI", "a Next.js", "an SQL": the indefinite article a name takes, by its sound. */
export function withArticle(word: string): string {
  const vowel = /^[AEIOaeio]/.test(word) || (/^[Uu]/.test(word) && !/^[Uu](?:ni|s[aeiu]|tf)/.test(word));
  // An acronym read letter by letter: "an HTTP", "an SQL", "an NPM".
  const spelt = /^[FHLMNRSX][A-Z0-9]/.test(word) && !/^[A-Z][a-z]/.test(word);
  return `${vowel || spelt ? 'an' : 'a'} ${word}`;
}

/** The framework's name as people write it ("FastAPI", "Next.js"). */
export function frameworkTitle(id: string): string {
  return findFramework(id)?.framework.title ?? id;
}

/** One argument for a POSIX shell, quoted only when it must be: what is printed can be pasted. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** What both front ends print after writing a starter app. */
export function starterMessage(plan: Plan): string {
  const a = plan.answers;
  const hint = providerOf(a).starterHint;
  const local = hint ? ` (${hint})` : '';
  const checks = a.services.length ? 'answers 200 with {"status":"ok","checks":{...}} when every service answers, and 503 naming the one that does not' : 'answers 200 while the app is up';
  return `No app was here, so a minimal ${frameworkTitle(a.framework)} app was written: its ${a.healthPath} ${checks}${local}. Replace it with yours.`;
}

/** Why nothing was written when existing files differ and nobody can be asked. */
export function conflictReport(paths: readonly string[]): string {
  const n = paths.length;
  return (
    `${n} existing file${n > 1 ? 's differ' : ' differs'} from what would be written, so nothing was written:\n` +
    paths.map((p) => `  conflict  ${printable(p)}\n`).join('') +
    'Re-run with --force to overwrite them, or --skip-existing to keep them (merged files like .env are always kept and extended).'
  );
}

/** Bad answers (exit code 2): one indented line per error. */
export function invalidAnswers(errors: readonly FieldError[], source?: string): string {
  const what = errors.every((e) => e.file !== undefined) ? 'the project cannot be built as it is' : 'invalid answers';
  return `${what}, nothing written:\n${printable(formatErrors(errors, source), true).replace(/^/gm, '  ')}`;
}

/** The note plan.ts adds when the healthcheck falls back to "any answer below 500" (shown as a warning instead). */
const isHealthFallbackNote = (note: string) => note.startsWith('No health route was found');

/** Where the app answers on this machine once `docker compose up` runs: APP_PORT of the .env being written (a user's own value wins), else the port. */
export function localUrl(plan: Plan): string {
  const env = plan.files.find((f) => f.path === '.env');
  const published = env ? parseEnv(env.content).get('APP_PORT') : undefined;
  const port = published && /^\d{1,5}$/.test(published) ? published : String(plan.answers.port);
  return `http://localhost:${port}`;
}

/**
 * What the user must check before trusting the files: detection's warnings,
 * the health fallback, and values an existing app did not reveal (the
 * framework's usual port or entry point was used instead).
 */
export function checksToMake(plan: Plan): string[] {
  const a = plan.answers;
  const out = plan.detection.warnings.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const fw = findFramework(a.framework)?.framework;
  if (!plan.starter && fw && plan.detection.language) {
    const ev = plan.detection.evidence;
    if (ev.port === undefined && a.port === fw.defaultPort) {
      out.push(`Port ${a.port} is ${fw.title}'s usual port: it was not found in the app. Check that the app listens on it inside the container (else set "port").`);
    }
    if (fw.entrypoint.rules.length > 0 && ev.entrypoint === undefined && a.entrypoint === fw.entrypoint.default) {
      out.push(`Entry point ${JSON.stringify(a.entrypoint)} is ${fw.title}'s usual one: it was not found in the app. Check that it exists (else set "entrypoint").`);
    }
  }
  out.push(...plan.notes.filter(isHealthFallbackNote));
  return out.map((s) => printable(s));
}

/** The commands that start what was written, ready to paste (`cd` only when the files are not in the current folder). */
export function nextSteps(plan: Plan, cdTo?: string): string[] {
  const a = plan.answers;
  const cd = cdTo ? `cd ${shellQuote(cdTo)} && ` : '';
  const lines: string[] = [];
  if (a.deploy.includes('compose')) {
    const url = localUrl(plan);
    lines.push(`${cd}docker compose up --build`);
    lines.push(`then open ${url}${a.healthCheck === 'route' && a.healthPath !== '/' ? `  (health: ${url}${a.healthPath})` : ''}`);
  }
  if (a.deploy.includes('swarm')) lines.push(`Swarm: build and push ${a.image}, then ${cd}docker stack deploy -c docker-stack.yml ${shellQuote(a.name)}`);
  if (a.deploy.includes('kubernetes')) lines.push(`Kubernetes: build and push ${a.image}, then ${cd}kubectl apply -k k8s/`);
  lines.push('README.Docker.md has every command.');
  return lines;
}

/**
 * The end of a run, the same in both front ends: what was detected (and
 * from where), what to check, notes, and what to run next.
 */
export function runReport(plan: Plan, cdTo?: string): string {
  const parts: string[] = [];
  const detected = plan.sources.filter((s) => s.from === 'detected');
  if (detected.length) {
    const value = (key: string) => JSON.stringify((plan.answers as unknown as Record<string, unknown>)[key]);
    parts.push(`Detected:\n${detected.map((s) => `  ${s.key.padEnd(15)} ${printable(value(s.key))}  (${printable(s.evidence ?? '')})\n`).join('')}`);
  }
  const checks = checksToMake(plan);
  if (checks.length) parts.push(`Check before you run it:\n${checks.map((c) => `  ! ${c}\n`).join('')}`);
  if (plan.starter) parts.push(`${starterMessage(plan)}\n`);
  const notes = plan.notes.filter((n) => !isHealthFallbackNote(n));
  if (notes.length) parts.push(`Notes:\n${notes.map((n) => `  - ${printable(n)}\n`).join('')}`);
  const [first, ...rest] = nextSteps(plan, cdTo);
  parts.push(`Next: ${first}\n${rest.map((l) => `      ${l}\n`).join('')}`);
  return parts.join('\n');
}
