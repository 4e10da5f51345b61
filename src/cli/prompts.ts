import type { PromptObject } from 'prompts';
import { evidenceFor, fields, promptContext, type Answers, type ProjectSnapshot } from '../core/index.js';
import type { CliIO, Question } from './main.js';

/** Asks one question with the `prompts` package (loaded only for interactive runs). */
export async function promptsAsk(question: Question): Promise<unknown> {
  const { default: prompts } = await import('prompts');
  let cancelled = false;
  const q = {
    ...question,
    ...(question.type === 'select' && question.choices
      ? { initial: Math.max(0, question.choices.findIndex((c) => c.value === question.initial)) }
      : {}),
    ...(question.type === 'multiselect' ? { instructions: false, hint: 'space to select, enter to confirm' } : {}),
  };
  const result = (await prompts(q as PromptObject, { onCancel: () => (cancelled = true) })) as Record<string, unknown>;
  return cancelled ? undefined : result[question.name];
}

/**
 * Walks the field table in order, asking each question whose `when` holds,
 * validating with the same validators as the answers file. Defaults come from
 * detection (re-run when the app folder is chosen), and the question says
 * where a detected default came from.
 */
export async function askAll(io: CliIO, project: ProjectSnapshot, folderName: string, app?: string): Promise<Partial<Answers> | undefined> {
  const ask = io.ask ?? promptsAsk;
  const ctx = promptContext(project, folderName);
  const answers: Partial<Answers> = app !== undefined ? { app } : {};
  for (const f of fields) {
    if (!f.prompt || answers[f.key] !== undefined) continue;
    if (f.prompt.when && !f.prompt.when(answers, ctx)) continue;
    const facts = ctx.facts(answers);
    const initial = f.default?.(answers, facts);
    const choices = f.prompt.choices?.(answers, facts).map((c) => ({
      ...c,
      ...(f.prompt?.type === 'multiselect' && Array.isArray(initial) ? { selected: initial.includes(c.value) } : {}),
    }));
    const evidence = evidenceFor(f.key, answers, facts);
    const value = await ask({
      type: f.prompt.type,
      name: f.key,
      message: evidence ? `${f.prompt.message} (found: ${evidence})` : f.prompt.message,
      ...(initial !== undefined ? { initial } : {}),
      ...(choices ? { choices } : {}),
      validate: (v) => f.validate(v, answers) ?? true,
    });
    if (value === undefined) return undefined;
    (answers as Record<string, unknown>)[f.key] = value;
  }
  return answers;
}
