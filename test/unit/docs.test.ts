import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fields } from '../../src/core/index.js';

const ROOT = join(import.meta.dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('README.md', () => {
  it('opens with the two commands: set up + main job, then the tests', () => {
    const first = /```sh\n([^`]+)```/.exec(readme)?.[1]?.trim().split('\n');
    expect(first).toEqual(['npm ci && node bin/dockerize.js --answers examples/fastapi-postgres-redis.json --out demo', 'npm test']);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
  });

  it('documents every answer key', () => {
    for (const f of fields) if (f.key !== '$schema') expect(readme, f.key).toContain(`| \`${f.key}\` |`);
  });

  it('documents every CLI option and every npm script it names', () => {
    for (const o of ['--answers', '--out', '--force', '--skip-existing', '--dry-run', '--list-images', '--help', '--version']) expect(readme).toContain(o);
    for (const m of readme.matchAll(/`npm run ([\w:-]+)/g)) expect(pkg.scripts, m[1]).toHaveProperty([m[1] as string]);
  });

  it('the example it points to exists', () => {
    expect(() => readFileSync(join(ROOT, 'examples/fastapi-postgres-redis.json'))).not.toThrow();
  });
});
