/**
 * `dockerize`: the standalone front end. Gathers answers (prompts in a
 * terminal, or --answers FILE), asks the core for the plan, and writes it
 * (atomically, never over a user's file without --force or a yes).
 *
 * Bundled (scripts/bundle.mjs) so that start-up loads two files; the prompt
 * library and the diff library load only when a person is asked something.
 */
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { InputError, classify, detectAnswers, fields, generate, type Plan } from '../core/index.js';
import { allImages } from '../core/images.js';
import { conflictReport, invalidAnswers, starterMessage } from '../core/messages.js';
import { readAnswersFile } from '../node/answers-file.js';
import { fsSnapshot, unwritable, writeAtomic, type FsLike } from '../node/fs-project.js';
import { loadTemplates } from '../node/templates.js';
import { nextSteps } from './summary.js';

export const EXIT = { ok: 0, internal: 1, input: 2, conflict: 3, cancelled: 130 } as const;

/** Everything the CLI touches, so tests can run it in-process over memfs. */
export interface CliIO {
  fs: FsLike;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when a person can answer questions (stdin and stdout are terminals). */
  interactive: boolean;
  /** Asks one question; undefined when the user cancels (Ctrl+C). Defaults to the `prompts` package. */
  ask?: (question: Question) => Promise<unknown>;
}

export interface Question {
  type: 'text' | 'number' | 'select' | 'multiselect' | 'confirm';
  name: string;
  message: string;
  initial?: unknown;
  choices?: Array<{ title: string; value: string; selected?: boolean }>;
  validate?: (value: unknown) => true | string;
}

const BUG_URL = 'https://github.com/generator-dockerize/generator-dockerize/issues';

class UsageError extends Error {}

const OPTIONS = {
  answers: { type: 'string', short: 'a' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
  'skip-existing': { type: 'boolean' },
  'dry-run': { type: 'boolean', short: 'n' },
  'list-images': { type: 'boolean' },
  detect: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  app: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`dockerize: ${err.message}\n`);
      return EXIT.input;
    }
    if (err instanceof InputError) {
      io.stderr(`dockerize: ${invalidAnswers(err.errors)}\n`);
      return EXIT.input;
    }
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.stderr(`dockerize: internal error. This is a bug in generator-dockerize; please report it at ${BUG_URL}\nwith the command you ran and this message:\n${message}\n`);
    return EXIT.internal;
  }
}

