/**
 * Re-resolves the Node starter lockfiles from the npm registry (needs network):
 * one package-lock.json per Node framework and set of services, from the
 * starter package.json the core renders with the pins in versions.ts.
 *
 *   npm run lockfiles:update
 *
 * Run it after bumping a Node version in src/catalogue/versions.ts; the unit
 * tests fail while a lockfile disagrees with its package.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICES, frameworks } from '../src/catalogue/index.js';
import type { ServiceId } from '../src/catalogue/types.js';
import { resolveAnswers } from '../src/core/resolve.js';
import { lockfileKey, starterPackageJson } from '../src/core/starter.js';
import { TEMPLATES_DIR } from '../src/node/templates.js';

const subsets: ServiceId[][] = [[]];
for (const s of SERVICES) for (const prev of [...subsets]) subsets.push([...prev, s]);

const outDir = join(TEMPLATES_DIR, 'starters', 'lockfiles');
mkdirSync(outDir, { recursive: true });
const only = process.argv[2];

for (const fw of Object.values(frameworks).filter((f) => f.language === 'node')) {
  for (const services of subsets) {
    const r = resolveAnswers({ name: 'starter', language: 'node', framework: fw.id, services }, {});
    const key = lockfileKey(r);
    if (only && !key.startsWith(only)) continue;
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(starterPackageJson(r), null, 2)}\n`);
    execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
    writeFileSync(join(outDir, `${key}.json`), readFileSync(join(dir, 'package-lock.json')));
    rmSync(dir, { recursive: true, force: true });
    console.log(`captured ${key}`);
  }
}
