/** fast-check arbitraries for answers: valid ones over every key, and invalid or random documents. */
import fc from 'fast-check';
import { DEPLOY_TARGETS } from '../../src/core/answers.js';
import { formatEnvValue } from '../../src/core/dotenv.js';
import type { Answers } from '../../src/core/index.js';
import { FRAMEWORK_IDS, SERVICE_IDS, findFramework } from '../../src/core/registry.js';
import { compatible } from './cases.js';
import { validateEnvEntries } from '../../src/core/validate.js';
import { PYTHON_KEYWORDS } from '../../src/languages/python/names.js';

const lower = 'abcdefghijklmnopqrstuvwxyz';
const digits = '0123456789';
const chars = (set: string, min: number, max: number) => fc.string({ unit: fc.constantFrom(...set), minLength: min, maxLength: max });

export const validName = fc
  .tuple(chars(lower, 1, 1), chars(lower + digits, 0, 8), fc.array(fc.tuple(fc.constantFrom('_', '-', '--', '__'), chars(lower + digits, 1, 5)), { maxLength: 3 }))
  .map(([a, b, parts]) => `${a}${b}${parts.map(([s, p]) => s + p).join('')}`)
  .filter((n) => n.length <= 50);

const pyIdent = fc
  .tuple(chars(`${lower}_ABCXYZ`, 1, 1), chars(`${lower}_0123`, 0, 6))
  .map(([a, b]) => a + b)
  .filter((s) => !(PYTHON_KEYWORDS as readonly string[]).includes(s));
const pyModule = fc.array(pyIdent, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const pathPart = fc.tuple(chars(`${lower}${digits}_@+-`, 1, 1), chars(`${lower}${digits}._@+-`, 0, 6)).map(([a, b]) => a + b);
const nodeFile = fc
  .tuple(fc.array(pathPart, { maxLength: 2 }), pathPart, fc.constantFrom('.js', '.mjs', '.cjs'))
  .map(([dirs, base, ext]) => [...dirs, base + ext].join('/'));
const nestFile = fc.tuple(pathPart, fc.array(pathPart, { maxLength: 1 }), pathPart).map(([top, dirs, base]) => [top, ...dirs, `${base}.js`].join('/'));

/** Entry points of the kinds each framework takes (by the language's own rules). */
function entrypointFor(id: string): fc.Arbitrary<string> {
  switch (id) {
    case 'fastapi':
    case 'flask':
      return fc.tuple(pyModule, pyIdent, fc.boolean()).map(([m, a, factory]) => `${m}:${a}${factory ? '()' : ''}`);
    case 'django':
      return pyModule;
    case 'nestjs':
      return nestFile;
    case 'nextjs':
      return fc.constant('server.js');
    case 'nethttp':
    case 'chi':
    case 'gin':
    case 'echo':
    case 'fiber':
      // A Go main package: the root, or a folder below it.
      return fc.oneof(fc.constant('.'), fc.array(pathPart.filter((p) => /^[a-z0-9_-][a-z0-9._-]*$/.test(p)), { minLength: 1, maxLength: 2 }).map((p) => `./${p.join('/')}`));
    case 'axum':
    case 'actix-web':
    case 'rocket':
    case 'warp':
      // A Rust binary target's name.
      return pathPart.filter((p) => /^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(p));
    case 'aspnetcore':
    case 'aspnetcore-mvc': {
      // A .NET project file, at the root or in folders below it.
      const part = pathPart.filter((p) => /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(p) && !p.endsWith('.'));
      return fc.tuple(fc.array(part, { maxLength: 2 }), part).map(([dirs, base]) => [...dirs, `${base}.csproj`].join('/'));
    }
    case 'rails':
      // Fixed: a Rails app starts through bin/rails server.
      return fc.constant('config.ru');
    case 'rack':
    case 'sinatra':
    case 'ruby-stdlib': {
      // A rackup file (Rack, Sinatra) or a Ruby file (Sinatra, the standard-library server), at the root or below it.
      const part = pathPart.filter((p) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(p));
      const exts = id === 'rack' ? ['.ru'] : id === 'sinatra' ? ['.ru', '.rb'] : ['.rb'];
      return fc.tuple(fc.array(part, { maxLength: 2 }), part, fc.constantFrom(...exts)).map(([dirs, base, ext]) => [...dirs, `${base}${ext}`].join('/'));
    }
    case 'express':
    case 'fastify':
      return nodeFile;
    default: {
      // Any other framework: values its own rules accept (the rules the validator and the schema use), else its fixed default.
      const spec = findFramework(id)?.framework.entrypoint;
      if (!spec || spec.rules.length === 0) return fc.constant(spec?.default ?? '.');
      const rules = spec.rules.map((r) => new RegExp(r.pattern));
      // Paths and names with the extensions entry points have; those the rules refuse are dropped (the default always passes).
      const candidate = fc
        .tuple(fc.array(pathPart, { maxLength: 2 }), pathPart, fc.constantFrom('', '.php', '.java', '.jar', '.py', '.rb', '.js'))
        .map(([dirs, base, ext]) => [...dirs, base + ext].join('/'));
      return fc.oneof(fc.constant(spec.default), candidate.map((v) => (rules.every((re) => re.test(v)) ? v : spec.default)));
    }
  }
}

const appFolder = fc.oneof(fc.constant('.'), fc.array(pathPart, { minLength: 1, maxLength: 2 }).map((p) => p.join('/')));

/** Strings as nasty as JSON allows: quotes, $, #, :, newlines, unicode, YAML and EJS specials. */
export const nastyString = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
  fc.constantFrom(`it's "quoted"`, '$HOME ${PATH} $$', '# not a comment', 'a: b', '- ? & * ! | > % @', '<%= process.exit(1) %>', '\\n\\\\', 'line\nbreak', 'ünïcødé ☃ 🐳', '`rm -rf /`', "'; DROP TABLE x; --"),
).filter((s) => s.length > 0 && !s.includes('\0'));

