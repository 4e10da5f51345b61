/**
 * Answers a front end's questions as a person would, in a tmux session: each
 * time a new question is active (a line starting with "? "), it sends what
 * the script says for it (by the start of the question's text), or Enter.
 * Works for both `prompts` (dockerize) and inquirer (yo): both mark the
 * active question with "?" and an answered one with "✔".
 */
import type { Session } from './tmux.js';

/** Keys to send (tmux key names), or a choice to move the list's pointer (❯) to and pick. */
export type Action = string[] | { choose: string } | { type: string } | { run: (s: Session) => Promise<void> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function activeQuestion(history: string): { text: string; answered: number } | undefined {
  const lines = history.split('\n');
  const answered = lines.filter((l) => /^[✔✖] /.test(l)).length;
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^[✔✖] /.test(lines[i]!)) break;
    if (/^\? /.test(lines[i]!)) {
      last = i;
      break;
    }
  }
  return last < 0 ? undefined : { text: lines[last]!.slice(2), answered };
}

/** A question's title: its text before the default, hint or answer shown after it. */
function title(text: string): string {
  return text.split(/[(›]/)[0]!.trim().split(/\s+/).slice(0, 2).join(' ');
}

async function choose(s: Session, title: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const pointed = s.screen().split('\n').find((l) => /^\s*❯/.test(l));
    if (pointed?.includes(title)) {
      s.keys('Enter');
      // The answer as shown once the question is done: "✔ Framework › Flask" (prompts) or "✔ Framework Flask" (inquirer).
      await s.waitFor(new RegExp(`^✔ .*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'), 5_000);
      return;
    }
    s.keys('Down');
    await sleep(60);
  }
  throw new Error(`no choice ${JSON.stringify(title)} on the screen:\n${s.screen()}`);
}

export interface Drive {
  /** The questions asked, in order (their first line as shown). */
  asked: string[];
  code: number;
}

/**
 * Answers until the command ends. `script` keys are question starts ("Framework",
 * "Port"); each is used once, in order, for the first question it matches.
 */
export async function drive(s: Session, script: Array<[string, Action]> = [], timeout = 60_000): Promise<Drive> {
  const asked: string[] = [];
  const todo = [...script];
  const end = Date.now() + timeout;
  let answeredBefore = -1;
  let seen = '';
  for (;;) {
    if (Date.now() > end) throw new Error(`timed out; asked so far: ${asked.join(' | ')}; the screen:\n${s.screen()}`);
    const history = s.history();
    const q = activeQuestion(history);
    // A new question: more answered lines than when the last one was answered, or another
    // question's title. Only the title counts: a frame caught mid-redraw shows the same
    // question with its default or typed answer after it ("Project name first"), and
    // answering that again would send the Enter to the next question.
    if (q && (q.answered !== answeredBefore || title(q.text) !== title(seen))) {
      await sleep(150); // let the prompt finish drawing its choices and listen for keys
      asked.push(q.text);
      answeredBefore = q.answered;
      seen = q.text;
      const at = todo.findIndex(([start]) => q.text.startsWith(start));
      const action: Action = at >= 0 ? todo.splice(at, 1)[0]![1] : ['Enter'];
      if (Array.isArray(action)) s.keys(...action);
      else if ('choose' in action) await choose(s, action.choose);
      else if ('run' in action) await action.run(s);
      else {
        s.type(action.type);
        s.keys('Enter');
      }
      continue;
    }
    const code = await s.exitCode(1).catch(() => undefined);
    if (code !== undefined) {
      if (todo.length) throw new Error(`the run ended (exit ${code}) before these questions: ${todo.map(([k]) => k).join(', ')}\n${s.history()}`);
      return { asked, code };
    }
    await sleep(50);
  }
}
