/**
 * `yo dockerize`: the Yeoman front end. Asks the field table's questions
 * through Yeoman's prompts (skipping those already in .yo-rc.json), or none
 * with --answers FILE; writes through Yeoman's file system so its conflict
 * handling applies (overwrite/skip/diff/abort in a terminal, --force).
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import {
  InputError,
  classify,
  evidenceFor,
  fields,
  generate,
  promptContext,
  validateAnswers,
  type Answers,
  type Field,
  type Plan,
  type ProjectSnapshot,
  type PromptContext,
} from '../core/index.js';
import { conflictReport, invalidAnswers, starterMessage } from '../core/messages.js';
import { readAnswersFile } from '../node/answers-file.js';
import { fsSnapshot, type FsLike } from '../node/fs-project.js';
import { loadTemplates } from '../node/templates.js';
import { nextSteps } from '../cli/summary.js';
import { commitAtomically, type CommitEnv } from './commit.js';

type Options = BaseOptions & {
  answers?: string;
  app?: string;
  yes?: boolean;
  force?: boolean;
  skipExisting?: boolean;
  'skip-existing'?: boolean;
  askAnswered?: boolean;
  'ask-answered'?: boolean;
};

/** An error `yo` turns into this exit code (2: bad input, 3: conflicts or an aborted conflict menu, 130: Ctrl+C). */
function failure(message: string, code: 2 | 3 | 130): Error {
  return Object.assign(new Error(message), { code });
}

/** Ctrl+C at an inquirer prompt (inquirer rejects with ExitPromptError: "User force closed the prompt"). */
function isCancel(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError' || /force closed the prompt/i.test(err.message));
}

/**
 * Gives an error its exit code and message in place: Yeoman's adapter has
 * already handed this very object to the environment (it aborts the run with
 * it), so `yo` reports it, not a new error thrown here.
 */
function recode(err: Error, message: string, code: 3 | 130): Error {
  return Object.assign(err, { message, code });
}

/** Cancelled at a prompt (Ctrl+C) or an aborted conflict menu: exit 130 or 3 (1 is for bugs). */
function asExit(err: unknown): unknown {
  if (isCancel(err)) return recode(err as Error, 'cancelled, nothing written', 130);
  if (err instanceof Error && /^Process aborted by (user|conflict)/.test(err.message)) {
    return recode(err, `${err.message.replace(/^Process aborted by user$/, 'aborted in the conflict menu')}: nothing written`, 3);
  }
  return err;
}

function commitFailure(err: unknown): never {
  throw asExit(err);
}

/**
 * Ctrl+C in Yeoman's conflict menu: the adapter aborts the run with inquirer's
 * error, and `yo` exits with 1 before the commit's rejection reaches this
 * generator. At exit, that 1 becomes 130 when the run was aborted by a cancel.
 */
let watchedAdapter: { signal?: AbortSignal } | undefined;
function exitCodeOnCancel(adapter: unknown): void {
  if (!watchedAdapter) {
    process.once('exit', () => {
      const signal = watchedAdapter?.signal;
      if (process.exitCode === 1 && signal?.aborted && isCancel(signal.reason)) process.exitCode = 130;
    });
  }
  watchedAdapter = (adapter ?? {}) as { signal?: AbortSignal };
}

/** A checkbox's validate receives the selected choice objects (inquirer), or values (an answers file, tests): the values. */
function choiceValues(value: unknown): unknown {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v)) : value;
}

const INQUIRER_TYPE = { text: 'input', number: 'number', select: 'select', multiselect: 'checkbox', confirm: 'confirm' } as const;

export default class DockerizeGenerator extends Generator<Partial<Answers>, Options> {
  private answers: Partial<Answers>;
  private fromFile: boolean;
  private plan: Plan | undefined;

