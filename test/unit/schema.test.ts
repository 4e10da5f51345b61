import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersSchema, validateAnswers } from '../../src/core/index.js';
import { anyDocument } from '../helpers/arbitraries.js';

const ROOT = join(import.meta.dirname, '..', '..');
const committed = JSON.parse(readFileSync(join(ROOT, 'schema/answers.schema.json'), 'utf8'));
const ajv = new Ajv({ strict: true, allErrors: true });
const validateWithSchema = ajv.compile(committed);

describe('schema/answers.schema.json', () => {
  it('is what the core builds (run `npm run schema:update` after changing a rule)', () => {
    expect(committed).toEqual(answersSchema());
  });

  it('is a valid draft-07 schema that Ajv compiles in strict mode', () => {
    expect(ajv.validateSchema(committed)).toBe(true);
  });

  it.each(readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json')))('accepts examples/%s, as validateAnswers does', (name) => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'examples', name), 'utf8'));
    expect(validateWithSchema(doc)).toBe(true);
    expect(validateAnswers(doc)).toMatchObject({ ok: true });
  });

  it('rejects what validateAnswers rejects', () => {
    for (const doc of [
      { name: 'x', language: 'python', framework: 'express' },
      { name: 'x', language: 'python', framework: 'flask', packageManager: 'npm' },
      { name: 'x', language: 'node', framework: 'nestjs', entrypoint: 'main.js' },
      { name: 'x', language: 'node', framework: 'nextjs', entrypoint: 'index.js' },
      { name: 'x', language: 'node', framework: 'express', env: { DATABASE_URL: 'x' } },
      { name: 'x', language: 'node', framework: 'express', env: { PATH: '/x' } },
      { name: 'x', language: 'node', framework: 'express', env: { COMPOSE_PROJECT_NAME: 'y' } },
      { name: 'x', language: 'node', framework: 'express', services: ['postgres', 'mariadb'] },
      { name: 'x', language: 'node', framework: 'express', env: { A: 'it\'s "quoted"\n' } },
      { name: 'x', language: 'node', framework: 'express', porrt: 1 },
    ]) {
      expect(validateAnswers(doc).ok).toBe(false);
      expect(validateWithSchema(doc)).toBe(false);
    }
  });

  it('accepts exactly the documents validateAnswers accepts (property, 2000 random documents)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const core = validateAnswers(doc).ok;
        if (core) accepted++;
        expect(validateWithSchema(doc), JSON.stringify(doc)).toBe(core);
      }),
      { numRuns: 2000 },
    );
    // Both sides of the equivalence were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(1900);
  });
});
