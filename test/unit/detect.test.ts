/** Detection across languages: which one, which folder of a monorepo, which services, and what it never reads. */
import { describe, expect, it } from 'vitest';
import { detect, detectAnswers, InputError, snapshotOf, type ProjectSnapshot } from '../../src/core/index.js';
import { providers } from '../../src/core/registry.js';

const pkg = (p: Record<string, unknown>) => JSON.stringify(p);

describe('which language', () => {
  it('prefers the language with a framework over one with only manifests, and warns about the other', () => {
    const d = detect(snapshotOf({ 'requirements.txt': 'Django\n', 'manage.py': 'x', 'package.json': pkg({ devDependencies: { tailwindcss: '3' } }) }));
    expect(d.language).toBe('python');
    expect(d.warnings).toContain('Node.js files are here too (package.json): using Python; set "language" to choose');
  });

  it('breaks a tie by registry order', () => {
    const d = detect(snapshotOf({ 'requirements.txt': 'flask\n', 'package.json': pkg({ dependencies: { express: '5' } }) }));
    expect(d.language).toBe(providers[0]!.id);
  });
});

describe('monorepos', () => {
  const twoApps = {
    'package.json': pkg({ private: true, workspaces: ['apps/*'] }),
    'apps/api/package.json': pkg({ dependencies: { fastify: '5' } }),
    'apps/web/package.json': pkg({ dependencies: { next: '15' } }),
    'packages/ui/package.json': pkg({ dependencies: { react: '19' } }),
  };

  it('lists the apps below a root that holds none (libraries are not apps)', () => {
    const d = detect(snapshotOf(twoApps));
    expect(d.language).toBeUndefined();
    expect(d.candidates).toEqual([
      { dir: 'apps/api', summary: 'Node.js, Fastify' },
      { dir: 'apps/web', summary: 'Node.js, Next.js' },
    ]);
    expect(() => detectAnswers({ project: snapshotOf(twoApps) })).toThrow(InputError);
  });

  it('reads only the app folder it is given, with evidence from the repository root', () => {
    const d = detect(snapshotOf(twoApps), { app: 'apps/api' });
    expect(d).toMatchObject({ app: 'apps/api', language: 'node', framework: 'fastify' });
    expect(d.evidence.framework).toBe('apps/api/package.json dependencies: fastify 5');
  });

  it('takes the only app below the root, and says so', () => {
    const d = detect(snapshotOf({ 'backend/pyproject.toml': '[project]\ndependencies = ["fastapi"]\n', 'frontend/package.json': pkg({ dependencies: { vite: '7' } }), 'README.md': '' }));
    expect(d).toMatchObject({ app: 'backend', language: 'python', framework: 'fastapi' });
    expect(d.evidence.app).toBe('backend/ holds the only app below the root (pyproject.toml)');
  });
});

describe('services', () => {
  it('come from client packages, ORM settings, URLs in .env examples and images in a compose file, in registry order', () => {
    const d = detect(
      snapshotOf({
        'package.json': pkg({ dependencies: { express: '5', ioredis: '5' } }),
        '.env.example': 'DATABASE_URL="postgresql://app:app@localhost/app"\nBROKER_URL=amqp://guest@localhost\n',
        'docker-compose.yml': 'services:\n  cache:\n    image: memcached:1.6\n',
      }),
    );
    expect(d.services).toEqual(['postgres', 'redis', 'memcached', 'rabbitmq']);
    expect(d.evidence.services).toBe(
      'postgres (.env.example: DATABASE_URL=postgresql://...); redis (package.json dependencies: ioredis 5); memcached (docker-compose.yml: image memcached); rabbitmq (.env.example: BROKER_URL=amqp://...)',
    );
    expect(d.warnings).toEqual([]);
  });
});

describe('what detection reads', () => {
  it('never looks into dependencies, virtual environments, version control or build output', () => {
    const files: Record<string, string> = {
      'requirements.txt': 'fastapi\n',
      'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      'package.json': pkg({ dependencies: { express: '5' } }),
    };
    for (const dir of ['node_modules/express', '.venv/lib/python3.13/site-packages/fastapi', '.git/objects', 'dist', 'build', '__pycache__']) {
      files[`${dir}/main.py`] = 'from fastapi import FastAPI\napp = FastAPI()\n';
      files[`${dir}/package.json`] = pkg({ dependencies: { next: '15' } });
    }
    const touched: string[] = [];
    const base = snapshotOf(files);
    const spy: ProjectSnapshot = {
      read: (p) => (touched.push(p), base.read(p)),
      list: (d) => (touched.push(`${d}/`), base.list(d)),
    };
    detect(spy);
    const forbidden = touched.filter((p) => /(^|\/)(node_modules|\.venv|\.git|dist|build|__pycache__)\//.test(p));
    expect(forbidden).toEqual([]);
    expect(touched.length).toBeLessThan(210);
  });
});

describe('dockerize --detect output (detectAnswers)', () => {
  it('holds answers keys, evidence for each, and warnings; a value it can not serve is said, not defaulted', () => {
    const out = detectAnswers({ project: snapshotOf({ 'package.json': pkg({ engines: { node: '14.x' }, dependencies: { express: '5' } }), 'server.js': '' }), folderName: 'My Shop' });
    expect(Object.keys(out)).toEqual(['name', 'language', 'framework', 'services', 'packageManager', 'entrypoint', 'port', 'healthPath', 'evidence', 'warnings', 'hints']);
    expect(out).toMatchObject({ name: 'my-shop', language: 'node', framework: 'express', entrypoint: 'server.js', packageManager: 'npm' });
    expect((out.evidence as Record<string, string>).runtimeVersion).toMatch(/^not usable: package\.json engines\.node "14\.x" allows none/);
    expect((out.evidence as Record<string, string>).port).toBe('default');
  });

  it('with a language but no framework: exit 0, what it knows, and a warning', () => {
    const out = detectAnswers({ project: snapshotOf({ 'requirements.txt': 'requests\n' }) });
    expect(out.language).toBe('python');
    expect(out.framework).toBeUndefined();
    expect(out.warnings).toEqual(['no Python framework found: looked for FastAPI, Flask and Django']);
  });
});