  constructor(args: string[], options: Options) {
    const self: { env?: CommitEnv } = {};
    super(args, options, {
      // No automatic `npm install` when a starter package.json is written: the image installs its own.
      customInstallTask: true,
      // Yeoman's commit (conflicter included), but every file is written atomically, and only once all conflicts are settled.
      customCommitTask: () => commitAtomically(self.env as CommitEnv).catch(commitFailure),
    });
    self.env = this.env as unknown as CommitEnv;
    exitCodeOnCancel((this.env as { adapter?: unknown }).adapter);
    this.answers = {};
    this.fromFile = false;
    this.plan = undefined;
    this.option('answers', { type: String, description: 'Answers as JSON (see schema/answers.schema.json): no questions asked' });
    this.option('skip-existing', { type: Boolean, description: 'Keep existing files that differ instead of failing (with --answers)' });
    this.option('yes', { type: Boolean, alias: 'y', description: 'Ask nothing: every answer detected (or defaulted)' });
    this.option('app', { type: String, description: 'The app folder inside the repository, for monorepos (default: the only app found)' });
    this.option('ask-answered', { type: Boolean, description: 'Ask again the questions .yo-rc.json already answers (its answers are the defaults)' });
  }

  initializing(): void {
    const file = this.options.answers;
    if (!file) return;
    const parsed = readAnswersFile((p) => fs.readFileSync(p, 'utf8'), nodePath.resolve(process.cwd(), file), file);
    if (!parsed.ok) throw failure(parsed.message, 2);
    const checked = validateAnswers(parsed.value);
    if (!checked.ok) throw failure(invalidAnswers(checked.errors, file), 2);
    this.answers = checked.answers;
    this.fromFile = true;
  }

  async prompting(): Promise<void> {
    const stored = { ...this.config.getAll(), ...(this.options.app ? { app: this.options.app } : {}) } as Partial<Answers>;
    if (this.fromFile || this.options.yes) {
      // No questions: the answers file (or what a previous run stored), completed by detection.
      this.answers = this.fromFile ? { ...this.answers, ...(this.options.app ? { app: this.options.app } : {}) } : stored;
      return;
    }
    const project = this._snapshot();
    const ctx = promptContext(project, nodePath.basename(this.destinationRoot()));
    const askAnswered = Boolean(this.options.askAnswered ?? this.options['ask-answered']);
    // --ask-answered: every question again, what .yo-rc.json holds as its default (but not --app's answer).
    const given: Partial<Answers> = askAnswered ? (this.options.app ? { app: this.options.app } : {}) : stored;
    const questions = fields.filter((f) => f.prompt && given[f.key] === undefined).map((f) => this._question(f, given, ctx, askAnswered ? stored : {}));
    let asked: Partial<Answers>;
    try {
      asked = (await this.prompt(questions as never)) as Partial<Answers>;
    } catch (err) {
      throw asExit(err);
    }
    this.answers = { ...given, ...asked };
  }

  configuring(): void {
    const checked = validateAnswers(this.answers);
    if (!checked.ok) throw failure(invalidAnswers(checked.errors, '.yo-rc.json'), 2);
    try {
      this.plan = generate({ answers: checked.answers, project: this._snapshot(), templates: loadTemplates(), folderName: nodePath.basename(this.destinationRoot()) });
    } catch (err) {
      if (err instanceof InputError) throw failure(invalidAnswers(err.errors), 2);
      throw err;
    }
    const { $schema: _ignored, ...keep } = checked.answers;
    // A re-run reads these back and asks nothing already answered: store the
    // value every question would have had (detected and defaults included), not only what was typed.
    const resolved = this.plan.answers as unknown as Record<string, unknown>;
    const asked = Object.fromEntries(fields.filter((f) => f.prompt && resolved[f.key] != null).map((f) => [f.key, resolved[f.key]]));
    this.config.set({ ...asked, ...keep });
  }

