import type { PromptObject } from 'prompts';
import { evidenceFor, fields, promptContext, type Answers, type ProjectSnapshot } from '../core/index.js';
import type { CliIO, Question } from './main.js';

/**
 * What an answer means once Enter is pressed: an empty field is the default
 * it shows, and a number field's digits are a number (anything else is kept
 * as typed, for the validator to name).
 */
export function withDefault(question: Pick<Question, 'type' | 'initial'>, value: unknown): unknown {
  if (question.type !== 'number' && question.type !== 'text') return value;
  if (value === '' || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return question.initial ?? value;
  if (question.type === 'number' && typeof value === 'string') {
    const t = value.trim();
    if (t === '') return question.initial ?? value;
    return /^[+-]?\d+(?:\.\d+)?$/.test(t) ? Number(t) : value;
  }
  return value;
}

/**
 * Asks one question with the `prompts` package (loaded only for interactive runs).
 * A number is asked as text: the `prompts` number field hands validate '' for
 * the default it shows, and keeps typed digits across Backspace (type 70000,
 * Backspace five times, 8080: it reads 700008080); a text field edits like a line.
 */
export async function promptsAsk(question: Question): Promise<unknown> {
  const { default: prompts } = await import('prompts');
  let cancelled = false;
  const q = {
    ...question,
    ...(question.type === 'number' ? { type: 'text', ...(question.initial !== undefined ? { initial: String(question.initial) } : {}) } : {}),
    ...(question.type === 'select' && question.choices
      ? { initial: Math.max(0, question.choices.findIndex((c) => c.value === question.initial)) }
      : {}),
    ...(question.type === 'multiselect' ? { instructions: false, hint: 'space to select, enter to confirm' } : {}),
    ...(question.validate ? { validate: (v: unknown) => question.validate!(withDefault(question, v)) } : {}),
  };
  const result = (await prompts(q as PromptObject, { onCancel: () => (cancelled = true) })) as Record<string, unknown>;
  return cancelled ? undefined : withDefault(question, result[question.name]);
}

/** A stored choice (or every stored selection) is among the choices offered now. */
function fits(value: unknown, choices: ReadonlyArray<{ value: string }>): boolean {
  const values = choices.map((c) => c.value);
  return Array.isArray(value) ? value.every((v) => values.includes(v as string)) : values.includes(value as string);
}

/**
 * Walks the field table in order, asking each question whose `when` holds,
 * validating with the same validators as the answers file. Defaults come from
 * detection (re-run when the app folder is chosen), and the question says
 * where a detected default came from. An answer the validator refuses is
 * asked again at once (checkboxes included, whose prompt has no validate
 * hook), so no run fails after its last question.
 */
export async function askAll(
  io: CliIO,
  project: ProjectSnapshot,
  folderName: string,
  app?: string,
  /** Answers of an earlier run (.yo-rc.json): the defaults, where they still fit the answers so far. */
  previous: Record<string, unknown> = {},
): Promise<Partial<Answers> | undefined> {
  const ask = io.ask ?? promptsAsk;
  const ctx = promptContext(project, folderName);
  const answers: Partial<Answers> = app !== undefined ? { app } : {};
  for (const f of fields) {
    if (!f.prompt || answers[f.key] !== undefined) continue;
    if (f.prompt.when && !f.prompt.when(answers, ctx)) continue;
    const facts = ctx.facts(answers);
    const before = previous[f.key];
    const reused = before !== undefined && f.validate(before, answers) === undefined && (!f.prompt.choices || fits(before, f.prompt.choices(answers, facts)));
    let initial = reused ? before : f.default?.(answers, facts);
    const evidence = reused ? '.yo-rc.json' : evidenceFor(f.key, answers, facts);
    // Bounded only so a scripted `ask` that repeats a refused answer can't loop forever.
    for (let attempt = 1; ; attempt++) {
      const shown = initial;
      const choices = f.prompt.choices?.(answers, facts).map((c) => ({
        ...c,
        ...(f.prompt?.type === 'multiselect' && Array.isArray(shown) ? { selected: shown.includes(c.value) } : {}),
      }));
      const question: Question = {
        type: f.prompt.type,
        name: f.key,
        message: evidence ? `${f.prompt.message} (found: ${evidence})` : f.prompt.message,
        ...(shown !== undefined ? { initial: shown } : {}),
        ...(choices ? { choices } : {}),
        validate: (v) => f.validate(v, answers) ?? true,
      };
      const raw = await ask(question);
      if (raw === undefined) return undefined;
      const value = withDefault(question, raw);
      const error = f.validate(value, answers);
      if (error === undefined || attempt >= 50) {
        (answers as Record<string, unknown>)[f.key] = value;
        break;
      }
      // Shown under the prompt; the same question comes back with the answer given.
      io.stderr(`  ✖ ${f.prompt.message}: ${error}\n`);
      if (f.prompt.type !== 'select') initial = value;
    }
  }
  return answers;
}
