import type { Answers, ProjectFacts } from './answers.js';
import { detect } from './detect.js';
import type { PromptContext } from './fields.js';
import { within, type ProjectSnapshot } from './project.js';
import { findFramework } from './registry.js';
import { normaliseName } from './validate.js';

/** The folder's facts for answers so far: its suggested name, and what detection finds in the app folder. */
export function projectFacts(project: ProjectSnapshot, folderName: string | undefined, app?: string): ProjectFacts {
  const facts: ProjectFacts = { detected: detect(project, app && app !== '.' ? { app } : {}) };
  const suggested = folderName ? normaliseName(folderName) : '';
  if (suggested) facts.suggestedName = suggested;
  return facts;
}

/** hasApp for answers still being asked (prompts' `when`): false until a framework is known. */
function appExistsFor(a: Partial<Answers>, project: ProjectSnapshot, facts: ProjectFacts): boolean {
  const found = findFramework(a.framework);
  if (!found) return false;
  const app = a.app ?? facts.detected?.app ?? '.';
  const detectedEntry = facts.detected?.framework === a.framework ? facts.detected?.entrypoint : undefined;
  return found.provider.hasApp({ framework: found.framework.id, entrypoint: a.entrypoint ?? detectedEntry ?? found.framework.entrypoint.default }, within(project, app));
}

/** What both front ends' prompts consult: the folder's facts (detection reruns when the app folder changes), and whether it holds an app. */
export function promptContext(project: ProjectSnapshot, folderName: string): PromptContext {
  const cache = new Map<string, ProjectFacts>();
  const facts = (a: Partial<Answers>) => {
    const key = a.app ?? '';
    let f = cache.get(key);
    if (!f) cache.set(key, (f = projectFacts(project, folderName, a.app)));
    return f;
  };
  return { facts, hasApp: (a) => appExistsFor(a, project, facts(a)) };
}