  writing(): void {
    if (!this.plan) return;
    const project = this._snapshot();
    const changes = classify(this.plan.files, project);
    const skipExisting = Boolean(this.options.skipExisting ?? this.options['skip-existing']);
    const force = Boolean(this.options.force ?? (this.env as { conflicterOptions?: { force?: boolean } }).conflicterOptions?.force);
    const conflicts = changes.filter((c) => c.status === 'conflict');
    // Without someone to ask, never overwrite: report and stop before anything is written.
    const unattended = this.fromFile || Boolean(this.options.yes) || !process.stdin.isTTY;
    if (conflicts.length > 0 && unattended && !force && !skipExisting) {
      throw failure(conflictReport(conflicts.map((c) => c.file.path)), 3);
    }
    for (const c of changes) {
      if (c.status === 'identical') continue;
      if (c.status === 'conflict' && skipExisting) {
        this.log(`   skip ${c.file.path}`);
        continue;
      }
      const path = this.destinationPath(c.file.path);
      this.fs.write(path, c.file.content);
      const stored = (this.fs as unknown as { store: { get(p: string): { conflicter?: string; stat?: { mode?: number } | null } } }).store.get(path);
      // Merged files keep every user line: no need to ask before extending them (a new one is reported as `create`).
      if (c.file.kind === 'merged' && c.status !== 'create') stored.conflicter = 'force';
      // A new file holding secrets is readable by its owner only.
      if (c.file.sensitive && c.status === 'create') stored.stat = { ...(stored.stat ?? {}), mode: 0o100600 };
    }
  }

  end(): void {
    if (!this.plan) return;
    const plan = this.plan;
    const detected = plan.sources.filter((x) => x.from === 'detected');
    const value = (key: string) => JSON.stringify((plan.answers as unknown as Record<string, unknown>)[key]);
    if (detected.length) this.log(`\nDetected:\n${detected.map((s) => `  ${s.key.padEnd(15)} ${value(s.key)}  (${s.evidence})`).join('\n')}`);
    if (plan.detection.warnings.length) this.log(`\nWarnings:\n${plan.detection.warnings.map((w) => `  - ${w}`).join('\n')}`);
    if (plan.starter) this.log(`\n${starterMessage(plan)}`);
    if (plan.notes.length) this.log(`\nNotes:\n${plan.notes.map((n) => `  - ${n}`).join('\n')}`);
    this.log(`\n${nextSteps(plan).join('\n')}`);
  }

  /** The destination folder as the core sees it, through Yeoman's in-memory file system. */
  private _snapshot(): ProjectSnapshot {
    // Folders are listed from the disk (detection runs before anything is written); files are read through mem-fs.
    const disk = fsSnapshot(fs as unknown as FsLike, this.destinationRoot());
    return {
      read: (p) => {
        const full = this.destinationPath(p);
        return this.fs.exists(full) ? this.fs.read(full) : undefined;
      },
      list: (d) => disk.list(d),
      modified: (p) => disk.modified?.(p),
    };
  }

  private _question(f: Field, stored: Partial<Answers>, ctx: PromptContext, previous: Partial<Answers> = {}): Record<string, unknown> {
    const prompt = f.prompt!;
    const all = (soFar: Partial<Answers>) => ({ ...stored, ...soFar });
    const defaultOf = (a: Partial<Answers>) => (previous[f.key] !== undefined ? previous[f.key] : f.default?.(a, ctx.facts(a)));
    return {
      type: INQUIRER_TYPE[prompt.type],
      name: f.key,
      message: (soFar: Partial<Answers>) => {
        const evidence = evidenceFor(f.key, all(soFar), ctx.facts(all(soFar)));
        return evidence ? `${prompt.message} (found: ${evidence})` : prompt.message;
      },
      when: (soFar: Partial<Answers>) => (prompt.when ? prompt.when(all(soFar), ctx) : true),
      default: (soFar: Partial<Answers>) => defaultOf(all(soFar)),
      ...(prompt.choices
        ? {
            choices: (soFar: Partial<Answers>) => {
              const facts = ctx.facts(all(soFar));
              const initial = defaultOf(all(soFar));
              return prompt.choices!(all(soFar), facts).map((c) => ({
                name: c.title,
                value: c.value,
                ...(prompt.type === 'multiselect' ? { checked: Array.isArray(initial) && initial.includes(c.value) } : {}),
              }));
            },
          }
        : {}),
      validate: (value: unknown, soFar: Partial<Answers>) => f.validate(prompt.type === 'multiselect' ? choiceValues(value) : value, all(soFar)) ?? true,
    };
  }
}
