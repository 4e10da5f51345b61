import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { FsLike } from '../../src/node/fs-project.js';
import { cli } from '../helpers/cli.js';

const example = readFileSync(join(import.meta.dirname, '../../examples/fastapi-postgres-redis.json'), 'utf8');
const answers = (doc: unknown) => ({ '/work/answers.json': typeof doc === 'string' ? doc : JSON.stringify(doc) });
const ok = { name: 'shop-api', language: 'python', framework: 'fastapi', services: ['postgres', 'redis'] };
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('dockerize --help, --version, --list-images', () => {
  it('--help shows the usage, every option and every answer key', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['--answers FILE', '--out DIR', '--force', '--skip-existing', '--dry-run', '--list-images', '--version', 'Exit codes']) expect(r.stdout).toContain(s);
    for (const key of ['name', 'language', 'framework', 'services', 'port', 'runtimeVersion', 'packageManager', 'entrypoint', 'command', 'starter', 'env']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${key} +\\S`, 'm'));
    }
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect((await cli(['--version'])).stdout).toBe(`${pkg.version}\n`);
  });

  it('--list-images prints every image tag, one a line, each pinned', async () => {
    const r = await cli(['--list-images']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual(expect.arrayContaining(['python:3.13-slim-trixie', 'node:24-trixie-slim', 'postgres:17-trixie', 'redis:8.6-trixie']));
    // distroless publishes no version tags, only :nonroot (and digests): its tag names the variant.
    for (const l of lines) expect(l).toMatch(/^[a-z0-9./-]+:[0-9][\w.-]*$|^gcr\.io\/distroless\/[a-z]+-debian\d+:nonroot$/);
  });
});

describe('dockerize --answers', () => {
  it('writes the stack into --out, asking nothing', async () => {
    const r = await cli(['--answers', 'answers.json', '--out', 'demo'], answers(example));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.asked).toEqual([]);
    for (const f of ['Dockerfile', 'docker-compose.yml', '.env', '.env.example', '.dockerignore', 'requirements.txt', 'README.Docker.md', 'app/main.py']) {
      expect(r.files[`/work/demo/${f}`], f).toEqual(expect.any(String));
    }
    expect(parseYaml(r.files['/work/demo/docker-compose.yml']!).services.postgres.image).toMatch(/^postgres:/);
    expect(parseDotenv(r.files['/work/demo/.env']!).DATABASE_URL).toMatch(/^postgresql:\/\/shop_api:/);
    expect(r.stdout).toMatch(/create +Dockerfile/);
    expect(r.stdout).toContain('Next: cd demo && docker compose up --build');
  });

  it('creates .env readable by its owner only', async () => {
    const r = await cli(['--answers', 'answers.json'], answers(ok));
    expect(r.fs.statSync('/work/.env')!.mode & 0o777).toBe(0o600);
    expect(r.fs.statSync('/work/Dockerfile')!.mode & 0o777).toBe(0o644);
  });

  it('a second run reports every file identical and changes nothing', async () => {
    const first = await cli(['--answers', 'answers.json'], answers(ok));
    const second = await cli(['--answers', 'answers.json'], first.files);
    expect(second.code).toBe(0);
    expect(second.files).toEqual(first.files);
    expect(second.stdout).not.toMatch(/^\s+(create|update|overwrite)\s/m);
    expect(second.stdout).toMatch(/identical +Dockerfile/);
  });

  it('--dry-run prints what would be written and writes nothing; secrets are not printed', async () => {
    const r = await cli(['--answers', 'answers.json', '--dry-run'], answers(ok));
    expect(r.code).toBe(0);
    expect(Object.keys(r.files)).toEqual(['/work/answers.json']);
    expect(r.stdout).toContain('Dry run: nothing written');
    expect(r.stdout).toMatch(/create +docker-compose\.yml/);
    expect(r.stdout).toContain('----- Dockerfile -----\n# shop-api: FastAPI');
    expect(r.stdout).toContain('----- .env -----\n(holds secrets: not shown)');
    expect(r.stdout).not.toMatch(/POSTGRES_PASSWORD=[A-Za-z0-9]{32}/);
  });
});

describe('bad input: exit 2, one clear message, nothing written, no stack trace', () => {
  const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['invalid JSON (line and column)', ['--answers', 'answers.json'], answers('{\n  "name": "x",\n  "language": python\n}'), /answers\.json is not valid JSON: line 3, column 15: unexpected "p", expected a value/],
    ['trailing comma', ['--answers', 'answers.json'], answers('{"name": "x",}'), /not valid JSON: line 1, column 14: unexpected "}", expected another key \(no trailing comma before \}\)/],
    ['empty file', ['--answers', 'answers.json'], answers(''), /not valid JSON: line 1, column 1: unexpected end of input, expected a value/],
    ['a list, not an object', ['--answers', 'answers.json'], answers([ok]), /answers \(document\): the answers must be a JSON object/],
    ['a wrong type', ['--answers', 'answers.json'], answers({ ...ok, port: '8000' }), /answers\/port: must be an integer from 1 to 65535, not "8000"/],
    ['an unknown key', ['--answers', 'answers.json'], answers({ ...ok, sevices: [] }), /answers\/sevices: unknown key: did you mean "services"\?/],
    ['an unknown framework', ['--answers', 'answers.json'], answers({ ...ok, framework: 'phoenix' }), /answers\/framework: must be one of: fastapi, flask, django/],
    ['an unknown service', ['--answers', 'answers.json'], answers({ ...ok, services: ['cassandra'] }), /answers\/services\/0: must be one of: postgres, mysql, mariadb, mongodb, redis, valkey, memcached, rabbitmq, not "cassandra"/],
    ['a framework of another language', ['--answers', 'answers.json'], answers({ ...ok, framework: 'nestjs' }), /answers\/framework: "nestjs" is a node framework/],
    ['a port out of range', ['--answers', 'answers.json'], answers({ ...ok, port: 70000 }), /answers\/port: must be an integer from 1 to 65535, not 70000/],
    ['a name Compose refuses', ['--answers', 'answers.json'], answers({ ...ok, name: 'Shop API' }), /answers\/name: "Shop API" can't be a Compose project or image name: .*\(for example "shop-api"\)/],
    ['an entrypoint outside the project', ['--answers', 'answers.json'], answers({ ...ok, entrypoint: '../evil:app' }), /answers\/entrypoint: must stay inside the project/],
    ['an absolute entrypoint', ['--answers', 'answers.json'], answers({ name: 'x', language: 'node', framework: 'express', entrypoint: '/etc/server.js' }), /answers\/entrypoint: must stay inside the project/],
    ['a starter with a non-npm lockfile', ['--answers', 'answers.json'], answers({ name: 'x', language: 'node', framework: 'express', packageManager: 'pnpm' }), /answers\/packageManager: the starter app comes with an npm lockfile/],
    ['a missing answers file', ['--answers', 'missing.json'], {}, /--answers: can't read missing\.json: no such file/],
    ['an answers "file" that is a folder', ['--answers', 'dir'], { '/work/dir/x': '' }, /--answers: can't read dir: it is a folder/],
    ['--out that is a file', ['--answers', 'answers.json', '--out', 'answers.json'], answers(ok), /--out: \/work\/answers\.json is a file, not a folder/],
    ['an unknown option', ['--answer', 'answers.json'], answers(ok), /Unknown option '--answer'.*\(see dockerize --help\)/],
    ['a stray argument', ['answers.json'], answers(ok), /Unexpected argument 'answers\.json'/],
    ['--force with --skip-existing', ['--answers', 'answers.json', '--force', '--skip-existing'], answers(ok), /--force and --skip-existing contradict each other/],
    ['no terminal and no --answers', [], {}, /no terminal to ask questions in: pass --yes \(detect everything\), or --answers FILE/],
  ];

  it.each(cases)('%s', async (_what, argv, files, message) => {
    const r = await cli(argv, files);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.startsWith('dockerize: ')).toBe(true);
    noStack(r.stderr);
    expect(r.stdout).toBe('');
    expect(r.files).toEqual(Object.fromEntries(Object.entries(files)));
  });

  it('a folder where a generated file goes: named, exit 2, nothing written', async () => {
    const r = await cli(['--yes'], { '/work/package.json': '{"dependencies": {"express": "5"}}', '/work/index.js': '', '/work/.env.example/notes.txt': 'mine' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dockerize: .*nothing written:\n {2}\.env\.example: is a folder, where dockerize writes a file: rename or move it, then run again\n$/);
    noStack(r.stderr);
    expect(Object.keys(r.files).sort()).toEqual(['/work/.env.example/notes.txt', '/work/index.js', '/work/package.json']);
  });

  it('an unreadable answers file', async () => {
    const denied = (fs: FsLike): FsLike => ({
      ...fs,
      readFileSync: ((p: string, e: 'utf8') => {
        if (p.endsWith('secret.json')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.readFileSync(p, e);
      }) as FsLike['readFileSync'],
    });
    const r = await cli(['--answers', 'secret.json'], { '/work/secret.json': '{}' }, { wrapFs: denied });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("dockerize: --answers: can't read secret.json: permission denied\n");
  });

  it('lists every problem of a document, each with its JSON pointer', async () => {
    const r = await cli(['--answers', 'answers.json'], answers({ name: 'X', language: 'python', framework: 'flask', port: 0, starter: 'yes' }));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  answers/'))).toHaveLength(3);
  });
});

describe('existing files', () => {
  const mine = { ...answers(ok), '/work/Dockerfile': 'FROM python:3.12\n# mine\n', '/work/.env': 'MY_KEY=1\n' };

  it('without a terminal: reports each conflict, exits 3 and writes nothing', async () => {
    const r = await cli(['--answers', 'answers.json'], mine);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/1 existing file differs from what would be written, so nothing was written:\n  conflict  Dockerfile\n/);
    expect(r.stderr).toContain('--force');
    expect(r.files).toEqual(mine);
  });

  it('--force overwrites; merged files keep the user lines', async () => {
    const r = await cli(['--answers', 'answers.json', '--force'], mine);
    expect(r.code).toBe(0);
    expect(r.files['/work/Dockerfile']).toMatch(/^# shop-api: FastAPI/);
    expect(r.files['/work/.env']).toMatch(/^MY_KEY=1\n/);
    expect(r.stdout).toMatch(/overwrite +Dockerfile/);
    expect(r.stdout).toMatch(/update +\.env/);
  });

  it("a compose.yaml of the user's own is the compose file written (docker compose would read it, not a new docker-compose.yml)", async () => {
    const theirs = { ...answers(ok), '/work/compose.yaml': 'services:\n  web:\n    build: .\n' };
    const r = await cli(['--answers', 'answers.json'], theirs);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/conflict {2}compose\.yaml\n/);
    expect(r.files).toEqual(theirs);
    const forced = await cli(['--answers', 'answers.json', '--force'], theirs);
    expect(forced.code).toBe(0);
    expect(parseYaml(forced.files['/work/compose.yaml']!).services.app.build).toBe('.');
    expect(forced.files['/work/docker-compose.yml']).toBeUndefined();
  });

  it('--skip-existing keeps the user file and writes the rest', async () => {
    const r = await cli(['--answers', 'answers.json', '--skip-existing'], mine);
    expect(r.code).toBe(0);
    expect(r.files['/work/Dockerfile']).toBe(mine['/work/Dockerfile']);
    expect(r.files['/work/docker-compose.yml']).toEqual(expect.any(String));
    expect(r.stdout).toMatch(/skip +Dockerfile/);
  });

  it('in a terminal: shows the diff on request, then does what the user chose', async () => {
    let n = 0;
    const r = await cli([], { '/work/Dockerfile': 'FROM scratch\n' }, {
      interactive: true,
      answers: { name: 'shop-api', language: 'python', framework: 'fastapi', services: [], action: () => (n++ === 0 ? 'diff' : 'skip') },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- Dockerfile (yours)');
    expect(r.stdout).toContain('+++ Dockerfile (generated)');
    expect(r.stdout).toContain('-FROM scratch');
    expect(r.files['/work/Dockerfile']).toBe('FROM scratch\n');
    expect(r.files['/work/docker-compose.yml']).toEqual(expect.any(String));
  });

  it('in a terminal: abort writes nothing', async () => {
    const before = { '/work/Dockerfile': 'FROM scratch\n' };
    const r = await cli([], before, { interactive: true, answers: { name: 'shop-api', language: 'python', framework: 'flask', action: 'abort' } });
    expect(r.code).toBe(3);
    expect(r.files).toEqual(before);
  });
});

describe('interactive questions', () => {
  it('asks the field table in order with defaults, skipping what does not apply, and validates with the shared validators', async () => {
    const r = await cli([], {}, {
      interactive: true,
      cwd: '/work/My Shop',
      answers: {
        name: (q: { initial?: unknown; validate?: (v: unknown) => unknown }) => {
          expect(q.initial).toBe('my-shop');
          expect(q.validate?.('Not Valid')).toMatch(/can't be a Compose project or image name/);
          expect(q.validate?.('my-shop')).toBe(true);
          return 'my-shop';
        },
        language: 'node',
        framework: (q: { choices?: Array<{ value: string }> }) => {
          expect(q.choices?.map((c) => c.value)).toEqual(['express', 'fastify', 'nestjs', 'nextjs']);
          return 'fastify';
        },
        services: ['redis'],
      },
    });
    expect(r.code).toBe(0);
    // No app here: the starter is offered, and with it npm (its lockfile), so the package manager is not asked.
    expect(r.asked.map((q) => q.name)).toEqual(['name', 'language', 'framework', 'services', 'port', 'runtimeVersion', 'entrypoint', 'starter', 'deploy', 'dev', 'ci']);
    expect(r.asked.find((q) => q.name === 'port')?.initial).toBe(3000);
    expect(r.files['/work/My Shop/src/server.js']).toContain("import Fastify from 'fastify'");
  });

  it('asks for the package manager, defaulting to the lockfile present, when the app exists', async () => {
    const r = await cli([], { '/work/package.json': '{"name":"x"}', '/work/yarn.lock': '' }, { interactive: true, answers: { name: 'x', language: 'node', framework: 'express' } });
    const pm = r.asked.find((q) => q.name === 'packageManager');
    expect(pm?.initial).toBe('yarn');
    expect(r.asked.map((q) => q.name)).not.toContain('starter');
    expect(r.files['/work/Dockerfile']).toContain('yarn@1.22.22 install --frozen-lockfile --production');
  });

  it('Ctrl+C cancels with nothing written', async () => {
    const r = await cli([], {}, { interactive: true, answers: { language: () => undefined, name: 'x' } });
    expect(r.code).toBe(130);
    expect(r.files).toEqual({});
  });

  it('Enter on an empty number field takes the default it shows', async () => {
    const r = await cli([], {}, { interactive: true, answers: { name: 'x', language: 'python', framework: 'fastapi', port: '', deploy: ['swarm'], replicas: '' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.asked.find((q) => q.name === 'port')?.initial).toBe(8000);
    expect(r.files['/work/docker-stack.yml']).toMatch(/replicas: 2\b/);
  });

  it('a refused answer (an empty checkbox, two alternatives) is asked again at its prompt, never after the last question', async () => {
    let deploys = 0;
    let services = 0;
    const r = await cli([], {}, {
      interactive: true,
      answers: {
        name: 'x',
        language: 'python',
        framework: 'fastapi',
        services: () => (services++ === 0 ? ['postgres', 'mysql'] : ['postgres']),
        deploy: () => (deploys++ === 0 ? [] : ['compose']),
      },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Services the app needs: "postgres" and "mysql" both give the app DATABASE_URL');
    expect(r.stderr).toContain('Deployment targets: must be a non-empty list from: compose, swarm, kubernetes');
    expect(r.asked.map((q) => q.name).filter((n) => n === 'services' || n === 'deploy')).toEqual(['services', 'services', 'deploy', 'deploy']);
    // Asked again with the refused selection shown.
    expect(r.asked.filter((q) => q.name === 'services')[1]?.choices?.filter((c) => c.selected).map((c) => c.value)).toEqual(['postgres', 'mysql']);
  });

  it('Ctrl+C in the conflict menu: exit 130, nothing written', async () => {
    const before = { '/work/Dockerfile': 'FROM scratch\n' };
    const r = await cli([], before, { interactive: true, answers: { name: 'shop-api', language: 'python', framework: 'flask', action: () => undefined } });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('cancelled, nothing written');
    expect(r.files).toEqual(before);
  });

  it("reads what `yo dockerize` stored in .yo-rc.json: the defaults in a terminal, the answers with --yes", async () => {
    const yoRc = { '/work/.yo-rc.json': JSON.stringify({ 'generator-dockerize': { name: 'orders', language: 'python', framework: 'flask', services: ['redis'], port: 5001, deploy: 'bad' } }) };
    const asked = await cli([], yoRc, { interactive: true });
    expect(asked.code, asked.stderr).toBe(0);
    const q = (name: string) => asked.asked.find((x) => x.name === name);
    expect(q('framework')?.initial).toBe('flask');
    expect(q('framework')?.message).toBe('Framework (found: .yo-rc.json)');
    expect(q('port')?.initial).toBe(5001);
    // An invalid stored answer is not offered.
    expect(q('deploy')?.initial).toEqual(['compose']);
    const yes = await cli(['--yes'], yoRc);
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.files['/work/README.Docker.md']).toMatch(/^# Running orders with Docker/);
    expect(yes.files['/work/Dockerfile']).toMatch(/gunicorn/);
    expect(Object.keys(parseYaml(yes.files['/work/docker-compose.yml']!).services).sort()).toEqual(['app', 'redis']);
  });

  it('ends with the next step, the folder shell-quoted, and the URL the app answers on', async () => {
    const r = await cli(['--answers', 'answers.json', '--out', "my app's"], answers(ok));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Written in \/work\/my app's:$/m);
    expect(r.stdout).toContain("\nNext: cd 'my app'\\''s' && docker compose up --build\nThen open http://localhost:8000 ");
  });
});

describe('writing', () => {
  it('writes each file through a temporary file and a rename', async () => {
    const calls: string[] = [];
    const spy = (fs: FsLike): FsLike => ({
      ...fs,
      writeFileSync: (p, d, o) => (calls.push(`write ${p}`), fs.writeFileSync(p, d, o)),
      renameSync: (a, b) => (calls.push(`rename ${a} -> ${b}`), fs.renameSync(a, b)),
    });
    const r = await cli(['--answers', 'answers.json'], answers(ok), { wrapFs: spy });
    expect(r.code).toBe(0);
    const writes = calls.filter((c) => c.startsWith('write'));
    expect(writes.length).toBeGreaterThan(5);
    for (const w of writes) expect(w).toMatch(/\/\.[^/]+\.dockerize-\d+-\w+\.tmp$/);
    expect(calls.filter((c) => c.startsWith('rename')).map((c) => c.replace(/^.* -> /, ''))).toContain('/work/Dockerfile');
  });

  it('an interrupted run leaves each file whole (old or new) and no temporary files', async () => {
    const before = { ...answers(ok), '/work/docker-compose.yml': 'services: {}\n', '/work/.env': 'A=1\n' };
    let renames = 0;
    const failing = (fs: FsLike): FsLike => ({
      ...fs,
      renameSync: (a, b) => {
        if (++renames === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        fs.renameSync(a, b);
      },
    });
    const r = await cli(['--answers', 'answers.json', '--force'], before, { wrapFs: failing });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dockerize: could not write docker-compose\.yml: ENOSPC: no space left on device\n/);
    noStack(r.stderr);
    expect(r.files['/work/docker-compose.yml']).toBe('services: {}\n');
    expect(r.files['/work/.env']).toBe('A=1\n');
    expect(r.files['/work/Dockerfile']).toMatch(/^# shop-api/);
    expect(Object.keys(r.files).filter((p) => p.endsWith('.tmp'))).toEqual([]);
  });

  it('an unexpected error says it is a bug and where to report it', async () => {
    const broken = (fs: FsLike): FsLike => ({
      ...fs,
      statSync: () => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      },
    });
    const r = await cli(['--answers', 'answers.json'], answers(ok), { wrapFs: broken });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dockerize: internal error\. This is a bug in generator-dockerize; please report it at https:\/\/github\.com\/.+\/issues/);
  });
});

describe('interactive questions for orchestrators', () => {
  it('asks for the image and replicas only when Swarm or Kubernetes is chosen, once', async () => {
    const r = await cli([], {}, {
      interactive: true,
      answers: { name: 'shop', language: 'python', framework: 'flask', services: ['postgres'], deploy: ['compose', 'kubernetes'], image: 'registry.example.com/shop:1.0', replicas: 3 },
    });
    expect(r.code).toBe(0);
    const names = r.asked.map((q) => q.name);
    expect(names.slice(-5)).toEqual(['deploy', 'replicas', 'dev', 'ci', 'image']);
    expect(new Set(names).size).toBe(names.length);
    expect(r.asked.find((q) => q.name === 'image')?.initial).toBe('shop:latest');
    expect(r.files['/work/k8s/app.yaml']).toContain('image: registry.example.com/shop:1.0');
    expect(r.files['/work/k8s/app.yaml']).toContain('replicas: 3');
    const plain = await cli([], {}, { interactive: true, answers: { name: 'shop', language: 'python', framework: 'flask' } });
    expect(plain.asked.map((q) => q.name)).not.toContain('image');
    // A CI workflow pushes the image, so it asks where to.
    const ci = await cli([], {}, { interactive: true, answers: { name: 'shop', language: 'python', framework: 'flask', ci: ['github'] } });
    expect(ci.asked.map((q) => q.name)).toContain('image');
    // Without Compose there is no development setup to ask for.
    const k8s = await cli([], {}, { interactive: true, answers: { name: 'shop', language: 'python', framework: 'flask', deploy: ['kubernetes'] } });
    expect(k8s.asked.map((q) => q.name)).not.toContain('dev');
    expect(k8s.asked.map((q) => q.name)).toContain('ci');
  });
});

describe('error messages', () => {
  it('stay one line per problem even when a key holds a line break', async () => {
    const r = await cli(['--answers', 'answers.json'], answers({ ...ok, env: { 'BAD\nKEY': 'x' } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('answers/env/BAD\\nKEY: "BAD\\nKEY" is not a variable name');
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });
});

describe('detection: --detect, --yes, --app, partial answers', () => {
  const django = {
    '/work/shop/manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n',
    '/work/shop/shop/settings.py': 'WSGI_APPLICATION = "shop.wsgi.application"\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}\n',
    '/work/shop/shop/wsgi.py': '',
    '/work/shop/requirements.txt': 'Django==5.1\nredis==5.2\n',
  };

  it('--detect prints one JSON object (answers keys, evidence, warnings) and writes nothing', async () => {
    const r = await cli(['--detect', '--out', 'shop'], django);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ name: 'shop', language: 'python', framework: 'django', services: ['postgres', 'redis'], entrypoint: 'shop', port: 8000 });
    expect(out.evidence.framework).toBe('manage.py; requirements.txt: Django==5.1');
    expect(r.files).toEqual(django);
  });

  it('--detect in a folder with no app: exit 2, naming what it looked for', async () => {
    const r = await cli(['--detect'], { '/work/notes.txt': 'hi' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dockerize: invalid answers, nothing written:\n {2}answers\/language: no app found here \(looked for Python: pyproject\.toml, .*; Node\.js: package\.json; Go: go\.mod[;)]/);
    expect(r.stdout).toBe('');
  });

  it('--yes writes the stack from detection alone and reports what it detected', async () => {
    const r = await cli(['--yes', '--out', 'shop'], django);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.asked).toEqual([]);
    expect(r.files['/work/shop/Dockerfile']).toContain('"shop.wsgi"');
    const compose = parseYaml(r.files['/work/shop/docker-compose.yml']!);
    expect(compose.services.app.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } });
    expect(compose.services.migrate.command).toEqual(['python', 'manage.py', 'migrate', '--noinput']);
    expect(r.stdout).toMatch(/^Detected:\n {2}language +"python" +\(requirements\.txt\)$/m);
    expect(r.stdout).toMatch(/^ {2}framework +"django" +\(manage\.py; requirements\.txt: Django==5\.1\)$/m);
  });

  it('--yes without an app: exit 2, which answer to give, nothing written', async () => {
    const r = await cli(['--yes'], { '/work/requirements.txt': 'requests\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers\/framework: no Python framework found here \(looked for FastAPI, Flask and Django\); set "framework" to one of: fastapi, flask, django/);
    expect(Object.keys(r.files)).toEqual(['/work/requirements.txt']);
  });

  it('--answers with some keys: the answers win, detection fills the rest', async () => {
    const r = await cli(['--answers', '/work/a.json', '--out', 'shop'], { ...django, '/work/a.json': JSON.stringify({ services: ['postgres'], port: 9000 }) });
    expect(r.code).toBe(0);
    const compose = parseYaml(r.files['/work/shop/docker-compose.yml']!);
    expect(Object.keys(compose.services)).toEqual(['app', 'migrate', 'postgres']);
    expect(compose.services.app.ports).toEqual(['${APP_PORT:-9000}:9000']);
    expect(r.stdout).not.toMatch(/^ {2}services /m);
    expect(r.stdout).toMatch(/^ {2}framework +"django"/m);
  });

  it('a monorepo: --yes names the apps and stops; --app picks one and puts compose at the root', async () => {
    const repo = {
      '/work/package.json': '{"private": true, "workspaces": ["apps/*"]}',
      '/work/apps/api/package.json': '{"name": "api", "scripts": {"start": "node index.js"}, "dependencies": {"express": "5"}}',
      '/work/apps/api/package-lock.json': '{}',
      '/work/apps/api/index.js': '',
      '/work/apps/web/package.json': '{"dependencies": {"next": "15"}}',
    };
    const refused = await cli(['--yes'], repo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/answers\/app: several apps are here: apps\/api \(Node\.js, Express\), apps\/web \(Node\.js, Next\.js\); choose one with --app DIR/);
    const r = await cli(['--yes', '--app', 'apps/api'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.files['/work/apps/api/Dockerfile']).toContain('CMD ["node", "index.js"]');
    expect(r.files['/work/apps/api/.dockerignore']).toBeDefined();
    expect(parseYaml(r.files['/work/docker-compose.yml']!).services.app.build).toBe('./apps/api');
    expect(r.files['/work/.env']).toBeDefined();
  });

  it('asks with detected defaults and says where they came from', async () => {
    const r = await cli(['--out', 'shop'], django, { interactive: true });
    expect(r.code).toBe(0);
    const q = (name: string) => r.asked.find((x) => x.name === name);
    expect(q('framework')).toMatchObject({ initial: 'django', message: 'Framework (found: manage.py; requirements.txt: Django==5.1)' });
    expect(q('services')?.choices?.filter((c) => c.selected).map((c) => c.value)).toEqual(['postgres', 'redis']);
    expect(q('entrypoint')).toMatchObject({ initial: 'shop' });
    expect(q('starter')).toBeUndefined();
  });

  it('refuses --detect with options that write', async () => {
    const r = await cli(['--detect', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--detect writes nothing and reads no answers/);
  });
});
