import { parse as parseDotenv } from 'dotenv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, generate, seededRandom, snapshotOf, type Answers } from '../../src/core/index.js';
import { formatEnvValue, mergeEnv, parseEnv } from '../../src/core/dotenv.js';
import { renderGitignore } from '../../src/core/gitignore.js';
import { loadTemplates } from '../../src/node/templates.js';

const answers: Answers = { name: 'shop-api', language: 'python', framework: 'fastapi', services: ['postgres', 'redis'] };

function run(files: Record<string, string>, a: Answers = answers, seed = 1) {
  return generate({ answers: a, project: snapshotOf(files), templates: loadTemplates(), random: seededRandom(seed) });
}
const content = (plan: ReturnType<typeof run>, path: string) => plan.files.find((f) => f.path === path)?.content;

/** Apply a plan to a folder (as a front end would, overwriting). */
function apply(files: Record<string, string>, plan: ReturnType<typeof run>): Record<string, string> {
  const out = { ...files };
  for (const f of plan.files) out[f.path] = f.content;
  return out;
}

describe('.env', () => {
  const userEnv = '# my settings\nexport DEBUG=1\n\nPOSTGRES_PASSWORD="kept secret with spaces"   # inline note\nFOO=bar\n';

  it('keeps every existing key, value, comment and line, in order; adds only what is missing', () => {
    const merged = content(run({ '.env': userEnv }), '.env')!;
    expect(merged.startsWith(userEnv)).toBe(true);
    const added = merged.slice(userEnv.length);
    expect(added).toMatch(/^\n# Added by generator-dockerize\n/);
    expect(added).not.toContain('POSTGRES_PASSWORD=');
    expect(added).toContain('REDIS_PASSWORD=');
  });

  it('never replaces a secret, and derives URLs from the secret already there', () => {
    const env = parseDotenv(content(run({ '.env': userEnv }), '.env')!);
    expect(env.POSTGRES_PASSWORD).toBe('kept secret with spaces');
    expect(env.DATABASE_URL).toBe(`postgresql://shop_api:${encodeURIComponent('kept secret with spaces')}@postgres:5432/shop_api`);
  });

  it('is left byte-identical when it already has every key', () => {
    const first = content(run({}), '.env')!;
    const second = run({ '.env': first }, answers, 999);
    expect(content(second, '.env')).toBe(first);
    expect(classify(second.files, snapshotOf({ '.env': first })).find((c) => c.file.path === '.env')?.status).toBe('identical');
  });

  it('gets fresh random secrets on each first run (crypto), never fixed strings', () => {
    const a = parseDotenv(generate({ answers, project: snapshotOf({}), templates: loadTemplates() }).files.find((f) => f.path === '.env')!.content);
    const b = parseDotenv(generate({ answers, project: snapshotOf({}), templates: loadTemplates() }).files.find((f) => f.path === '.env')!.content);
    expect(a.POSTGRES_PASSWORD).not.toBe(b.POSTGRES_PASSWORD);
    expect(a.POSTGRES_PASSWORD).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(a.REDIS_PASSWORD).toMatch(/^[A-Za-z0-9]{32}$/);
    for (const weak of ['pass', 'password', 'secret', 'changeme', 'change-me', 'postgres']) expect(a.POSTGRES_PASSWORD).not.toBe(weak);
  });

  it('parses the quoting it writes back to the same values (Compose, dotenv and python-dotenv rules)', () => {
    for (const v of ['plain', '', "it's", 'say "hi" & $HOME', '# not a comment', 'a=b:c/d', 'ünïcode ☃', 'tab\there']) {
      const formatted = formatEnvValue(v);
      expect(formatted).toBeDefined();
      const line = `K=${formatted}\n`;
      expect(parseDotenv(line).K).toBe(v);
      expect(parseEnv(line).get('K')).toBe(v);
    }
    // Node's dotenv does not unescape \" in double quotes: a value with both kinds of quote has no portable form.
    for (const v of ['both \' and "', 'line\nbreak', 'nul\0', 'back\\slash', 'ends with \\']) expect(formatEnvValue(v)).toBeUndefined();
  });

  it('every value it agrees to write reads back identically (property, 3000 strings)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom("'", '"', '\\', '$', '#', ' ', '=', 'a', '\n', '`', ':', '\u2028', '\u2029', '\u0085', '\r', '\t') })), (v) => {
        const formatted = formatEnvValue(v);
        if (formatted === undefined) return;
        const text = `K=${formatted}\nNEXT=1\n`;
        expect(parseDotenv(text)).toEqual({ K: v, NEXT: '1' });
        expect(parseEnv(text).get('K')).toBe(v);
      }),
      { numRuns: 3000 },
    );
  });

  it('mergeEnv appends after a file without a final newline', () => {
    expect(mergeEnv('A=1', [], [{ entries: [{ key: 'B', value: '2' }] }])).toBe('A=1\n\n# Added by generator-dockerize\nB=2\n');
  });

  it('.env.example gets the same keys without the secrets', () => {
    const plan = run({});
    const env = parseDotenv(content(plan, '.env')!);
    const example = parseDotenv(content(plan, '.env.example')!);
    expect(Object.keys(example).sort()).toEqual(Object.keys(env).sort());
    expect(example.POSTGRES_PASSWORD).toBe('change-me');
    expect(content(plan, '.env.example')).not.toContain(env.POSTGRES_PASSWORD);
  });
});