const envKey = fc
  .tuple(chars(`ABCDEFGHIJKLMNOPQRSTUVWXYZ_`, 1, 1), chars(`ABCDEFGHIJKLMNOPQRSTUVWXYZ_${digits}`, 0, 10))
  .map(([a, b]) => a + b)
  // Keys the generator, the image or Compose own are refused (validate.test.ts shows which).
  .filter((k) => validateEnvEntries({ [k]: 'x' }) === undefined);
const envValue = nastyString.filter((v) => formatEnvValue(v) !== undefined && v.length <= 4096);

const healthPath = fc.oneof(
  fc.constant('/'),
  fc.array(fc.tuple(chars(`${lower}${digits}_~-`, 1, 1), chars(`${lower}${digits}._~-`, 0, 6)).map(([a, b]) => a + b), { minLength: 1, maxLength: 3 }).map((p) => `/${p.join('/')}`),
);

const imageRef = fc
  .tuple(fc.option(fc.constantFrom('registry.example.com/', 'localhost:5000/', 'ghcr.io/team/')), validName, fc.option(fc.constantFrom(':1.0', ':latest', ':v2.3.4-rc1')))
  .map(([r, n, t]) => `${r ?? ''}${n.replace(/_+/g, '-').replace(/-+/g, '-')}${t ?? ''}`);

/** A valid answers document, with any subset of the optional keys. */
export const validAnswers: fc.Arbitrary<Answers> = fc.constantFrom(...FRAMEWORK_IDS).chain((framework) => {
  const { provider } = findFramework(framework)!;
  return fc
    .record(
      {
        app: appFolder,
        name: validName,
        // A framework names its language: the answers may leave it out.
        language: fc.constantFrom(provider.id, undefined),
        // Alternatives (two services giving the app one URL variable) are refused: the first is kept.
        services: fc.subarray([...SERVICE_IDS]).map(compatible),
        port: fc.integer({ min: 1, max: 65535 }),
        runtimeVersion: fc.constantFrom(...provider.runtime.supported),
        packageManager: provider.packageManagers.length ? fc.constantFrom(...provider.packageManagers) : fc.constant(undefined),
        entrypoint: entrypointFor(framework),
        command: fc.array(nastyString, { minLength: 1, maxLength: 4 }),
        healthPath,
        starter: fc.boolean(),
        env: fc.dictionary(envKey, envValue, { maxKeys: 4 }),
        exposeServices: fc.boolean(),
        deploy: fc.subarray([...DEPLOY_TARGETS], { minLength: 1 }),
        replicas: fc.integer({ min: 1, max: 100 }),
        image: imageRef,
      },
      { requiredKeys: ['name', 'services'] },
    )
    .map((r) => {
      const a: Record<string, unknown> = { ...r, framework };
      for (const [k, v] of Object.entries(a)) if (v === undefined) delete a[k];
      // The Node starter ships an npm lockfile: another manager needs starter: false (a documented rule).
      if (a.packageManager && a.packageManager !== 'npm') a.starter = false;
      return a as unknown as Answers;
    });
});

/** Values that are wrong for some key: wrong types, out of range, malformed. */
const badValue = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('rails'),
  fc.constant(0),
  fc.constant(65536),
  fc.constant(80.5),
  fc.constant(-1),
  fc.constant('8000'),
  fc.constant([]),
  fc.constant(['mysql']),
  fc.constant(['postgres', 'postgres']),
  fc.constant({}),
  fc.constant({ 'BAD-KEY': 'x' }),
  fc.constant({ DATABASE_URL: 'x' }),
  fc.constant({ A: `it's "both"` + '\n' }),
  fc.constant('../escape.js'),
  fc.constant('/abs/app.js'),
  fc.constant('My App'),
  fc.constant('UPPER'),
  fc.constant('-dash'),
  fc.constant('a'.repeat(51)),
  fc.constant('class:app'),
  fc.constant('/health?x=1'),
  fc.constant('/health/'),
  fc.constant(true),
  fc.constant([1, 2]),
  fc.constant(['']),
  fc.constant('Registry/App:1'),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
);

const keyNames = ['app', 'name', 'language', 'framework', 'services', 'port', 'runtimeVersion', 'packageManager', 'entrypoint', 'command', 'healthPath', 'starter', 'env', 'exposeServices', 'deploy', 'replicas', 'image'] as const;

/** A valid document with one key corrupted, dropped, or an unknown key added. */
export const invalidAnswers: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(validAnswers, fc.constantFrom(...keyNames), badValue).map(([a, k, v]) => ({ ...a, [k]: v })),
  // A language that contradicts the framework.
  fc.tuple(validAnswers, fc.constantFrom('python', 'node', 'go', 'rust')).map(([a, language]) => ({ ...a, language })).filter((a) => findFramework(a.framework)?.provider.id !== a.language),
  fc.tuple(validAnswers, fc.constantFrom('porrt', 'framwork', 'service', 'Name', 'extra', 'version', '__proto__x')).map(([a, k]) => ({ ...a, [k]: 1 })),
);

/** Any JSON document: arrays, scalars, objects with random keys. */
export const randomJson: fc.Arbitrary<unknown> = fc.jsonValue();

/** A mix for schema-equivalence checks: valid, corrupted, and random documents. */
export const anyDocument: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validAnswers, weight: 3 },
  { arbitrary: invalidAnswers, weight: 4 },
  { arbitrary: randomJson, weight: 1 },
);