function parse(argv: readonly string[]) {
  try {
    return util.parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const msg = err instanceof Error ? err.message.replace(/\. To specify a positional argument.*$/s, '') : String(err);
    throw new UsageError(`${msg} (see dockerize --help)`);
  }
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const opts = parse(argv);
  if (opts.help) {
    io.stdout(helpText());
    return EXIT.ok;
  }
  if (opts.version) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (opts['list-images']) {
    io.stdout(`${allImages().join('\n')}\n`);
    return EXIT.ok;
  }
  if (opts.force && opts['skip-existing']) throw new UsageError('--force and --skip-existing contradict each other: pick one');
  if (opts.out === '') throw new UsageError('--out needs a folder');
  if (opts.answers === '') throw new UsageError('--answers needs a file');
  if (opts.app === '') throw new UsageError('--app needs a folder (relative to --out), for example --app backend');
  if (opts.detect && (opts.answers !== undefined || opts.force || opts['skip-existing'] || opts['dry-run'])) {
    throw new UsageError('--detect writes nothing and reads no answers: use it alone (with --out DIR and --app DIR)');
  }

  const out = path.resolve(io.cwd, opts.out ?? '.');
  checkOut(io.fs, out);

  const project = fsSnapshot(io.fs, out);
  const folderName = path.basename(out);

  if (opts.detect) {
    const found = detectAnswers({ project, folderName, ...(opts.app ? { app: opts.app } : {}) });
    io.stdout(`${JSON.stringify(found, null, 2)}\n`);
    return EXIT.ok;
  }

  let answers: unknown;
  const fromFile = opts.answers !== undefined;
  // No questions: the answers file (when there is one), completed by detection.
  const unattended = fromFile || Boolean(opts.yes);
  if (fromFile) {
    answers = readAnswers(io.fs, path.resolve(io.cwd, opts.answers as string), opts.answers as string);
  } else if (opts.yes) {
    // What `yo dockerize` stored (.yo-rc.json), so both front ends agree on a re-run; detection fills the rest.
    answers = storedAnswers(project);
  } else if (io.interactive) {
    const { askAll } = await import('./prompts.js');
    const asked = await askAll(io, project, folderName, opts.app, storedAnswers(project));
    if (asked === undefined) {
      io.stderr('dockerize: cancelled, nothing written\n');
      return EXIT.cancelled;
    }
    answers = asked;
  } else {
    throw new UsageError('no terminal to ask questions in: pass --yes (detect everything), or --answers FILE (see dockerize --help)');
  }
  if (opts.app !== undefined) answers = withApp(answers, opts.app);

  const plan = generate({ answers, project, templates: loadTemplates(), folderName });
  // A folder (or a broken symlink) where a file goes: refused before anything is written.
  const blocked = unwritable(io.fs, plan.files.map((f) => path.join(out, f.path)));
  if (blocked.length) throw new InputError(blocked.map((b) => ({ pointer: '', file: path.relative(io.cwd, b.path) || b.path, message: b.why })));
  const changes = classify(plan.files, project);
  const conflicts = changes.filter((c) => c.status === 'conflict');

  const decisions = new Map<string, 'write' | 'skip'>();
  if (conflicts.length > 0) {
    if (opts.force) conflicts.forEach((c) => decisions.set(c.file.path, 'write'));
    else if (opts['skip-existing']) conflicts.forEach((c) => decisions.set(c.file.path, 'skip'));
    else if (io.interactive && !unattended && !opts['dry-run']) {
      const { resolveConflicts } = await import('./conflicts.js');
      const resolved = await resolveConflicts(io, conflicts);
      if (resolved === 'cancel') {
        io.stderr('dockerize: cancelled, nothing written\n');
        return EXIT.cancelled;
      }
      if (resolved === 'abort') {
        io.stderr('dockerize: aborted, nothing written\n');
        return EXIT.conflict;
      }
      resolved.forEach((v, k) => decisions.set(k, v));
    } else if (!opts['dry-run']) {
      io.stderr(`dockerize: ${conflictReport(conflicts.map((c) => c.file.path))}\n`);
      return EXIT.conflict;
    }
  }

  const label = (s: string) => s.padEnd(9);
  if (opts['dry-run']) {
    io.stdout(`Dry run: nothing written. In ${out}:\n`);
    for (const c of changes) {
      const status = c.status === 'conflict' ? (decisions.get(c.file.path) === 'write' ? 'overwrite' : decisions.get(c.file.path) === 'skip' ? 'skip' : 'conflict') : c.status;
      io.stdout(`  ${label(status)} ${c.file.path}\n`);
    }
    for (const c of changes) {
      if (c.status === 'identical' || decisions.get(c.file.path) === 'skip') continue;
      const body = c.file.sensitive ? '(holds secrets: not shown)\n' : c.file.content;
      io.stdout(`\n----- ${c.file.path} -----\n${body}`);
    }
    printReport(io, plan);
    printNotes(io, plan.notes);
    return EXIT.ok;
  }

  const written: string[] = [];
  for (const c of changes) {
    if (c.status === 'identical') continue;
    if (c.status === 'conflict' && decisions.get(c.file.path) !== 'write') continue;
    try {
      writeAtomic(io.fs, path.join(out, c.file.path), c.file.content, c.file.sensitive);
      written.push(c.file.path);
    } catch (err) {
      io.stderr(
        `dockerize: could not write ${c.file.path}: ${(err as Error).message}
` +
          `Each file is written whole or not at all: ${written.length ? `written: ${written.join(', ')}; ` : ''}${c.file.path} and the rest are unchanged.
`,
      );
      return EXIT.internal;
    }
  }
  io.stdout(written.length ? `Written in ${out}:\n` : `Nothing changed in ${out}:\n`);
  for (const c of changes) {
    const d = decisions.get(c.file.path);
    const status = c.status === 'conflict' ? (d === 'write' ? 'overwrite' : 'skip') : c.status;
    io.stdout(`  ${label(status)} ${c.file.path}\n`);
  }
  printReport(io, plan);
  if (plan.starter) {
    io.stdout(`\n${starterMessage(plan)}\n`);
  }
  printNotes(io, plan.notes);
  io.stdout(`\n${nextSteps(plan, out === path.resolve(io.cwd) ? undefined : (opts.out as string)).join('\n')}\n`);
  return EXIT.ok;
}

