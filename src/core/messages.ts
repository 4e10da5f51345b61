import type { Plan } from './plan.js';

/** What both front ends print after writing a starter app. */
export function starterMessage(plan: Plan): string {
  const a = plan.answers;
  const local = a.language === 'node' ? ' (run `npm install` to work on it outside Docker)' : '';
  return `No app was here, so a minimal ${a.framework} app was written: its ${a.healthPath} checks every service${local}. Replace it with yours.`;
}
