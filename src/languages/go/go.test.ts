import { describe, expect, it } from 'vitest';
import { generate, seededRandom, snapshotOf, type Answers } from '../../core/index.js';
import { loadTemplates } from '../../node/templates.js';
import { importsOf, mainPackages, pickMain, goSources } from './detect.js';
import { binaryName } from './framework.js';
import { parseGoMod, withoutMajor } from './gomod.js';
import { go } from './index.js';
import { PROBE_SOURCE } from './probe.js';

const detect = (files: Record<string, string>) => go.detect(snapshotOf(files));
const main = (imports: string[] = [], body = '') => `package main\n\nimport (\n${imports.map((i) => `\t"${i}"`).join('\n')}\n)\n\nfunc main() {\n${body}\n}\n`;
const plan = (answers: Answers, files: Record<string, string>) => generate({ answers, project: snapshotOf(files), templates: loadTemplates(), random: seededRandom(1), folderName: 'svc' });
const dockerfile = (answers: Answers, files: Record<string, string>) => plan(answers, files).files.find((f) => f.path === 'Dockerfile')?.content ?? '';

describe('go.mod', () => {
  it('reads the module, go and toolchain lines and the requirements, direct apart from indirect', () => {
    const mod = parseGoMod(
      'module github.com/acme/api // the API\n\ngo 1.23.4\ntoolchain go1.24.1\n\nrequire github.com/lib/pq v1.10.9\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.2.0\n\tgolang.org/x/text v0.21.0 // indirect\n)\nreplace example.com/shared => ../shared\n',
    );
    expect(mod.module).toBe('github.com/acme/api');
    expect(mod.go).toBe('1.23.4');
    expect(mod.toolchain).toBe('go1.24.1');
    expect(mod.requires.map((r) => [r.path, r.version, r.indirect])).toEqual([
      ['github.com/lib/pq', 'v1.10.9', false],
      ['github.com/go-chi/chi/v5', 'v5.2.0', false],
      ['golang.org/x/text', 'v0.21.0', true],
    ]);
    expect(mod.localReplaces).toEqual(['../shared']);
  });

  it('drops major-version suffixes', () => {
    expect(withoutMajor('github.com/jackc/pgx/v5')).toBe('github.com/jackc/pgx');
    expect(withoutMajor('gopkg.in/redis.v5')).toBe('gopkg.in/redis');
    expect(withoutMajor('github.com/gin-gonic/gin')).toBe('github.com/gin-gonic/gin');
  });
});

describe('detecting a Go app', () => {
  it('is nothing without go.mod', () => {
    expect(detect({ 'main.go': main() })).toBeUndefined();
  });

  it('the image line: the toolchain line, else the go line as a minimum; a go line newer than every image is a problem', () => {
    const rt = (mod: string) => {
      const d = detect({ 'go.mod': `module x\n\n${mod}\n`, 'main.go': main() });
      return d?.runtimeVersion?.value ?? d?.problems?.[0]?.message;
    };
    expect(rt('go 1.24')).toBe('1.24');
    expect(rt('go 1.25.0')).toBe('1.25');
    expect(rt('go 1.21')).toBe(go.runtime.default);
    expect(rt('go 1.23.0\ntoolchain go1.25.1')).toBe('1.25');
    expect(rt('go 1.27')).toMatch(/asks for go 1\.27, newer than the Go images/);
  });

  it('frameworks by go.mod requirement or import; net/http when only the standard library serves', () => {
    const fw = (files: Record<string, string>) => detect({ 'go.mod': 'module x\n\ngo 1.24\n', ...files })?.framework?.value;
    expect(fw({ 'main.go': main(['net/http']) })).toBe('nethttp');
    expect(fw({ 'main.go': main(['net/http', 'github.com/go-chi/chi/v5']) })).toBe('chi');
    expect(fw({ 'main.go': main(['github.com/gin-gonic/gin']) })).toBe('gin');
    expect(fw({ 'main.go': main(['github.com/labstack/echo/v4']) })).toBe('echo');
    expect(fw({ 'main.go': main(['github.com/gofiber/fiber/v2']) })).toBe('fiber');
    expect(detect({ 'go.mod': 'module x\n\ngo 1.24\nrequire github.com/gin-gonic/gin v1.10.0\n', 'main.go': main() })?.framework).toEqual({ value: 'gin', evidence: 'go.mod: require github.com/gin-gonic/gin v1.10.0' });
  });

  it('services from direct requirements only', () => {
    const d = detect({
      'go.mod': 'module x\n\ngo 1.24\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.7.2\n\tgithub.com/redis/go-redis/v9 v9.7.0\n\tgithub.com/go-sql-driver/mysql v1.8.1 // indirect\n)\n',
      'main.go': main(['net/http']),
    });
    expect(d?.packages.map((p) => p.name)).toEqual(['github.com/jackc/pgx/v5', 'github.com/redis/go-redis/v9']);
  });

  it('port, health route and the variables the code reads', () => {
    const d = detect({
      'go.mod': 'module x\n\ngo 1.24\n',
      'main.go': main(['net/http', 'os'], '\tmux := http.NewServeMux()\n\tmux.HandleFunc("GET /api/users", nil)\n\tmux.HandleFunc("GET /livez", nil)\n\t_ = os.Getenv("DATABASE_URL")\n\thttp.ListenAndServe(":" + getEnv("PORT", "9000"), mux)'),
      '.env.example': 'DATABASE_URL=postgres://u:p@localhost/db\n',
    });
    expect(d?.port?.value).toBe(9000);
    expect(d?.healthPath?.value).toBe('/livez');
    expect(d?.env).toEqual([
      { key: 'DATABASE_URL', evidence: 'main.go: os.Getenv("DATABASE_URL")', inCode: true, example: 'postgres://u:p@localhost/db' },
      { key: 'PORT', evidence: 'main.go: getEnv("PORT", "9000")', inCode: true, hasDefault: true },
    ]);
  });
});

