import type { PromptObject } from 'prompts';
import { fields, promptContext, type Answers, type ProjectSnapshot } from '../core/index.js';
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
 * validating with the same validators as the answers file.
 */
export async function askAll(io: CliIO, project: ProjectSnapshot, folderName: string): Promise<Partial<Answers> | undefined> {
  const ask = io.ask ?? promptsAsk;
  const ctx = promptContext(project, folderName);
  const facts = ctx.facts;
  const answers: Partial<Answers> = {};
  for (const f of fields) {
    if (!f.prompt) continue;
    if (f.prompt.when && !f.prompt.when(answers, ctx)) continue;
    const initial = f.default?.(answers, facts);
    const choices = f.prompt.choices?.(answers).map((c) => ({
      ...c,
      ...(f.prompt?.type === 'multiselect' && Array.isArray(initial) ? { selected: initial.includes(c.value) } : {}),
    }));
    const value = await ask({
      type: f.prompt.type,
      name: f.key,
      message: f.prompt.message,
      ...(initial !== undefined ? { initial } : {}),
      ...(choices ? { choices } : {}),
      validate: (v) => f.validate(v, answers) ?? true,
    });
    if (value === undefined) return undefined;
    (answers as Record<string, unknown>)[f.key] = value;
  }
  return answers;
}