/**
 * The answers `yo dockerize` stored in .yo-rc.json (under "generator-dockerize"),
 * each one its field's validator accepts; {} when there is none.
 */
export function storedAnswers(project: { read(p: string): string | undefined }): Record<string, unknown> {
  const text = project.read('.yo-rc.json');
  if (text === undefined) return {};
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return {};
  }
  const stored = (doc as Record<string, unknown> | null)?.['generator-dockerize'];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const all = stored as Record<string, unknown>;
  return Object.fromEntries(fields.filter((f) => f.key !== '$schema' && all[f.key] !== undefined && f.validate(all[f.key], all as never) === undefined).map((f) => [f.key, all[f.key]]));
}

/** --app wins over the answers file's `app`. */
function withApp(answers: unknown, app: string): unknown {
  return typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? { ...answers, app } : answers;
}

/** What came from detection (and from where), and what it saw but could not use. */
function printReport(io: CliIO, plan: Plan) {
  const detected = plan.sources.filter((s) => s.from === 'detected');
  if (detected.length) {
    const value = (key: string) => JSON.stringify((plan.answers as unknown as Record<string, unknown>)[key]);
    io.stdout(`\nDetected:\n${detected.map((s) => `  ${s.key.padEnd(15)} ${value(s.key)}  (${s.evidence})\n`).join('')}`);
  }
  if (plan.detection.warnings.length) io.stdout(`\nWarnings:\n${plan.detection.warnings.map((w) => `  - ${w}\n`).join('')}`);
}

function printNotes(io: CliIO, notes: readonly string[]) {
  if (notes.length) io.stdout(`\nNotes:\n${notes.map((n) => `  - ${n}\n`).join('')}`);
}

function checkOut(fs: FsLike, out: string): void {
  try {
    const stat = fs.statSync(out, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) throw new UsageError(`--out: ${out} is a file, not a folder`);
    // No folder yet: it is created when the files are written.
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if ((err as { code?: string }).code === 'ENOTDIR') throw new UsageError(`--out: ${out} is inside a file, not a folder`);
    throw err;
  }
}

function readAnswers(fs: FsLike, file: string, shown: string): unknown {
  const r = readAnswersFile((p) => fs.readFileSync(p, 'utf8'), file, shown);
  if (!r.ok) throw new UsageError(r.message);
  return r.value;
}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function helpText(): string {
  const keys = fields
    .filter((f) => f.key !== '$schema')
    .map((f) => `  ${f.key.padEnd(16)}${f.description}\n`)
    .join('');
  return `Usage: dockerize [--yes | --answers FILE] [--out DIR] [--app DIR] [--force | --skip-existing] [--dry-run]
       dockerize --detect [--out DIR] [--app DIR]
       dockerize --list-images | --help | --version

Reads the repository (language, framework, services, entry point, versions)
and writes a Dockerfile, docker-compose.yml, .env, .env.example, .dockerignore,
README.Docker.md and the dependency files the image needs. In a terminal it
asks what it could not detect (defaults: what it found); with --yes or
--answers it asks nothing.

Options:
  -y, --yes            Ask nothing: every answer detected or defaulted
  -a, --answers FILE   Answers as JSON, any keys (detection fills the rest; schema: generator-dockerize/schema/answers.schema.json)
      --detect         Print what detection finds (answers, evidence, warnings) as JSON; write nothing
  -o, --out DIR        The repository: where to read and write (default: the current folder; created if missing)
      --app DIR        The app's folder inside it, for monorepos (default: the only app found)
  -f, --force          Overwrite existing files that differ (merged files are always kept and extended)
      --skip-existing  Keep existing files that differ, write the rest
  -n, --dry-run        Print what would be written; write nothing
      --list-images    Print every image tag the generator can write, one a line (for pre-pulling)
  -h, --help           This help
  -v, --version        The version

Answers (keys of the answers file):
${keys}
Example:
  {"name": "shop-api", "framework": "fastapi", "services": ["postgres", "redis"]}

Exit codes: 0 done; 1 internal error (a bug); 2 bad input, or no app detected (nothing written);
3 existing files differ or the run was aborted (nothing written); 130 cancelled.
`;
}