describe('main packages', () => {
  const files = {
    'go.mod': 'module github.com/acme/shop/v2\n\ngo 1.24\n',
    'cmd/worker/main.go': main(),
    'cmd/api/main.go': main(['net/http']),
    'cmd/migrate/main.go': main(),
    'internal/db/db.go': 'package db\n',
    'internal/db/db_test.go': 'package db\n',
    'examples/demo/main.go': main(),
    'tools/gen/main.go': main(),
    'vendor/x/main.go': main(),
  };

  it('are found under cmd/ and the root, never in examples, tools or vendor', () => {
    const sources = goSources(snapshotOf(files));
    expect(sources.map((s) => s.path).sort()).toEqual(['cmd/api/main.go', 'cmd/migrate/main.go', 'cmd/worker/main.go', 'internal/db/db.go']);
    expect(mainPackages(sources)).toEqual(['./cmd/api', './cmd/migrate', './cmd/worker']);
  });

  it('several: the root, then one named after the module, then a server-like name, then the first; and a warning says so', () => {
    expect(pickMain(['.', './cmd/api'], 'm')?.value).toBe('.');
    expect(pickMain(['./cmd/shop', './cmd/api'], 'github.com/acme/shop/v2')?.value).toBe('./cmd/shop');
    expect(pickMain(['./cmd/migrate', './cmd/worker', './cmd/web'], 'x')).toEqual({ value: './cmd/web', rule: '"web" is the most server-like name' });
    expect(pickMain(['./cmd/a', './cmd/b'], 'x')).toEqual({ value: './cmd/a', rule: 'the first in alphabetical order' });
    const d = detect(files);
    expect(d?.entrypoint?.value).toBe('./cmd/api');
    expect(d?.warnings).toContain('several main packages (./cmd/api, ./cmd/migrate, ./cmd/worker): building ./cmd/api, since "api" is the most server-like name; set "entrypoint" to build another');
  });

  it('binary names', () => {
    expect(binaryName('.')).toBe('server');
    expect(binaryName('./cmd/api')).toBe('api');
  });

  it('imports, single and grouped', () => {
    expect(importsOf('package x\nimport "fmt"\nimport chi "github.com/go-chi/chi/v5"\nimport (\n\t"os"\n\tr "github.com/redis/go-redis/v9"\n)\n').sort()).toEqual(['fmt', 'github.com/go-chi/chi/v5', 'github.com/redis/go-redis/v9', 'os']);
  });
});

