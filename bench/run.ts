/**
 * npm run bench: what users feel, measured in one run as medians and ratios.
 *
 * 1. The generator: `dockerize --answers` per example vs a bare `node -e ''`;
 *    `yo dockerize --answers` vs `yo` running an empty generator; in-process
 *    renders per second and how render time grows with services.
 * 2. The images (when a Docker Engine answers), per e2e stack, against a naive
 *    single-stage Dockerfile of the same app: size, cold build, rebuild after a
 *    code change (and the floor: a build that only re-runs the final COPY),
 *    rebuild after a dependency change, build context, up -> healthy, docker stop.
 *
 * Prints a markdown table and writes it to bench/results.md (raw numbers in
 * bench/results.json). Options: --runs N (default 5), --no-images,
 * --stacks id,id, --update-readme (copies the tables into README.md).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate, seededRandom, snapshotOf, type Answers, type Plan } from '../src/core/index.js';
import { providerOf } from '../src/core/registry.js';
import { loadTemplates } from '../src/node/templates.js';
import { addRigShims, composeCommand, engineProblem, freePort, run, waitFor } from '../test/e2e/docker.js';
import { stacks, type Stack } from '../test/e2e/matrix.js';
import { REPO, installPacked } from '../test/helpers/install.js';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'no-images': { type: 'boolean', default: false },
    stacks: { type: 'string' },
    'update-readme': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const work = mkdtempSync(join(tmpdir(), 'dockerize-bench-'));
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
const sec = (s: number) => `${s.toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const verdict = (ok: boolean, miss: string) => (ok ? 'met' : `**missed** (${miss})`);

function timed(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): number {
  const r = run(cmd, args, opts);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return r.seconds;
}

// -- 1. The generator -----------------------------------------------------------

const examples = ['fastapi-postgres-redis', 'django-postgres', 'express-postgres-redis', 'nextjs'];

function benchCli() {
  log(`CLI start-up: ${RUNS} runs of node -e '' and of dockerize --answers for ${examples.length} examples`);
  const bare: number[] = [];
  const cli: Record<string, number[]> = Object.fromEntries(examples.map((e) => [e, []]));
  for (let i = 0; i < RUNS + 1; i++) {
    // Interleaved, so a busy moment hurts both sides alike; the first round warms the page cache.
    const b = timed(process.execPath, ['-e', '']);
    const round: Record<string, number> = {};
    for (const e of examples) {
      const out = join(work, `cli-${e}-${i}`);
      round[e] = timed(process.execPath, [join(REPO, 'bin/dockerize.js'), '--answers', join(REPO, 'examples', `${e}.json`), '--out', out]);
    }
    if (i === 0) continue;
    bare.push(b);
    for (const e of examples) cli[e]!.push(round[e]!);
  }
  return { bare: median(bare), cli: Object.fromEntries(examples.map((e) => [e, median(cli[e]!)])) };
}

/**
 * A repository of 10,000 files, shaped like a real Django project with a
 * front end: apps and templates, node_modules, a .venv and .git (which
 * detection must never walk).
 */
function makeBigRepo(dir: string): number {
  let n = 0;
  const put = (p: string, text: string) => {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
    n++;
  };
  put('manage.py', 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")\n');
  put('requirements.txt', '-r requirements/production.txt\n');
  put('requirements/base.txt', 'Django==5.1.5\ndjango-redis==5.4.0\ncelery==5.4.0\n');
  put('requirements/production.txt', '-r base.txt\ngunicorn==23.0.0\npsycopg[c]==3.2.4\n');
  put('config/__init__.py', '');
  put('config/wsgi.py', 'application = None\n');
  put('config/settings/__init__.py', '');
  put('config/settings/base.py', 'WSGI_APPLICATION = "config.wsgi.application"\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}\n');
  put('config/settings/production.py', 'from .base import *\n');
  put('package.json', JSON.stringify({ private: true, devDependencies: { tailwindcss: '^3.4.17' } }));
  for (let a = 0; a < 40; a++) for (let f = 0; f < 50; f++) put(`shop/app${a}/${f === 0 ? '__init__' : `module${f}`}.py`, `# module ${f}\n`);
  for (let f = 0; f < 5000; f++) put(`node_modules/pkg${Math.floor(f / 20)}/lib/file${f % 20}.js`, 'module.exports = 1;\n');
  for (let f = 0; f < 2000; f++) put(`.venv/lib/python3.13/site-packages/dist${Math.floor(f / 10)}/m${f % 10}.py`, 'x = 1\n');
  while (n < 10_000) put(`.git/objects/${String(n % 256).padStart(2, '0')}/${n}`, 'blob');
  return n;
}

function benchDetect() {
  const repo = join(work, 'big-repo');
  const files = makeBigRepo(repo);
  log(`--detect: ${RUNS} runs on a repository of ${files} files`);
  const bare: number[] = [];
  const detect: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const b = timed(process.execPath, ['-e', '']);
    const d = timed(process.execPath, [join(REPO, 'bin/dockerize.js'), '--detect', '--out', repo]);
    if (i === 0) continue;
    bare.push(b);
    detect.push(d);
  }
  return { files, bare: median(bare), detect: median(detect) };
}