describe("the app's own dependency files", () => {
  const mine = '# pinned by us\nFastAPI==0.100.0   # old on purpose\n-r base.txt\n--index-url https://example.com/simple\nhttpx\npsycopg2-binary==2.9.9\n';
  const files = { 'requirements.txt': mine, 'base.txt': 'pydantic\n', 'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' };

  it('are never written: the server the app lacks goes to requirements-docker.txt, installed after them', () => {
    const plan = run(files);
    expect(plan.files.map((f) => f.path)).not.toContain('requirements.txt');
    expect(content(plan, 'requirements-docker.txt')).toMatch(/^# The production server .*\n.*\nuvicorn==0\.54\.0\n$/);
    const dockerfile = content(plan, 'Dockerfile')!;
    expect(dockerfile).toContain('COPY requirements.txt base.txt requirements-docker.txt ./');
    expect(dockerfile.indexOf('-r requirements.txt')).toBeLessThan(dockerfile.indexOf('-r requirements-docker.txt'));
  });

  it('add nothing when the app has its server (fastapi[standard] brings uvicorn)', () => {
    for (const req of ['fastapi\nuvicorn[standard]>=0.30\n', 'fastapi[standard]>=0.115\n']) {
      const plan = run({ ...files, 'requirements.txt': req });
      expect(plan.files.map((f) => f.path)).not.toContain('requirements-docker.txt');
      expect(content(plan, 'Dockerfile')).not.toContain('requirements-docker.txt');
    }
  });
});

describe('.gitignore', () => {
  it('appends .env only when it is not ignored yet, keeping every line', () => {
    expect(renderGitignore(['.env'], 'node_modules\n')).toBe('node_modules\n\n# Added by generator-dockerize (.env holds secrets)\n.env\n');
    expect(renderGitignore(['.env'], 'node_modules\n/.env\n')).toBe('node_modules\n/.env\n');
    expect(renderGitignore(['.env'], '.env*')).toBe('.env*');
    expect(renderGitignore(['.env'], undefined)).toBe('# Added by generator-dockerize (.env holds secrets)\n.env\n');
  });
});

describe('re-runs', () => {
  it.each<Answers>([
    answers,
    { name: 'web', language: 'node', framework: 'nextjs', services: ['redis'] },
    { name: 'api', language: 'node', framework: 'nestjs', services: ['postgres'] },
    { name: 'cms', language: 'python', framework: 'django', services: [] },
  ])('same answers twice give byte-identical files ($framework)', (a) => {
    const first = run({}, a, 1);
    const folder = apply({}, first);
    const second = run(folder, a, 2);
    for (const c of classify(second.files, snapshotOf(folder))) expect([c.file.path, c.status]).toEqual([c.file.path, 'identical']);
    expect(second.starter).toBe(false);
  });

  it('never writes a starter over an app that exists', () => {
    const plan = run({ 'app/main.py': '# my app\n' });
    expect(plan.starter).toBe(false);
    expect(plan.files.some((f) => f.kind === 'starter')).toBe(false);
    const node = run({ 'package.json': '{"name":"mine"}' }, { name: 'x', language: 'node', framework: 'express', services: [] });
    expect(node.files.map((f) => f.path)).not.toContain('package.json');
    expect(node.files.map((f) => f.path)).not.toContain('src/server.js');
  });

  it('reports a user file that differs as a conflict, and a merged file as an update', () => {
    const folder = { Dockerfile: 'FROM scratch\n', '.env': 'A=1\n' };
    const statuses = Object.fromEntries(classify(run(folder).files, snapshotOf(folder)).map((c) => [c.file.path, c.status]));
    expect(statuses.Dockerfile).toBe('conflict');
    expect(statuses['.env']).toBe('update');
    expect(statuses['docker-compose.yml']).toBe('create');
  });
});
