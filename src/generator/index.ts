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
  detectFacts,
  fields,
  generate,
  promptContext,
  resolveAnswers,
  validateAnswers,
  type Answers,
  type Field,
  type Plan,
  type ProjectSnapshot,
  type PromptContext,
} from '../core/index.js';
import { conflictReport, invalidAnswers, starterMessage } from '../core/messages.js';
import { readAnswersFile } from '../node/answers-file.js';
import { loadTemplates } from '../node/templates.js';
import { commitAtomically, type CommitEnv } from './commit.js';

type Options = BaseOptions & { answers?: string; force?: boolean; skipExisting?: boolean; 'skip-existing'?: boolean };

/** An error `yo` turns into this exit code (2: bad input, 3: conflicts). */
function failure(message: string, code: 2 | 3): Error {
  return Object.assign(new Error(message), { code });
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
      customCommitTask: () => commitAtomically(self.env as CommitEnv),
    });
    self.env = this.env as unknown as CommitEnv;
    this.answers = {};
    this.fromFile = false;
    this.plan = undefined;
    this.option('answers', { type: String, description: 'Answers as JSON (see schema/answers.schema.json): no questions asked' });
    this.option('skip-existing', { type: Boolean, description: 'Keep existing files that differ instead of failing (with --answers)' });
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
    if (this.fromFile) return;
    const stored = this.config.getAll();
    const project = this._snapshot();
    const ctx = promptContext(project, nodePath.basename(this.destinationRoot()));
    const questions = fields.filter((f) => f.prompt && stored[f.key] === undefined).map((f) => this._question(f, stored, ctx));
    const asked = (await this.prompt(questions as never)) as Partial<Answers>;
    this.answers = { ...stored, ...asked };
  }

  configuring(): void {
    const checked = validateAnswers(this.answers);
    if (!checked.ok) throw failure(invalidAnswers(checked.errors, '.yo-rc.json'), 2);
    const { $schema: _ignored, ...keep } = checked.answers;
    // A re-run reads these back and asks nothing already answered: store the
    // value every question would have had (defaults included), not only what was typed.
    const resolved = resolveAnswers(checked.answers, detectFacts(this._snapshot(), nodePath.basename(this.destinationRoot())));
    const asked = Object.fromEntries(fields.filter((f) => f.prompt && resolved[f.key as keyof typeof resolved] != null).map((f) => [f.key, resolved[f.key as keyof typeof resolved]]));
    this.config.set({ ...asked, ...keep });
  }

  writing(): void {
    const project = this._snapshot();
    try {
      this.plan = generate({ answers: this.answers, project, templates: loadTemplates(), folderName: nodePath.basename(this.destinationRoot()) });
    } catch (err) {
      if (err instanceof InputError) throw failure(invalidAnswers(err.errors), 2);
      throw err;
    }
    const changes = classify(this.plan.files, project);
    const skipExisting = Boolean(this.options.skipExisting ?? this.options['skip-existing']);
    const force = Boolean(this.options.force ?? (this.env as { conflicterOptions?: { force?: boolean } }).conflicterOptions?.force);
    const conflicts = changes.filter((c) => c.status === 'conflict');
    // Without someone to ask, never overwrite: report and stop before anything is written.
    const unattended = this.fromFile || !process.stdin.isTTY;
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
      // Merged files keep every user line: no need to ask before extending them.
      if (c.file.kind === 'merged') stored.conflicter = 'force';
      // A new file holding secrets is readable by its owner only.
      if (c.file.sensitive && c.status === 'create') stored.stat = { ...(stored.stat ?? {}), mode: 0o100600 };
    }
  }

  end(): void {
    if (!this.plan) return;
    if (this.plan.starter) this.log(starterMessage(this.plan));
    for (const note of this.plan.notes) this.log(`Note: ${note}`);
    this.log('\nNext: docker compose up --build   (see README.Docker.md)');
  }

  /** The destination folder as the core sees it, through Yeoman's in-memory file system. */
  private _snapshot(): ProjectSnapshot {
    return {
      read: (p) => {
        const full = this.destinationPath(p);
        return this.fs.exists(full) ? this.fs.read(full) : undefined;
      },
    };
  }

  private _question(f: Field, stored: Partial<Answers>, ctx: PromptContext): Record<string, unknown> {
    const prompt = f.prompt!;
    const facts = ctx.facts;
    const all = (soFar: Partial<Answers>) => ({ ...stored, ...soFar });
    return {
      type: INQUIRER_TYPE[prompt.type],
      name: f.key,
      message: prompt.message,
      when: (soFar: Partial<Answers>) => (prompt.when ? prompt.when(all(soFar), ctx) : true),
      default: (soFar: Partial<Answers>) => f.default?.(all(soFar), facts),
      ...(prompt.choices
        ? {
            choices: (soFar: Partial<Answers>) => {
              const initial = f.default?.(all(soFar), facts);
              return prompt.choices!(all(soFar)).map((c) => ({
                name: c.title,
                value: c.value,
                ...(prompt.type === 'multiselect' ? { checked: Array.isArray(initial) && initial.includes(c.value) } : {}),
              }));
            },
          }
        : {}),
      validate: (value: unknown, soFar: Partial<Answers>) => f.validate(value, all(soFar)) ?? true,
    };
  }
}