function benchYo() {
  log(`yo: installing the packed package, yo and an empty generator into a prefix`);
  const pkg = installPacked();
  try {
    const empty: number[] = [];
    const ours: number[] = [];
    const answers = readFileSync(join(REPO, 'examples/fastapi-postgres-redis.json'), 'utf8');
    for (let i = 0; i < RUNS + 1; i++) {
      const e = timed(pkg.yo, ['empty', '--no-insight'], { cwd: pkg.workdir(`empty-${i}`), env: pkg.env });
      const o = timed(pkg.yo, ['dockerize', '--answers', 'answers.json', '--no-insight'], { cwd: pkg.workdir(`ours-${i}`, { 'answers.json': answers }), env: pkg.env });
      if (i === 0) continue;
      empty.push(e);
      ours.push(o);
    }
    return { empty: median(empty), ours: median(ours) };
  } finally {
    rmSync(pkg.root, { recursive: true, force: true });
  }
}

function benchRender() {
  log('in-process renders');
  const templates = loadTemplates();
  const docs = examples.map((e) => JSON.parse(readFileSync(join(REPO, 'examples', `${e}.json`), 'utf8')) as Answers);
  const plan = (a: Answers) => generate({ answers: a, project: snapshotOf({}), templates, random: seededRandom(1) });
  for (let i = 0; i < 200; i++) plan(docs[i % docs.length]!); // warm up the JIT and the template cache
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) plan(docs[n++ % docs.length]!);
  const perSecond = n / ((performance.now() - start) / 1000);
  const growth: Array<{ framework: string; none: number; services: number; all: number }> = [];
  for (const framework of ['fastapi', 'flask', 'django', 'express', 'fastify', 'nestjs', 'nextjs'] as const) {
    const language = ['fastapi', 'flask', 'django'].includes(framework) ? 'python' : 'node';
    const time = (a: Answers) => {
      const samples: number[] = [];
      for (let r = 0; r < Math.max(RUNS, 5); r++) {
        const t = performance.now();
        for (let k = 0; k < 50; k++) plan(a);
        samples.push((performance.now() - t) / 50);
      }
      return median(samples);
    };
    growth.push({
      framework,
      none: time({ name: 'bench', language, framework, services: [] }),
      services: time({ name: 'bench', language, framework, services: ['postgres', 'redis'] }),
      all: time({ name: 'bench', language, framework, services: ['postgres', 'redis'], deploy: ['compose', 'swarm', 'kubernetes'] }),
    });
  }
  return { perSecond, growth };
}

// -- 2. The images ------------------------------------------------------------

/** The naive Dockerfile the issue describes: same base, WORKDIR, manifest, plain install, COPY . ., CMD. */
function naiveDockerfile(plan: Plan): string {
  const a = plan.answers;
  const cmd = JSON.stringify(plan.command);
  const baseImage = (r: typeof a) => providerOf(r).runtime.tag.replace('{version}', r.runtimeVersion);
  if (a.language === 'python') {
    return `FROM ${baseImage(a)}\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ${cmd}\n`;
  }
  const build = a.framework === 'nestjs' || a.framework === 'nextjs' ? 'RUN npm run build\n' : '';
  const start = a.framework === 'nextjs' ? JSON.stringify(['node_modules/.bin/next', 'start', '-p', String(a.port)]) : cmd;
  return `FROM ${baseImage(a)}\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n${build}CMD ${start}\n`;
}

/** What a developer's checkout holds besides the app: history and local dependencies (8 MB each). */
function addCheckoutClutter(dir: string, language: string) {
  const blob = Buffer.alloc(8 * 1024 * 1024, 7);
  mkdirSync(join(dir, '.git/objects/pack'), { recursive: true });
  writeFileSync(join(dir, '.git/objects/pack/pack-0001.pack'), blob);
  const local = language === 'python' ? '.venv/lib' : 'node_modules/.cache';
  mkdirSync(join(dir, local), { recursive: true });
  writeFileSync(join(dir, local, 'blob.bin'), blob);
}

