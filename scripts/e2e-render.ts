/**
 * Writes every e2e stack into DIR (default .e2e-render/), so CI can seed the
 * images they name before the e2e tier runs:
 *   tsx scripts/e2e-render.ts .e2e-render && ../shared/docker-rig/seed.sh --scan .e2e-render
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generate, snapshotOf } from '../src/core/index.js';
import { loadTemplates } from '../src/node/templates.js';
import { stacks, swarmStacks } from '../test/e2e/matrix.js';
import { goApps } from '../test/e2e/go-apps.js';
import { rustApps } from '../test/e2e/rust-apps.js';
import { javaApps } from '../test/e2e/java-apps.js';
import { rubyApps } from '../test/e2e/ruby-apps.js';
import { phpApps } from '../test/e2e/php-apps.js';
import { nodeApps } from '../test/e2e/node-apps.js';
import { pythonApps } from '../test/e2e/python-apps.js';

const out = process.argv[2] ?? '.e2e-render';
rmSync(out, { recursive: true, force: true });
for (const s of [...stacks, ...swarmStacks]) {
  const plan = generate({ answers: s.answers, project: snapshotOf({}), templates: loadTemplates() });
  for (const f of plan.files) {
    if (f.path === '.env') continue; // secrets are not needed to seed images
    mkdirSync(dirname(join(out, s.id, f.path)), { recursive: true });
    writeFileSync(join(out, s.id, f.path), f.content);
  }
}
// The real-shaped apps: their own files (lock files pin what the images must hold) and what dockerize writes for them.
// Apps whose images only a registry has (MongoDB) are left out: the rig can't seed them.
for (const app of [...pythonApps, ...nodeApps, ...goApps, ...rustApps, ...rubyApps, ...phpApps, ...javaApps.filter((a) => !a.unavailable?.())].filter((a) => !a.pullOnly?.length)) {
  const project = snapshotOf(app.files);
  // The same choice the app's own dockerize flags make (only --app is used there).
  const at = app.args?.indexOf('--app') ?? -1;
  const answers = at >= 0 ? { app: app.args![at + 1] } : {};
  const plan = generate({ answers, project, templates: loadTemplates(), folderName: app.id });
  for (const [path, content] of [...Object.entries(app.files), ...plan.files.filter((f) => f.path !== '.env').map((f) => [f.path, f.content] as const)]) {
    mkdirSync(dirname(join(out, app.id, path)), { recursive: true });
    writeFileSync(join(out, app.id, path), content);
  }
}
console.log(`rendered ${stacks.length + swarmStacks.length} stacks and ${pythonApps.length + nodeApps.length + goApps.length + rustApps.length + rubyApps.length + phpApps.length} apps into ${out}`);
