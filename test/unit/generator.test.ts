/**
 * `yo dockerize` through yeoman-test (no real `yo`; test/pack covers that).
 * yeoman-test's fake prompts skip `validate`, so validation is tested directly
 * in validate.test.ts and through the answers-file path here.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import helpers from 'yeoman-test';
import { describe, expect, it } from 'vitest';
import DockerizeGenerator from '../../src/generator/index.js';

const settings = { namespace: 'dockerize:app', resolved: join(import.meta.dirname, '../../src/generator/index.ts') };
const EXAMPLE = join(import.meta.dirname, '../../examples/fastapi-postgres-redis.json');
const read = (cwd: string, p: string) => readFileSync(join(cwd, p), 'utf8');
/** Our generator's own options (yeoman-test types only know Yeoman's). */
const opts = (o: Record<string, unknown>) => o as never;
const run = (envOptions?: Record<string, unknown>) => helpers.run(DockerizeGenerator as never, settings, envOptions as never);

describe('yo dockerize (interactive)', () => {
  it('asks the questions, writes the stack and stores the answers in .yo-rc.json', async () => {
    const r = await run().withAnswers({ name: 'orders', language: 'node', framework: 'express', services: ['postgres'], deploy: ['compose'] });
    const asked = r.askedQuestions.map((q) => q.name);
    expect(asked).toEqual(expect.arrayContaining(['name', 'language', 'framework', 'services', 'port', 'runtimeVersion', 'entrypoint', 'starter', 'deploy']));
    r.assertFile(['Dockerfile', 'docker-compose.yml', '.env', '.env.example', '.dockerignore', 'README.Docker.md', 'package.json', 'package-lock.json', 'src/server.js']);
    expect(parseYaml(read(r.cwd, 'docker-compose.yml')).services.app.depends_on.postgres.condition).toBe('service_healthy');
    const stored = JSON.parse(read(r.cwd, '.yo-rc.json'))['generator-dockerize'];
    expect(stored).toMatchObject({ name: 'orders', language: 'node', framework: 'express', services: ['postgres'], port: 3000, runtimeVersion: '24' });
  });

  it("checkbox validate gets inquirer's selected choice objects: checked as their values, at the prompt", async () => {
    const seen: Record<string, unknown> = {};
    const r = await run().withAnswers(
      { name: 'orders', language: 'python', framework: 'fastapi', services: ['postgres', 'redis'], deploy: ['compose'] },
      {
        callback: (answer, { question, answers }) => {
          const validate = (question as { validate?: (v: unknown, a: unknown) => unknown }).validate;
          if (validate && Array.isArray(answer)) {
            // What inquirer's checkbox hands validate: the selected choices, not their values.
            const choices = (values: string[]) => values.map((value) => ({ value, name: value, checked: true }));
            seen[question.name] = validate(choices(answer), answers);
            seen[`${question.name}:empty`] = validate([], answers);
            seen[`${question.name}:alternatives`] = validate(choices(['postgres', 'mysql']), answers);
          }
          return answer;
        },
      },
    );
    expect(seen.services).toBe(true);
    expect(seen.deploy).toBe(true);
    expect(seen['services:empty']).toBe(true);
    expect(seen['services:alternatives']).toMatch(/"postgres" and "mysql" both give the app DATABASE_URL/);
    expect(seen['deploy:empty']).toMatch(/^must be a non-empty list from: compose, swarm, kubernetes/);
    r.assertFile('docker-compose.yml');
  });

  it('--ask-answered asks again what .yo-rc.json answers, with its answers as the defaults', async () => {
    const r = await run()
      .withOptions(opts({ askAnswered: true }))
      .withYoRcConfig('generator-dockerize', { name: 'orders', language: 'python', framework: 'flask', services: ['redis'], port: 5001 })
      .withAnswers({});
    const q = (name: string) => r.askedQuestions.find((x) => x.name === name);
    expect(q('framework')?.answer).toBe('flask');
    expect(q('port')?.answer).toBe(5001);
    expect(q('services')?.answer).toEqual(['redis']);
  });

  it('offers the folder name as the project name and the framework port as default', async () => {
    const r = await run().withAnswers({ language: 'python', framework: 'django', services: [] });
    const stored = JSON.parse(read(r.cwd, '.yo-rc.json'))['generator-dockerize'];
    expect(stored.port).toBe(8000);
    expect(stored.name).toMatch(/^[a-z][a-z0-9_-]*$/);
    expect(read(r.cwd, 'Dockerfile')).toContain('"config.wsgi"');
  });

  it('a re-run asks nothing already answered and writes byte-identical files', async () => {
    const first = await run().withAnswers({ name: 'orders', language: 'python', framework: 'flask', services: ['redis'] });
    const files = Object.fromEntries(
      readdirSync(first.cwd, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [join(e.parentPath, e.name).slice(first.cwd.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]),
    );
    const second = await run()
      .withAnswers({}, { throwOnMissingAnswer: true })
      .doInDir((dir) => {
        for (const [p, text] of Object.entries(files)) {
          if (p.includes('/')) return;
          writeFileSync(join(dir, p), text);
        }
      });
    expect(second.askedQuestions).toEqual([]);
    for (const p of ['Dockerfile', 'docker-compose.yml', '.env', '.env.example', 'requirements.txt', 'README.Docker.md']) expect(read(second.cwd, p), p).toBe(files[p]);
  });
});

describe('yo dockerize --answers FILE', () => {
  it('asks no question at all', async () => {
    const r = await run().withOptions(opts({ answers: EXAMPLE })).withAnswers({}, { throwOnMissingAnswer: true });
    expect(r.askedQuestions).toEqual([]);
    r.assertFile(['Dockerfile', 'docker-compose.yml', '.env', 'requirements.txt', 'app/main.py']);
    const env = parseDotenv(read(r.cwd, '.env'));
    expect(env.POSTGRES_PASSWORD).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(statSync(join(r.cwd, '.env')).mode & 0o777, '.env is readable by its owner only').toBe(0o600);
    expect(statSync(join(r.cwd, 'Dockerfile')).mode & 0o777).toBe(0o644);
    expect(JSON.parse(read(r.cwd, '.yo-rc.json'))['generator-dockerize']).toMatchObject({ name: 'shop-api', framework: 'fastapi' });
  });

  it('bad answers: error code 2 naming the field, nothing written', async () => {
    const ctx = run()
      .withOptions(opts({ answers: 'answers.json' }))
      .doInDir((dir) => writeFileSync(join(dir, 'answers.json'), JSON.stringify({ name: 'x', language: 'python', framework: 'express' })));
    await expect(ctx).rejects.toMatchObject({ code: 2, message: expect.stringContaining('answers.json/framework: "express" is a node framework') });
    expect(readdirSync(ctx.targetDirectory!)).toEqual(['answers.json']);
  });

  it('invalid JSON: error code 2 with line and column', async () => {
    const ctx = run()
      .withOptions(opts({ answers: 'answers.json' }))
      .doInDir((dir) => writeFileSync(join(dir, 'answers.json'), '{"name": "x",\n"language": }'));
    await expect(ctx).rejects.toMatchObject({ code: 2, message: expect.stringMatching(/not valid JSON: line 2, column 13: unexpected "}"/) });
  });

  it('an existing file that differs: error code 3 listing it, nothing written', async () => {
    const ctx = run({ force: false })
      .withOptions(opts({ answers: EXAMPLE, force: false }))
      .doInDir((dir) => writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n'));
    await expect(ctx).rejects.toMatchObject({ code: 3, message: expect.stringContaining('conflict  Dockerfile') });
    expect(readdirSync(ctx.targetDirectory!)).toEqual(['Dockerfile']);
    expect(readFileSync(join(ctx.targetDirectory!, 'Dockerfile'), 'utf8')).toBe('FROM scratch\n');
  });

  it('--skip-existing keeps the user file and writes the rest; merged files keep user lines', async () => {
    const r = await run({ force: false })
      .withOptions(opts({ answers: EXAMPLE, skipExisting: true, force: false }))
      .doInDir((dir) => {
        writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
        writeFileSync(join(dir, '.env'), '# mine\nPOSTGRES_PASSWORD=my-own-password-000000000000\n');
      });
    expect(read(r.cwd, 'Dockerfile')).toBe('FROM scratch\n');
    expect(read(r.cwd, '.env')).toMatch(/^# mine\nPOSTGRES_PASSWORD=my-own-password-000000000000\n/);
    expect(parseDotenv(read(r.cwd, '.env')).DATABASE_URL).toContain('my-own-password-000000000000');
    expect(existsSync(join(r.cwd, 'docker-compose.yml'))).toBe(true);
  });

  it('--force overwrites', async () => {
    const r = await run({ force: true })
      .withOptions(opts({ answers: EXAMPLE }))
      .doInDir((dir) => writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n'));
    expect(read(r.cwd, 'Dockerfile')).toMatch(/^# shop-api: FastAPI/);
  });
});

describe('yo dockerize in a terminal, with existing files', () => {
  const answers = { name: 'orders', language: 'python', framework: 'flask', services: ['redis'], deploy: ['compose'] };
  const asTerminal = async <T>(fn: () => Promise<T>): Promise<T> => {
    const was = process.stdin.isTTY;
    process.stdin.isTTY = true;
    try {
      return await fn();
    } finally {
      process.stdin.isTTY = was;
    }
  };
  const existing = (dir: string) => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(dir, 'app.py'), '# my app\n');
  };

  it("Yeoman's conflict menu: abort writes nothing at all", async () => {
    const ctx = run({ force: false }).withOptions(opts({ force: false })).withAnswers({ ...answers, action: 'abort' }).doInDir(existing);
    await asTerminal(() => expect(ctx).rejects.toMatchObject({ message: 'aborted in the conflict menu: nothing written', code: 3 }));
    expect(readdirSync(ctx.targetDirectory!).sort()).toEqual(['Dockerfile', 'app.py']);
    expect(readFileSync(join(ctx.targetDirectory!, 'Dockerfile'), 'utf8')).toBe('FROM scratch\n');
  });

  it("Yeoman's conflict menu: skip keeps the file; the rest is written whole, with no temporary files left", async () => {
    const r = await asTerminal(() => run({ force: false }).withOptions(opts({ force: false })).withAnswers({ ...answers, action: 'skip' }).doInDir(existing));
    expect(read(r.cwd, 'Dockerfile')).toBe('FROM scratch\n');
    expect(read(r.cwd, 'docker-compose.yml')).toContain('services:');
    expect(readdirSync(r.cwd).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(read(r.cwd, 'app.py')).toBe('# my app\n');
  });
});

describe('yo dockerize with detection', () => {
  const django = (dir: string) => {
    writeFileSync(join(dir, 'manage.py'), 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "blog.settings")\n');
    writeFileSync(join(dir, 'requirements.txt'), 'Django==5.1\npsycopg[binary]==3.2\n');
    mkdirSync(join(dir, 'blog'));
    writeFileSync(join(dir, 'blog/settings.py'), 'WSGI_APPLICATION = "blog.wsgi.application"\n');
    writeFileSync(join(dir, 'blog/wsgi.py'), '');
  };

  it('--yes asks nothing and writes what detection found', async () => {
    const r = await run().withOptions(opts({ yes: true })).withAnswers({}, { throwOnMissingAnswer: true }).doInDir(django);
    expect(r.askedQuestions).toEqual([]);
    expect(read(r.cwd, 'Dockerfile')).toContain('"blog.wsgi"');
    expect(Object.keys(parseYaml(read(r.cwd, 'docker-compose.yml')).services)).toEqual(['app', 'migrate', 'postgres']);
    expect(JSON.parse(read(r.cwd, '.yo-rc.json'))['generator-dockerize']).toMatchObject({ language: 'python', framework: 'django', entrypoint: 'blog', services: ['postgres'] });
  });

  it('the questions default to what was detected, and say where it came from', async () => {
    const r = await run().withAnswers({ name: 'blog' }).doInDir(django);
    const q = (name: string) => r.askedQuestions.find((x) => x.name === name);
    expect(q('framework')?.answer).toBe('django');
    expect(q('services')?.answer).toEqual(['postgres']);
    expect(read(r.cwd, 'Dockerfile')).toContain('"blog.wsgi"');
  });

  it('--yes with nothing to detect: error code 2 naming the answer to give, nothing written', async () => {
    const ctx = run().withOptions(opts({ yes: true })).doInDir((dir) => writeFileSync(join(dir, 'notes.txt'), 'hi'));
    await expect(ctx).rejects.toMatchObject({ code: 2, message: expect.stringContaining('answers/language: no app found here') });
    expect(readdirSync(ctx.targetDirectory!)).toEqual(['notes.txt']);
  });
});
