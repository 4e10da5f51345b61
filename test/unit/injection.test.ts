/**
 * Hostile strings in every answer that reaches a file: each must either come
 * out meaning exactly what was asked (parsed back from every file it lands
 * in), or be refused with a message naming the field. Never a broken file.
 */
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/core/dotenv.js';
import { validateAnswers, type Answers } from '../../src/core/index.js';
import { planOf } from '../helpers/cases.js';
import { checkPlan, file, stages, text } from '../helpers/checks.js';

const nasty: Array<[string, string]> = [
  ['double and single quotes', `it's "quoted"`],
  ['a backslash', 'C:\\path\\to'],
  ['dollars', '$HOME ${PATH} $$ $(id)'],
  ['a hash', '# not a comment'],
  ['a colon', 'key: value'],
  ['a newline', 'line one\nline two'],
  ['unicode', 'ünïcødé ☃ 🐳 \u2028'],
  ['YAML -', '- item'],
  ['YAML ?', '? key'],
  ['YAML &', '&anchor'],
  ['YAML *', '*alias'],
  ['YAML !', '!!python/object'],
  ['YAML |', '| literal'],
  ['YAML >', '> folded'],
  ['YAML %', '%YAML 1.2'],
  ['YAML @', '@reserved'],
  ['YAML { [', '{a: [1, 2]}'],
  ['EJS tags', '<%= process.exit(1) %> <%- it %> %>'],
  ['shell', '`rm -rf /`; echo $(whoami) && true'],
  ['a leading space', ' padded '],
];

const base: Answers = { name: 'inject', language: 'python', framework: 'fastapi', services: ['postgres'], deploy: ['compose', 'swarm', 'kubernetes'] };

function refusedOrFine(answers: Answers) {
  const v = validateAnswers(answers);
  if (!v.ok) return { refused: v.errors.map((e) => `${e.pointer}: ${e.message}`) };
  const plan = planOf({ name: 'x', answers });
  expect(checkPlan(plan), 'every file still parses and passes every check').toEqual([]);
  return { plan };
}

describe.each(nasty)('%s', (_what, value) => {
  it('in the start command: exec-form CMD parses back to exactly the same argument', () => {
    const { plan } = refusedOrFine({ ...base, command: ['python', value] });
    const dockerfile = file(plan!, 'Dockerfile')!;
    const final = stages(dockerfile).at(-1)!;
    const cmd = final.instructions.find((i) => i.getKeyword() === 'CMD')!;
    expect(JSON.parse(text(cmd))).toEqual(['python', value]);
    expect(dockerfile.split('\n').filter((l) => l.startsWith('CMD '))).toHaveLength(1);
  });

  it('in an env value: .env, docker-stack.yml and the Kubernetes ConfigMap all mean the same value, or it is refused', () => {
    const r = refusedOrFine({ ...base, env: { GREETING: value } });
    if (r.refused) {
      expect(r.refused).toEqual([expect.stringMatching(/^\/env\/GREETING: can't be written to \.env/)]);
      return;
    }
    const plan = r.plan!;
    expect(parseDotenv(file(plan, '.env')!).GREETING).toBe(value);
    expect(parseEnv(file(plan, '.env')!).get('GREETING')).toBe(value);
    // Compose and `docker stack deploy` interpolate `$`: the stack file writes a literal dollar as `$$`.
    const stackValue = parseYaml(file(plan, 'docker-stack.yml')!).services.app.environment.GREETING as string;
    expect(stackValue.replace(/\$\$/g, '$')).toBe(value);
    expect(stackValue.replace(/\$\$/g, '')).not.toMatch(/\$/);
    expect(parseYaml(file(plan, 'k8s/config.yaml')!).data.GREETING).toBe(value);
  });

  it.each(['name', 'entrypoint', 'healthPath', 'image'] as const)('as %s: refused with a message naming the field', (key) => {
    const r = refusedOrFine({ ...base, [key]: value });
    expect(r.refused).toEqual([expect.stringMatching(new RegExp(`^/${key}: `))]);
  });

  it('as an env name: refused', () => {
    const r = refusedOrFine({ ...base, env: { [value]: 'x' } });
    expect(r.refused?.[0]).toMatch(/^\/env\/.+: .* is not a variable name/s);
  });
});
