import type { Plan } from './plan.js';
import { providerOf } from './registry.js';
import { formatErrors, type FieldError } from './validate.js';

/** What both front ends print after writing a starter app. */
export function starterMessage(plan: Plan): string {
  const a = plan.answers;
  const hint = providerOf(a).starterHint;
  const local = hint ? ` (${hint})` : '';
  const checks = a.services.length ? 'answers 200 with {"status":"ok","checks":{...}} when every service answers, and 503 naming the one that does not' : 'answers 200 while the app is up';
  return `No app was here, so a minimal ${a.framework} app was written: its ${a.healthPath} ${checks}${local}. Replace it with yours.`;
}

/** Why nothing was written when existing files differ and nobody can be asked. */
export function conflictReport(paths: readonly string[]): string {
  const n = paths.length;
  return (
    `${n} existing file${n > 1 ? 's differ' : ' differs'} from what would be written, so nothing was written:\n` +
    paths.map((p) => `  conflict  ${p}\n`).join('') +
    'Re-run with --force to overwrite them, or --skip-existing to keep them (merged files like .env are always kept and extended).'
  );
}

/** Bad answers (exit code 2): one indented line per error. */
export function invalidAnswers(errors: readonly FieldError[], source?: string): string {
  const what = errors.every((e) => e.file !== undefined) ? 'the project cannot be built as it is' : 'invalid answers';
  return `${what}, nothing written:\n${formatErrors(errors, source).replace(/^/gm, '  ')}`;
}
