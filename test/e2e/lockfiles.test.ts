/**
 * The starter lockfiles against the real npm of every supported Node line:
 * `npm ci --dry-run` of each starter (package.json + package-lock.json) inside
 * each `node:<line>` base image the Dockerfiles name, with no network. npm
 * refuses a lockfile that lacks an entry its ideal tree has (an optional
 * package of another platform, say) before it downloads anything, so a dry run
 * finds what the real `npm ci` in the image's deps stage would stop on.
 *
 * An image that the engine doesn't have (the rig could not build it) is named
 * in a SKIPPED line; at least one line must be checked.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { versions } from '../../src/versions.js';
import { matrix, planOf } from '../helpers/cases.js';
import { engineProblem, run } from './docker.js';

const required = process.env.DOCKERIZE_E2E === 'required';
const problem = engineProblem();
const work = mkdtempSync(join(tmpdir(), 'dockerize-locks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const node = versions.runtimes.node;
const tags = node.supported.map((v) => node.tag.replace('{version}', v));
const starters = matrix.filter((c) => c.answers.language === 'node');

describe.skipIf(problem !== undefined && !required)('npm ci of every supported Node line accepts every starter lockfile', () => {
  it.runIf(problem !== undefined)('has a Docker Engine (DOCKERIZE_E2E=required)', () => {
    throw new Error(`e2e tier required but no Docker Engine answers (${problem})`);
  });
  if (problem !== undefined) return;

  for (const c of starters) {
    const dir = join(work, c.name);
    mkdirSync(dir, { recursive: true });
    for (const f of planOf(c).files) if (f.path === 'package.json' || f.path === 'package-lock.json') writeFileSync(join(dir, f.path), f.content);
  }
  const present = tags.filter((t) => run('docker', ['image', 'inspect', t], { timeoutMs: 20_000 }).status === 0);
  const missing = tags.filter((t) => !present.includes(t));
  if (missing.length) console.log(`SKIPPED lockfile check on ${missing.join(', ')}: the engine has no such image (seed it, or pull it).`);

  it('checks at least one Node line', () => {
    expect(present, `none of ${tags.join(', ')} is on the engine`).not.toEqual([]);
  });

  it.each(present)('%s: npm ci --dry-run accepts each starter', (tag) => {
    // One container per image; each starter is copied out of the read-only mount first (npm writes beside the lockfile).
    const script = [
      'set -e',
      'npm --version',
      'for d in /starters/*/; do',
      '  n=$(basename "$d"); rm -rf /tmp/w && cp -r "$d" /tmp/w && cd /tmp/w',
      '  if out=$(npm ci --dry-run --offline --ignore-scripts --no-audit --no-fund 2>&1); then echo "ok $n"; else echo "FAILED $n"; echo "$out" | grep -E "^npm error (Missing|Invalid)" || echo "$out" | tail -5; fi',
      'done',
    ].join('\n');
    const r = run('docker', ['run', '--rm', '--network', 'none', '-v', `${work}:/starters:ro`, tag, 'sh', '-c', script], { timeoutMs: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('ok ')).length, r.stdout).toBe(starters.length);
    expect(lines.filter((l) => !/^(ok |\d+\.\d+\.\d+$)/.test(l)), `npm ${lines[0]} on ${tag}`).toEqual([]);
  });
});