/** Bytes BuildKit reported sending for the build context ("transferring context: 1.23MB"). */
function contextBytes(output: string): number {
  const all = [...output.matchAll(/transferring context: ([\d.]+)([kMG]?B)/g)];
  const last = all[all.length - 1];
  if (!last) return NaN;
  const unit = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[last[2] as 'B' | 'kB' | 'MB' | 'GB'];
  return Number(last[1]) * unit;
}

function build(dir: string, tag: string, extra: string[] = []): { seconds: number; context: number } {
  const r = run('docker', ['build', '--progress=plain', ...extra, '-t', tag, '.'], { cwd: dir, env: { DOCKER_BUILDKIT: '1' } });
  if (r.status !== 0) throw new Error(`docker build ${tag} failed:\n${r.stderr.slice(-3000)}`);
  return { seconds: r.seconds, context: contextBytes(r.stderr + r.stdout) };
}
const imageSize = (tag: string) => Number(run('docker', ['image', 'inspect', '-f', '{{.Size}}', tag]).stdout.trim());
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Appends a comment no build has seen before to the app's source file. */
function editSource(dir: string, file: string, tag: string): void {
  const mark = file.endsWith('.py') ? '#' : '//';
  writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}\n${mark} bench edit ${tag}\n`);
}

interface ImageResult {
  stack: string;
  size: { ours: number; naive: number };
  cold: { ours: number; naive: number };
  code: { ours: number; floor: number; naive: number };
  dependency: { ours: number; naive: number };
  context: { ours: number; naive: number };
  upToHealthy: number;
  stop: { seconds: number; exit: number };
}

async function benchStack(s: Stack, compose: string[]): Promise<ImageResult> {
  log(`images: ${s.id}`);
  const plan = generate({ answers: s.answers, project: snapshotOf({}), templates: loadTemplates() });
  const ours = join(work, `img-${s.id}`);
  for (const f of plan.files) {
    mkdirSync(dirname(join(ours, f.path)), { recursive: true });
    writeFileSync(join(ours, f.path), f.content);
  }
  addCheckoutClutter(ours, plan.answers.language);
  const naive = `${ours}-naive`;
  cpSync(ours, naive, { recursive: true });
  rmSync(join(naive, '.dockerignore'));
  writeFileSync(join(naive, 'Dockerfile'), naiveDockerfile(plan));
  const floorDir = `${ours}-floor`;
  const tags = { ours: `bench-${s.id}:ours`, naive: `bench-${s.id}:naive`, floor: `bench-${s.id}:floor` };

  const cold = { ours: [] as number[], naive: [] as number[] };
  const context = { ours: NaN, naive: NaN };
  for (let i = 0; i < RUNS; i++) {
    for (const v of ['ours', 'naive'] as const) {
      run('docker', ['builder', 'prune', '-af']);
      const b = build(v === 'ours' ? ours : naive, tags[v], ['--no-cache']);
      cold[v].push(b.seconds);
      context[v] = b.context;
    }
  }
  const size = { ours: imageSize(tags.ours), naive: imageSize(tags.naive) };
  // The last cold build pruned the other variant's cache: warm both, as on a developer's machine.
  build(ours, tags.ours);
  build(naive, tags.naive);

  // A code change: the same unique edit to one source file in both apps.
  const code = { ours: [] as number[], floor: [] as number[], naive: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    const tag = unique();
    editSource(ours, s.sourceFile, tag);
    editSource(naive, s.sourceFile, tag);
    code.ours.push(build(ours, tags.ours).seconds);
    code.naive.push(build(naive, tags.naive).seconds);
    // The floor: on top of the image just built, a build whose only step is the final COPY of the app.
    rmSync(floorDir, { recursive: true, force: true });
    cpSync(ours, floorDir, { recursive: true });
    writeFileSync(join(floorDir, 'Dockerfile'), `FROM ${tags.ours}\nCOPY . .\n`);
    build(floorDir, tags.floor); // a new FROM: resolve it once
    editSource(floorDir, s.sourceFile, unique());
    code.floor.push(build(floorDir, tags.floor).seconds);
  }

  // A dependency change: one more package, then a new manifest each round (so the install layer always re-runs).
  const dependency = { ours: [] as number[], naive: [] as number[] };
  if (plan.answers.language === 'node') {
    for (const dir of [ours, naive]) {
      const r = run('npm', ['install', 'ms@2.1.3', '--save-exact', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir });
      if (r.status !== 0) throw new Error(`npm install ms failed: ${r.stderr}`);
    }
  }
  for (let i = 0; i < RUNS; i++) {
    const nonce = unique();
    for (const dir of [ours, naive]) {
      if (plan.answers.language === 'python') {
        const base = readFileSync(join(dir, 'requirements.txt'), 'utf8').replace(/\nsix==.*$/s, '');
        writeFileSync(join(dir, 'requirements.txt'), `${base}\nsix==1.16.0  # bench ${nonce}\n`);
      } else {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        pkg.description = `bench ${nonce}`;
        writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
      }
    }
    dependency.ours.push(build(ours, tags.ours).seconds);
    dependency.naive.push(build(naive, tags.naive).seconds);
  }

  // Up to healthy, and docker stop, with compose (ours).
  addRigShims(ours);
  const port = await freePort();
  const project = `bench${s.id.replace(/[^a-z0-9]/g, '')}`;
  const dc = (args: string[]) => run(compose[0]!, [...compose.slice(1), '-p', project, ...args], { cwd: ours, env: { APP_PORT: String(port) } });
  const up: number[] = [];
  const stop = { seconds: [] as number[], exit: 0 };
  dc(['down', '-v']); // a volume left by an aborted run would hold another run's Postgres password
  if (dc(['build']).status !== 0) throw new Error('compose build failed');
  try {
    for (let i = 0; i < RUNS; i++) {
      const t = Date.now();
      if (dc(['up', '-d']).status !== 0) throw new Error('compose up failed');
      const id = dc(['ps', '-q', 'app']).stdout.trim();
      await waitFor('healthy', 240, () => (run('docker', ['inspect', '-f', '{{.State.Health.Status}}', id]).stdout.trim() === 'healthy' ? true : undefined));
      up.push((Date.now() - t) / 1000);
      stop.seconds.push(run('docker', ['stop', id]).seconds);
      stop.exit = Math.max(stop.exit, Number(run('docker', ['inspect', '-f', '{{.State.ExitCode}}', id]).stdout.trim()));
      dc(['down', '-v']);
    }
  } finally {
    dc(['down', '-v']);
  }
  for (const tag of Object.values(tags)) run('docker', ['rmi', '-f', tag]);
  return {
    stack: s.id,
    size,
    cold: { ours: median(cold.ours), naive: median(cold.naive) },
    code: { ours: median(code.ours), floor: median(code.floor), naive: median(code.naive) },
    dependency: { ours: median(dependency.ours), naive: median(dependency.naive) },
    context,
    upToHealthy: median(up),
    stop: { seconds: median(stop.seconds), exit: stop.exit },
  };
}