describe('the Go Dockerfile', () => {
  const app = { 'go.mod': 'module x\n\ngo 1.24\nrequire github.com/go-chi/chi/v5 v5.2.0\n', 'go.sum': 'github.com/go-chi/chi/v5 v5.2.0 h1:x=\n', 'main.go': main(['github.com/go-chi/chi/v5']) };

  it('downloads modules from go.mod and go.sum before the code, builds static with both caches, runs on distroless as nonroot', () => {
    const text = dockerfile({}, app);
    expect(text).toMatch(/COPY go\.mod go\.sum \.\/\nRUN --mount=type=cache,target=\/go\/pkg\/mod \\\n {4}go mod download\nCOPY \. \./);
    expect(text).toContain('CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server .');
    expect(text).toContain('--mount=type=cache,target=/root/.cache/go-build');
    expect(text).toContain('FROM gcr.io/distroless/static-debian12:nonroot\n');
    expect(text).toContain('USER 65532:65532');
    expect(text).toMatch(/CMD \["\/app\/server"\]\n$/);
  });

  it('cgo (go-sqlite3): a bookworm build and distroless base, whose glibc matches', () => {
    const text = dockerfile({}, { ...app, 'go.mod': `${app['go.mod']}require github.com/mattn/go-sqlite3 v1.14.22\n` });
    expect(text).toContain('FROM golang:1.24-bookworm AS build');
    expect(text).toContain('CGO_ENABLED=1 go build');
    expect(text).toContain('FROM gcr.io/distroless/base-debian12:nonroot');
  });

  it('vendor/: no download, -mod=vendor', () => {
    const text = dockerfile({}, { ...app, 'vendor/modules.txt': '# github.com/go-chi/chi/v5 v5.2.0\n' });
    expect(text).not.toContain('go mod download');
    expect(text).toContain('go build -mod=vendor -trimpath');
  });

  it('no modules: nothing to download', () => {
    const text = dockerfile({}, { 'go.mod': 'module x\n\ngo 1.24\n', 'main.go': main(['net/http']) });
    expect(text).not.toContain('go mod download');
    expect(text).not.toContain('COPY go.mod');
  });

  it('copies the run-time folders the code does not embed', () => {
    const files = { ...app, 'templates/index.html': '<h1>', 'static/app.css': '', 'migrations/1.sql': '' };
    const embedded = { ...files, 'main.go': `${app['main.go']}\n//go:embed static\nvar static embed.FS\n` };
    expect(dockerfile({}, files)).toMatch(/COPY templates \.\/templates\n.*\nCOPY static \.\/static/s);
    expect(dockerfile({}, embedded)).not.toContain('COPY static');
  });

  it('the probe is standard library only and has no single quote (it is printf\'d in the Dockerfile)', () => {
    const imports = PROBE_SOURCE.filter((l) => /^"/.test(l));
    expect(imports.every((l) => !l.includes('.'))).toBe(true);
    expect(PROBE_SOURCE.some((l) => l.includes("'"))).toBe(false);
    expect(go.healthcheck(8080, '/health', false)).toEqual(['/usr/local/bin/healthcheck', '8080', '/health', '400']);
    expect(go.healthcheck(8080, '/', true)).toEqual(['/usr/local/bin/healthcheck', '8080', '/', '500']);
  });
});

describe('notes', () => {
  it('godotenv.Load() with a fatal error: the image has no .env', () => {
    const files = { 'go.mod': 'module x\n\ngo 1.24\nrequire github.com/joho/godotenv v1.5.1\n', 'main.go': main(['log', 'net/http', 'github.com/joho/godotenv'], '\tif err := godotenv.Load(); err != nil {\n\t\tlog.Fatal(err)\n\t}') };
    expect(plan({}, files).notes.join('\n')).toContain('main.go loads .env with godotenv, but the image has no .env');
  });
});

describe('the Go starter', () => {
  it('a net/http app with go.mod and no third-party module, whatever framework was asked', () => {
    const p = plan({ language: 'go', framework: 'gin', services: ['postgres', 'redis'], entrypoint: './cmd/api' }, {});
    const paths = p.files.filter((f) => f.kind === 'starter').map((f) => f.path);
    expect(paths).toEqual(['go.mod', 'cmd/api/main.go', 'cmd/api/health.go']);
    const gomod = p.files.find((f) => f.path === 'go.mod')?.content;
    expect(gomod).toBe('module svc\n\ngo 1.24\n');
    const sources = p.files.filter((f) => f.path.endsWith('.go')).map((f) => f.content).join('\n');
    expect(importsOf(sources).every((i) => !i.includes('.'))).toBe(true);
    expect(sources).toContain('"postgres": func');
    expect(sources).toContain('"redis": func');
    expect(p.files.find((f) => f.path === 'Dockerfile')?.content).toContain('-o /out/api ./cmd/api');
  });
});
