/**
 * Re-resolves the Node starter lockfiles from the npm registry (needs network):
 * one package-lock.json per Node framework and set of services, from the
 * starter package.json the core renders with the pins in versions.ts.
 *
 *   npm run lockfiles:update
 *
 * Run it after bumping a Node version in src/versions.ts; the unit
 * tests fail while a lockfile disagrees with its package.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFrameworks } from '../src/languages/node/index.js';
import { lockfileKey, starterPackageJson, starterServices } from '../src/languages/node/starter.js';
import { services } from '../src/services/index.js';

// Every set of the services a Node starter connects to.
const withStarter = starterServices({ services: services.map((s) => s.id) });
const subsets: string[][] = [[]];
for (const s of withStarter) for (const prev of [...subsets]) subsets.push([...prev, s]);

const outDir = join(import.meta.dirname, '../src/languages/node/templates/lockfiles');
mkdirSync(outDir, { recursive: true });
const only = process.argv[2];

for (const fw of nodeFrameworks) {
  for (const set of subsets) {
    const r = { name: 'starter', framework: fw.id, entrypoint: fw.entrypoint.default, services: set };
    const key = lockfileKey(r);
    if (only && !key.startsWith(only)) continue;
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(starterPackageJson(r, fw), null, 2)}\n`);
    execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
    writeFileSync(join(outDir, `${key}.json`), readFileSync(join(dir, 'package-lock.json')));
    rmSync(dir, { recursive: true, force: true });
    console.log(`captured ${key}`);
  }
}
