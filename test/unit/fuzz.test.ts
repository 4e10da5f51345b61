/**
 * Property-based fuzzing. fast-check prints the seed and path of a failing
 * case; replay it with FC_SEED=<seed> FC_PATH=<path> npm run test:unit -- test/unit/fuzz.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate, seededRandom, snapshotOf, validateAnswers } from '../../src/core/index.js';
import { loadTemplates } from '../../src/node/templates.js';
import { invalidAnswers, randomJson, validAnswers } from '../helpers/arbitraries.js';
import { checkPlan } from '../helpers/checks.js';
import { cli } from '../helpers/cli.js';

const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) } : {};
const templates = loadTemplates();

describe('fuzz', () => {
  it('1000 random valid answer sets: every output parses and passes every check', () => {
    fc.assert(
      fc.property(validAnswers, fc.integer(), (answers, seed) => {
        expect(validateAnswers(answers).ok).toBe(true);
        const plan = generate({ answers, project: snapshotOf({}), templates, random: seededRandom(seed) });
        const paths = plan.files.map((f) => f.path);
        expect(new Set(paths).size, 'two files with one path').toBe(paths.length);
        expect(checkPlan(plan)).toEqual([]);
      }),
      { numRuns: 1000, ...replay },
    );
  });

  it('1000 invalid answer sets through the CLI: exit 2, a message, no stack trace, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(invalidAnswers.filter((doc) => !validateAnswers(doc).ok), async (doc) => {
        const before = { '/work/answers.json': JSON.stringify(doc) };
        const r = await cli(['--answers', 'answers.json', '--out', 'out'], before);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^dockerize: invalid answers, nothing written:\n {2}answers\/\S*: \S/);
        expect(r.stderr).not.toMatch(/\n\s+at .+:\d+/);
        expect(r.files).toEqual(before);
      }),
      { numRuns: 1000, ...replay },
    );
  });

  it('1000 random JSON documents and texts: never a crash; exit 2 with nothing written unless the document is valid and names a framework', async () => {
    const text = fc.oneof(
      randomJson.map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (body) => {
        const before = { '/work/answers.json': body };
        const r = await cli(['--answers', 'answers.json', '--out', 'out'], before);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+/);
        let valid = false;
        try {
          const doc = JSON.parse(body.replace(/^\uFEFF/, ''));
          // An empty folder: nothing to detect, so the answers must say which framework.
          valid = validateAnswers(doc).ok && typeof doc.framework === 'string';
        } catch {
          valid = false;
        }
        if (valid) expect(r.code).toBe(0);
        else {
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/^dockerize: /);
          expect(r.files).toEqual(before);
        }
      }),
      { numRuns: 1000, ...replay },
    );
  });
});
