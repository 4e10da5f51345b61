/**
 * The end of a run, the same for both front ends: the command to start the
 * stack (shell-quoted, so it can be pasted) and the URL the app answers on.
 */
import type { Plan } from '../core/index.js';

/** A word a POSIX shell reads back unchanged: bare when it is safe, else in single quotes. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The host port the app is published on: the compose file's ${VAR:-port}, as .env sets VAR. */
export function hostPort(plan: Plan, envOnDisk?: string): number {
  const compose = plan.files.find((f) => f.path === 'docker-compose.yml')?.content ?? '';
  const m = /\$\{([A-Za-z_][A-Za-z0-9_]*):-(\d+)\}:\d+/.exec(compose);
  if (!m) return plan.answers.port;
  const env = `${plan.files.find((f) => f.path === '.env')?.content ?? envOnDisk ?? ''}`;
  const set = new RegExp(`^${m[1]}=["']?(\\d+)["']?\\s*$`, 'm').exec(env);
  return Number(set?.[1] ?? m[2]);
}

/**
 * "Next: ..." lines. `dir` is the folder the user must change to first
 * (relative or absolute, as they named it), or undefined when it is the
 * current one.
 */
export function nextSteps(plan: Plan, dir?: string): string[] {
  const cd = dir ? `cd ${shellQuote(dir)} && ` : '';
  const deploy = plan.answers.deploy ?? ['compose'];
  if (!deploy.includes('compose') && !plan.files.some((f) => f.path === 'docker-compose.yml')) {
    const how = deploy.includes('kubernetes') ? 'build and push the image, then kubectl apply -k k8s/' : 'build and push the image, then docker stack deploy';
    return [`Next: ${how}   (the commands are in ${cd ? `${dir}/` : ''}README.Docker.md)`];
  }
  // The development setup: the same stack with live reload (docker-compose.override.yml).
  const watch = plan.answers.dev ? ' --watch' : '';
  return [`Next: ${cd}docker compose up --build${watch}`, `Then open http://localhost:${hostPort(plan)}   (more in README.Docker.md)`];
}