// -- Report ---------------------------------------------------------------------

function report(cli: ReturnType<typeof benchCli>, detect: ReturnType<typeof benchDetect>, yo: ReturnType<typeof benchYo>, render: ReturnType<typeof benchRender>, images: ImageResult[] | string): string {
  const lines: string[] = [];
  const docker = run('docker', ['version', '--format', '{{.Server.Version}}']).stdout.trim();
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on Node.js ${process.version}, ${availableParallelism()} CPUs${docker ? `, Docker Engine ${docker}` : ''}; medians of ${RUNS} runs.`, '');
  lines.push('| Generator | median | ratio | target | |', '| --- | --- | --- | --- | --- |');
  lines.push(`| \`node -e ''\` (baseline) | ${ms(cli.bare)} | 1.00 | | |`);
  for (const [e, t] of Object.entries(cli.cli)) {
    const ratio = t / cli.bare;
    lines.push(`| \`dockerize --answers examples/${e}.json\` | ${ms(t)} | ${ratio.toFixed(2)} | ≤ 2 | ${verdict(ratio <= 2, `by ${((ratio / 2 - 1) * 100).toFixed(0)}%`)} |`);
  }
  lines.push(
    `| \`dockerize --detect\` on a repository of ${detect.files.toLocaleString('en')} files (Django + node_modules, .venv, .git) | ${ms(detect.detect)} | ${(detect.detect / detect.bare).toFixed(2)} (vs \`node -e ''\` ${ms(detect.bare)}) | ≤ 300 ms | ${verdict(detect.detect <= 0.3, `by ${((detect.detect / 0.3 - 1) * 100).toFixed(0)}%`)} |`,
  );
  const yoRatio = yo.ours / yo.empty;
  lines.push(`| \`yo empty\` (baseline: an empty generator) | ${ms(yo.empty)} | 1.00 | | |`);
  lines.push(`| \`yo dockerize --answers\` | ${ms(yo.ours)} | ${yoRatio.toFixed(2)} | ≤ 1.2 | ${verdict(yoRatio <= 1.2, `by ${((yoRatio / 1.2 - 1) * 100).toFixed(0)}%`)} |`);
  lines.push('', `In process: ${render.perSecond.toFixed(0)} renders per second (the four examples in turn).`, '');
  lines.push('| Render time (compose) | no services | Postgres + Redis | growth | + Swarm + Kubernetes files |', '| --- | --- | --- | --- | --- |');
  for (const g of render.growth) lines.push(`| ${g.framework} | ${g.none.toFixed(2)} ms | ${g.services.toFixed(2)} ms | ×${(g.services / g.none).toFixed(1)} | ${g.all.toFixed(2)} ms |`);
  lines.push('');
  if (typeof images === 'string') {
    lines.push(`Images: not measured (${images}).`);
    return lines.join('\n');
  }
  lines.push(
    '| Stack | image: ours / naive | cold build: ours / naive | code change: ours / floor / naive | dependency change: ours / naive | build context: ours / naive | up → healthy | docker stop |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of images) {
    lines.push(
      `| ${r.stack} | ${mb(r.size.ours)} / ${mb(r.size.naive)} | ${sec(r.cold.ours)} / ${sec(r.cold.naive)} | ${sec(r.code.ours)} / ${sec(r.code.floor)} / ${sec(r.code.naive)} | ${sec(r.dependency.ours)} / ${sec(r.dependency.naive)} | ${mb(r.context.ours)} / ${mb(r.context.naive)} | ${sec(r.upToHealthy)} | ${r.stop.seconds.toFixed(2)} s, exit ${r.stop.exit} |`,
    );
  }
  lines.push('', '| Target | per stack |', '| --- | --- |');
  const each = (f: (r: ImageResult) => string) => images.map((r) => `${r.stack}: ${f(r)}`).join('; ');
  lines.push(`| image smaller than the naive one | ${each((r) => verdict(r.size.ours < r.size.naive, `${(((r.size.ours / r.size.naive) - 1) * 100).toFixed(1)}% larger`))} |`);
  lines.push(`| code-change rebuild ≤ 1.2 × the floor | ${each((r) => `×${(r.code.ours / r.code.floor).toFixed(2)} ${verdict(r.code.ours <= 1.2 * r.code.floor, `by ${((r.code.ours / (1.2 * r.code.floor) - 1) * 100).toFixed(0)}%`)}`)} |`);
  lines.push(`| dependency-change rebuild faster than naive | ${each((r) => `×${(r.dependency.ours / r.dependency.naive).toFixed(2)} ${verdict(r.dependency.ours < r.dependency.naive, `${((r.dependency.ours / r.dependency.naive - 1) * 100).toFixed(0)}% slower`)}`)} |`);
  lines.push(`| build context small | ${each((r) => `${(r.context.ours / 1e3).toFixed(0)} kB ${verdict(r.context.ours < r.context.naive && r.context.ours < 5e6, 'not smaller than naive')}`)} |`);
  lines.push(`| docker stop < 2 s, exit 0 | ${each((r) => verdict(r.stop.seconds < 2 && r.stop.exit === 0, `${r.stop.seconds.toFixed(2)} s, exit ${r.stop.exit}`))} |`);
  return lines.join('\n');
}

