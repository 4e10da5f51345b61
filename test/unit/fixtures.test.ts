/**
 * Every example fixture (test/fixtures/<name>/): `--detect` prints
 * expected/detect.json, and a run with its answers.json (or none, as
 * `dockerize --yes`) writes exactly expected/ (or stops with expected/error.txt).
 * Everything written also passes the structural checks. After an intended
 * change: `npm run fixtures:update`, then review `git diff test/fixtures`.
 */
import { describe, expect, it } from 'vitest';
import { InputError, detectAnswers, formatErrors, generate, seededRandom, snapshotOf, type Plan } from '../../src/core/index.js';
import { loadTemplates } from '../../src/node/templates.js';
import { checkPlan } from '../helpers/checks.js';
import { loadFixtures, readExpected, writeExpected, type Fixture } from '../helpers/fixtures.js';

const UPDATE = process.env.UPDATE_FIXTURES === '1';
const templates = loadTemplates();
const fixtures = loadFixtures();

/** What the fixture's folder is called stands for the project's folder name (the default project name). */
function detectJson(f: Fixture): string {
  try {
    return `${JSON.stringify(detectAnswers({ project: snapshotOf(f.files), folderName: f.name }), null, 2)}\n`;
  } catch (err) {
    if (err instanceof InputError) return `${JSON.stringify({ error: formatErrors(err.errors) }, null, 2)}\n`;
    throw err;
  }
}

function run(f: Fixture): { plan?: Plan; files: Record<string, string> } {
  try {
    const plan = generate({ answers: f.answers ?? {}, project: snapshotOf(f.files), templates, random: seededRandom(42), folderName: f.name });
    // A starter's captured npm lockfile is checked on its own (test/unit/starter.test.ts).
    const files = Object.fromEntries(plan.files.filter((p) => !(p.kind === 'starter' && p.path.endsWith('package-lock.json'))).map((p) => [p.path, p.content]));
    return { plan, files };
  } catch (err) {
    if (err instanceof InputError) return { files: { 'error.txt': `${formatErrors(err.errors)}\n` } };
    throw err;
  }
}

describe('the fixtures', () => {
  it('are at least 25, each with its expected output', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });
});

describe.each(fixtures)('fixture $name', (f) => {
  const detected = detectJson(f);
  const result = run(f);
  const outputs = { 'detect.json': detected, ...result.files };

  if (UPDATE) {
    it('updates expected/', () => {
      writeExpected(f, outputs);
      expect(Object.keys(readExpected(f)).sort()).toEqual(Object.keys(outputs).sort());
    });
    return;
  }

  const expected = readExpected(f);
  it('--detect prints expected/detect.json', () => {
    expect(JSON.parse(detected)).toEqual(JSON.parse(expected['detect.json'] ?? 'null'));
  });

  it('writes exactly the files of expected/', () => {
    expect(Object.keys(result.files).sort()).toEqual(Object.keys(expected).filter((p) => p !== 'detect.json').sort());
  });

  it.each(Object.keys(result.files).map((p) => [p] as const))('%s matches expected/', (p) => {
    expect(result.files[p]).toBe(expected[p]);
  });

  it.runIf(result.plan !== undefined)('passes the structural checks (Dockerfile order and rules, compose/stack/k8s schemas, .env, ignores)', () => {
    expect(checkPlan(result.plan as Plan, f.files)).toEqual([]);
  });
});
