import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJson } from '../../src/core/json.js';
import { normaliseName, validateAnswers, validators } from '../../src/core/index.js';

const base = { name: 'shop-api', language: 'python', framework: 'fastapi' };

/** The errors validateAnswers reports for a document, as "pointer: message". */
function errorsOf(doc: unknown): string[] {
  const r = validateAnswers(doc);
  return r.ok ? [] : r.errors.map((e) => `${e.pointer}: ${e.message}`);
}

describe('validateAnswers', () => {
  it('accepts the minimal answers and the full example', () => {
    expect(errorsOf(base)).toEqual([]);
    expect(errorsOf({ ...base, services: ['postgres', 'redis'], port: 8000, $schema: './x.json' })).toEqual([]);
  });

  it.each([[[]], ['answers'], [42], [null], [true]])('refuses a document that is not an object: %j', (doc) => {
    const errors = errorsOf(doc);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^: the answers must be a JSON object like \{"name"/);
  });

  it('requires no key: detection and defaults fill what the answers leave out', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ framework: 'django' })).toEqual([]);
  });

  it('takes the language from the framework when the answers leave it out', () => {
    expect(errorsOf({ framework: 'django', runtimeVersion: '24' })).toEqual(['/runtimeVersion: must be one of: 3.11, 3.12, 3.13, 3.14 (supported python versions), given as a string, not "24"']);
    expect(errorsOf({ framework: 'express', packageManager: 'pnpm' })).toEqual([]);
  });

  it('checks the app folder of a monorepo', () => {
    expect(errorsOf({ app: 'backend' })).toEqual([]);
    expect(errorsOf({ app: 'apps/api' })).toEqual([]);
    for (const bad of ['../up', '/abs', 'a/../b', '', 'a\\b']) expect(errorsOf({ app: bad })[0], bad).toMatch(/^\/app: must be a folder inside the repository/);
  });

  it('reports unknown keys with the closest valid key and the allowed list', () => {
    const [porrt, framwork] = errorsOf({ ...base, porrt: 80, framwork: 'x' });
    expect(porrt).toMatch(/^\/porrt: unknown key: did you mean "port"\? Allowed keys: app, name, language, framework, services, port/);
    expect(framwork).toMatch(/^\/framwork: unknown key: did you mean "framework"\?/);
    expect(errorsOf({ ...base, zzzzzzzz: 1 })[0]).toMatch(/^\/zzzzzzzz: unknown key Allowed keys:/);
  });

  it('escapes JSON pointers (~ and /)', () => {
    expect(errorsOf({ ...base, 'a/b~c': 1 })[0]).toMatch(/^\/a~1b~0c: unknown key/);
  });

  it('lists the valid languages, frameworks and services', () => {
    expect(errorsOf({ ...base, language: 'elixir' })).toContain('/language: must be one of: python, node, go, rust, dotnet, ruby, php, java, not "elixir"');
    expect(errorsOf({ ...base, framework: 'phoenix' })).toEqual(['/framework: must be one of: fastapi, flask, django (the python frameworks), not "phoenix"']);
    const all = 'postgres, mysql, mariadb, mongodb, redis, valkey, memcached, rabbitmq';
    expect(errorsOf({ ...base, services: ['postgres', 'cassandra'] })).toEqual([`/services/1: must be one of: ${all}, not "cassandra"`]);
    expect(errorsOf({ ...base, services: ['postgres', 'mysql'] })).toEqual(['/services: "postgres" and "mysql" both give the app DATABASE_URL: they are alternatives, pick one']);
    expect(errorsOf({ ...base, services: ['redis', 'valkey'] })).toEqual(['/services: "redis" and "valkey" both give the app REDIS_URL: they are alternatives, pick one']);
    expect(errorsOf({ ...base, services: ['redis', 'redis'] })).toEqual(['/services/1: lists "redis" twice']);
    expect(errorsOf({ ...base, services: 'postgres' })).toEqual([`/services: must be a list of services from: ${all} (an empty list is fine), not "postgres"`]);
  });

  it('refuses a framework of another language and says how to fix it', () => {
    expect(errorsOf({ ...base, framework: 'express' })).toEqual([
      '/framework: "express" is a node framework, but language is "python": pick one of fastapi, flask, django, or set language to "node"',
    ]);
  });

  it.each([0, 65536, 80.5, -1, '8000', null, true])('refuses port %j', (port) => {
    expect(errorsOf({ ...base, port })).toEqual([expect.stringMatching(/^\/port: must be an integer from 1 to 65535, not /)]);
  });

  it.each([1, 80, 65535])('accepts port %j', (port) => {
    expect(errorsOf({ ...base, port })).toEqual([]);
  });

  it('names the type it got', () => {
    expect(errorsOf({ ...base, port: '8000' })).toEqual(['/port: must be an integer from 1 to 65535, not "8000"']);
    expect(errorsOf({ ...base, starter: 'yes' })).toEqual(['/starter: must be true or false, not "yes"']);
    expect(errorsOf({ ...base, exposeServices: 1 })).toEqual(['/exposeServices: must be true or false, not 1 (a number)']);
  });

  it.each([
    ['My App', 'my-app'],
    ['shop api!', 'shop-api'],
    ['-dash', 'dash'],
    ['Ünïcôdé', 'unicode'],
    ['9lives', 'lives'],
    ['trailing-', 'trailing'],
    ['a__b', null],
    ['a', null],
  ])('name %j: refused with a fix (%s), or accepted', (name, suggestion) => {
    const errors = errorsOf({ ...base, name });
    if (suggestion === null) expect(errors).toEqual([]);
    else expect(errors).toEqual([expect.stringContaining(`can't be a Compose project or image name: use lowercase letters, digits, "-" and "_"`)]), expect(errors[0]).toContain(`(for example "${suggestion}")`);
  });

  it('refuses names too long for Kubernetes and Compose', () => {
    expect(errorsOf({ ...base, name: 'a'.repeat(51) })[0]).toMatch(/^\/name: .* at most 50 characters/);
    expect(errorsOf({ ...base, name: 'a'.repeat(50) })).toEqual([]);
  });

  it('refuses entry points that escape the project', () => {
    const node = { name: 'x', language: 'node', framework: 'express' };
    for (const entrypoint of ['../server.js', '/srv/server.js', 'src/../../server.js', 'src\\server.js']) {
      expect(errorsOf({ ...node, entrypoint })).toEqual([expect.stringMatching(/^\/entrypoint: must stay inside the project: a relative path with "\/" separators, no "\.\." and not absolute/)]);
    }
    expect(errorsOf({ ...node, entrypoint: 'src/server.ts' })[0]).toMatch(/^\/entrypoint: must be a relative path of a JavaScript file/);
    expect(errorsOf({ ...node, entrypoint: 'src/server.mjs' })).toEqual([]);
  });

  it('checks entry points against the framework', () => {
    expect(errorsOf({ ...base, entrypoint: 'app/main.py' })[0]).toMatch(/^\/entrypoint: must be package\.module:attribute/);
    expect(errorsOf({ ...base, entrypoint: 'class.main:app' })[0]).toMatch(/not reserved words/);
    expect(errorsOf({ ...base, entrypoint: 'service.main:api' })).toEqual([]);
    expect(errorsOf({ ...base, framework: 'django', entrypoint: 'config/wsgi.py' })[0]).toMatch(/^\/entrypoint: must be a dotted Python package name .*, or "package\.asgi:application"/);
    expect(errorsOf({ ...base, framework: 'django', entrypoint: 'config.asgi:application' })).toEqual([]);
    expect(errorsOf({ name: 'x', language: 'node', framework: 'nestjs', entrypoint: 'main.js' })[0]).toMatch(/inside the build output folder, for example "dist\/main\.js"/);
    expect(errorsOf({ name: 'x', language: 'node', framework: 'nextjs', entrypoint: 'index.js' })[0]).toMatch(/is fixed to "server\.js" for Next\.js/);
  });

  it('checks the command is an exec-form list of non-empty strings', () => {
    expect(errorsOf({ ...base, command: 'uvicorn app:app' })[0]).toMatch(/^\/command: must be a list of 1 to 64 non-empty strings/);
    expect(errorsOf({ ...base, command: [] })[0]).toMatch(/^\/command: must be a list/);
    expect(errorsOf({ ...base, command: ['ok', ''] })).toEqual(['/command/1: must be a non-empty string, not ""']);
    expect(errorsOf({ ...base, command: ['a\u0000b'] })).toEqual(['/command/0: contains a NUL character']);
    expect(errorsOf({ ...base, command: ['sh', '-c', 'echo "$HOME" # ok'] })).toEqual([]);
  });

  it('checks the health path', () => {
    for (const healthPath of ['health', '/health/', '/health?full=1', '/../x', '/a b', '//x']) {
      expect(errorsOf({ ...base, healthPath })[0]).toMatch(/^\/healthPath: must be a URL path like "\/health"/);
    }
    for (const healthPath of ['/', '/health', '/api/v1/health-check', '/_status']) expect(errorsOf({ ...base, healthPath })).toEqual([]);
  });

  it('checks env names, reserved names and values .env can hold', () => {
    expect(errorsOf({ ...base, env: { '1X': 'a' } })).toEqual(['/env/1X: "1X" is not a variable name: use letters, digits and "_", not starting with a digit']);
    expect(errorsOf({ ...base, env: { DATABASE_URL: 'x' } })).toEqual(['/env/DATABASE_URL: DATABASE_URL is written by the generator itself; remove it from env']);
    // Keys the image, Docker or Compose own: refused with the reason, the same way by the schema.
    expect(errorsOf({ ...base, env: { PATH: '/x' } })).toEqual(["/env/PATH: PATH can't be set here: the image's own search path for programs: setting it in .env would hide the runtime; remove it from env"]);
    expect(errorsOf({ ...base, env: { COMPOSE_FILE: 'x.yml' } })[0]).toMatch(/^\/env\/COMPOSE_FILE: COMPOSE_FILE can't be set here: Compose reads COMPOSE_\* and DOCKER_\* from \.env to configure itself/);
    expect(errorsOf({ ...base, env: { DOCKER_HOST: 'tcp://x' } })).toHaveLength(1);
    expect(errorsOf({ ...base, env: { COMPOSER_HOME: '/x', MY_PATH: '/x' } })).toEqual([]);
    expect(errorsOf({ ...base, env: { A: 1 } })).toEqual(['/env/A: must be a string, not 1 (a number)']);
    expect(errorsOf({ ...base, env: { A: `it's "both"` } })[0]).toMatch(/^\/env\/A: can't be written to \.env/);
    expect(errorsOf({ ...base, env: { A: 'line\nbreak' } })[0]).toMatch(/^\/env\/A: can't be written/);
    expect(errorsOf({ ...base, env: { A: "it's", B: 'say "hi" $HOME', C: 'plain', D: '' } })).toEqual([]);
    expect(errorsOf({ ...base, env: ['A=1'] })).toEqual(['/env: must be an object of NAME: "value" pairs, not a list']);
  });

  it('checks packageManager, runtimeVersion, deploy, replicas and image', () => {
    expect(errorsOf({ ...base, packageManager: 'npm' })).toEqual(['/packageManager: must be one of: pip, uv, poetry, pipenv, pdm, not "npm"']);
    expect(errorsOf({ ...base, packageManager: 'uv' })).toEqual([]);
    expect(errorsOf({ name: 'x', language: 'node', framework: 'express', packageManager: 'deno' })).toEqual(['/packageManager: must be one of: npm, yarn, pnpm, bun, not "deno"']);
    expect(errorsOf({ name: 'x', language: 'node', framework: 'express', packageManager: 'bun' })).toEqual([]);
    expect(errorsOf({ ...base, runtimeVersion: '2.7' })).toEqual(['/runtimeVersion: must be one of: 3.11, 3.12, 3.13, 3.14 (supported python versions), given as a string, not "2.7"']);
    expect(errorsOf({ ...base, runtimeVersion: 3.12 })[0]).toMatch(/given as a string, not 3\.12 \(a number\)/);
    expect(errorsOf({ ...base, deploy: ['heroku'] })).toEqual(['/deploy/0: must be one of: compose, swarm, kubernetes, not "heroku"']);
    expect(errorsOf({ ...base, deploy: [] })[0]).toMatch(/^\/deploy: must be a non-empty list/);
    expect(errorsOf({ ...base, replicas: 0 })).toEqual(['/replicas: must be an integer from 1 to 100, not 0 (a number)']);
    expect(errorsOf({ ...base, image: 'Registry/App' })[0]).toMatch(/^\/image: must be an image reference like/);
    expect(errorsOf({ ...base, image: 'registry.example.com:5000/team/shop-api:1.2.3' })).toEqual([]);
  });

  it('reports every problem at once, not just the first', () => {
    expect(errorsOf({ name: 'Bad Name', language: 'python', framework: 'express', port: 0, extra: 1 })).toHaveLength(4);
  });
});

describe('validators (what the prompts call)', () => {
  it('return undefined for good values and a message for bad ones', () => {
    expect(validators.name('shop-api', {})).toBeUndefined();
    expect(validators.name('Shop API', {})).toMatch(/for example "shop-api"/);
    expect(validators.framework('django', { language: 'node' })).toMatch(/is a python framework/);
    expect(validators.port(3000, {})).toBeUndefined();
  });
});

describe('normaliseName', () => {
  it.each([
    ['My Project', 'my-project'],
    ['shop_api', 'shop_api'],
    ['__x__', 'x'],
    ['123', ''],
    ['a'.repeat(80), 'a'.repeat(50)],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
    if (expected) expect(validators.name(expected, {})).toBeUndefined();
  });
});

describe('parseJson', () => {
  it.each([
    ['{"a": 1,}', 'line 1, column 9: unexpected "}", expected another key (no trailing comma before })'],
    ['{\n  "a": \'x\'\n}', 'line 2, column 8: unexpected "\'", expected a value (strings use double quotes)'],
    ['[1, 2,]', 'line 1, column 7: unexpected "]", expected another value (no trailing comma before ])'],
    ['{"a" 1}', 'line 1, column 6: unexpected "1", expected ":" after the key'],
    ['{"a": "tab\there"}', 'line 1, column 11: unexpected "\\t", expected no control characters or line breaks inside a string (use \\n)'],
    ['{} {}', 'line 1, column 4: unexpected "{", expected the end of the document (one JSON value only)'],
    ['{"a": tru}', 'line 1, column 10: unexpected "}", expected "true"'],
    ['', 'line 1, column 1: unexpected end of input, expected a value (object, array, "string", number, true, false or null)'],
    ['{"a": "\\x"}', 'line 1, column 9: unexpected "x", expected an escape like \\" \\\\ \\n'],
  ])('locates the error in %j', (text, message) => {
    expect(parseJson(text)).toEqual({ ok: false, message });
  });

  it('parses valid JSON (and a leading BOM) like JSON.parse', () => {
    expect(parseJson('\uFEFF{"a": [1, "x", null, true, -1.5e3]}')).toEqual({ ok: true, value: { a: [1, 'x', null, true, -1500] } });
  });

  it('finds an error wherever JSON.parse finds one (property, 3000 corrupted documents)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom(',', '}', ']', '"', "'", ':', 'x', '\n', '{', '[', ''), (value, at, junk) => {
        const text = JSON.stringify(value, null, 1);
        const pos = at % (text.length + 1);
        const broken = text.slice(0, pos) + junk + text.slice(pos + (junk === '' ? 1 : 0));
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        const r = parseJson(broken);
        expect(r.ok).toBe(valid);
        if (!r.ok) expect(r.message).toMatch(/^line \d+, column \d+: (unexpected|invalid)/);
      }),
      { numRuns: 3000 },
    );
  });
});