async function main() {
  const cli = benchCli();
  const detect = benchDetect();
  const yo = benchYo();
  const render = benchRender();
  let images: ImageResult[] | string;
  const problem = opts['no-images'] ? '--no-images' : engineProblem();
  const compose = problem ? undefined : composeCommand();
  if (problem || !compose) images = problem ? `no Docker Engine: ${problem}` : 'no docker compose';
  else {
    images = [];
    const wanted = opts.stacks ? opts.stacks.split(',') : undefined;
    for (const s of stacks.filter((x) => !wanted || wanted.includes(x.id))) images.push(await benchStack(s, compose));
  }
  const table = report(cli, detect, yo, render, images);
  console.log(table);
  mkdirSync(join(REPO, 'bench'), { recursive: true });
  writeFileSync(join(REPO, 'bench/results.md'), `# Benchmark results\n\nWritten by \`npm run bench\`.\n\n${table}\n`);
  writeFileSync(join(REPO, 'bench/results.json'), `${JSON.stringify({ runs: RUNS, node: process.version, cli, detect, yo, render, images }, null, 2)}\n`);
  if (opts['update-readme']) {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    if (!readme.includes(start)) throw new Error('README.md has no bench markers');
    writeFileSync(join(REPO, 'README.md'), readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`));
  }
  log('wrote bench/results.md and bench/results.json');
}

try {
  await main();
} finally {
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
