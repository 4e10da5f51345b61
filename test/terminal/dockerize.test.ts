/**
 * The real `dockerize` (bin/dockerize.js, the bundle `npm run build` writes)
 * in a real pseudo-terminal (tmux), answered key by key as a person would.
 * Asserts on what the screen shows and on the files written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFramework } from '../../src/core/registry.js';
import { REPO } from '../helpers/install.js';
import { drive, type Action } from './drive.js';
import { cleanup, noTerminal, start, type Session } from './tmux.js';

const BIN = join(REPO, 'bin/dockerize.js');
const root = mkdtempSync(join(tmpdir(), 'dockerize-terminal-'));
const sessions: Session[] = [];

beforeAll(() => {
  if (noTerminal) console.warn(`SKIPPED the terminal tier: ${noTerminal}`);
  else if (!existsSync(join(REPO, 'dist/bundle/dockerize.js'))) throw new Error('no dist/bundle/dockerize.js: run `npm run build` first');
});
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  cleanup();
});


function dockerize(cwd: string, args: string[] = []): Session {
  const s = start(['node', BIN, ...args], { cwd });
  sessions.push(s);
  return s;
}

const read = (dir: string, p: string) => readFileSync(join(dir, p), 'utf8');
const compose = (dir: string) => parseYaml(read(dir, 'docker-compose.yml')) as { services: Record<string, { ports?: string[]; image?: string; depends_on?: unknown }> };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Picks language and framework; every other question: Enter. */
function pick(framework: string): Array<[string, Action]> {
  const f = findFramework(framework)!;
  return [
    ['Language', { choose: f.provider.title }],
    ['Framework', { choose: f.framework.title }],
  ];
}

describe.skipIf(noTerminal)('dockerize in a terminal', () => {
  const frameworks = ['fastapi', 'flask', 'django', 'express', 'fastify', 'nestjs', 'nextjs'];

  it.each(frameworks)('%s: Enter on every default, in an empty folder, writes a stack that starts on the port shown', async (id) => {
    const dir = mkdtempSync(join(root, `${id}-`));
    const s = dockerize(dir);
    const r = await drive(s, pick(id));
    const screen = s.history();
    expect(r.code, screen).toBe(0);
    const port = findFramework(id)!.framework.defaultPort;
    // Every question accepted its default: the number prompt too.
    expect(screen).toMatch(new RegExp(`^✔ Port the app listens on … ${port}$`, 'm'));
    expect(screen).toContain(`✔ Framework › ${findFramework(id)!.framework.title}`);
    expect(screen).not.toMatch(/must be|not ""/);
    expect(screen).toMatch(/^ {2}create +Dockerfile$/m);
    expect(screen).toMatch(new RegExp(`^Next: docker compose up --build\\nThen open http://localhost:${port} `, 'm'));
    for (const f of ['Dockerfile', 'docker-compose.yml', '.env', '.env.example', '.dockerignore', 'README.Docker.md']) expect(existsSync(join(dir, f)), f).toBe(true);
    const c = compose(dir);
    expect(Object.keys(c.services)).toEqual(['app']);
    expect(c.services.app!.ports).toEqual([expect.stringMatching(new RegExp(`:-${port}\\}:${port}$`))]);
    expect(read(dir, 'Dockerfile')).toMatch(/^FROM /m);
  });

  it('services: space selects and deselects; two alternatives are refused at that prompt and asked again', async () => {
    const dir = mkdtempSync(join(root, 'services-'));
    const s = dockerize(dir);
    const r = await drive(s, [
      ...pick('fastapi'),
      // PostgreSQL (0), MongoDB (3), Redis (4) on; MongoDB off again; MySQL (1) on.
      ['Services', ['Space', 'Down', 'Down', 'Down', 'Space', 'Down', 'Space', 'Up', 'Space', 'Up', 'Up', 'Space', 'Enter']],
      // Asked again with that selection: MySQL (1) off.
      ['Services', ['Down', 'Space', 'Enter']],
    ]);
    const screen = s.history();
    expect(r.code, screen).toBe(0);
    expect(screen).toContain('✔ Services the app needs › PostgreSQL, MySQL, Redis');
    expect(screen).toContain('"postgres" and "mysql" both give the app DATABASE_URL: they are alternatives, pick one');
    expect(screen).toContain('✔ Services the app needs › PostgreSQL, Redis');
    const c = compose(dir);
    expect(Object.keys(c.services).sort()).toEqual(['app', 'postgres', 'redis']);
    expect(c.services.app!.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });

  it('a bad port is refused at that prompt, with the reason, and can be corrected', async () => {
    const dir = mkdtempSync(join(root, 'port-'));
    const s = dockerize(dir);
    const r = await drive(s, [
      ...pick('flask'),
      [
        'Port',
        {
          run: async (t) => {
            t.type('70000');
            t.keys('Enter');
            await t.waitFor('must be an integer from 1 to 65535, not 70000');
            t.keys('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
            t.type('8080');
            await sleep(100);
            t.keys('Enter');
            await t.waitFor('✔ Port the app listens on … 8080');
          },
        },
      ],
    ]);
    expect(r.code, s.history()).toBe(0);
    expect(compose(dir).services.app!.ports).toEqual([expect.stringMatching(/:-8080\}:8080$/)]);
    expect(s.history()).toContain('Then open http://localhost:8080');
  });

  it('deploy: an empty selection is refused at that prompt; Swarm and Kubernetes ask their questions', async () => {
    const dir = mkdtempSync(join(root, 'deploy-'));
    const s = dockerize(dir);
    const r = await drive(s, [
      ...pick('express'),
      // Compose (selected) off: nothing chosen.
      ['Deployment targets', ['Space', 'Enter']],
      // Asked again: all three.
      ['Deployment targets', ['Space', 'Down', 'Space', 'Down', 'Space', 'Enter']],
      ['App replicas', { type: '3' }],
      ['Image to push', { type: 'registry.example.com/team/shop:1.0' }],
    ]);
    const screen = s.history();
    expect(r.code, screen).toBe(0);
    expect(screen).toContain('Deployment targets: must be a non-empty list from: compose, swarm, kubernetes');
    expect(screen).toContain('✔ App replicas (Swarm and Kubernetes) … 3');
    const stack = parseYaml(read(dir, 'docker-stack.yml')) as { services: { app: { image: string; deploy: { replicas: number } } } };
    expect(stack.services.app.image).toBe('registry.example.com/team/shop:1.0');
    expect(stack.services.app.deploy.replicas).toBe(3);
    const k8s = readdirSync(join(dir, 'k8s'))
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .flatMap((f) => parseAllDocuments(read(dir, `k8s/${f}`)).map((d) => d.toJS() as { kind?: string; spec?: { replicas?: number; template?: { spec?: { containers?: Array<{ image: string }> } } } }));
    const deployment = k8s.find((d) => d?.kind === 'Deployment' && d.spec?.template?.spec?.containers?.some((x) => x.image === 'registry.example.com/team/shop:1.0'));
    expect(deployment?.spec?.replicas, JSON.stringify(k8s.map((d) => d?.kind))).toBe(3);
    expect(existsSync(join(dir, 'docker-compose.yml'))).toBe(true);
  });

  it('Enter accepts the shown replicas default', async () => {
    const dir = mkdtempSync(join(root, 'replicas-'));
    const s = dockerize(dir);
    const r = await drive(s, [...pick('fastapi'), ['Deployment targets', ['Down', 'Space', 'Enter']]]);
    expect(r.code, s.history()).toBe(0);
    expect(s.history()).toMatch(/^✔ App replicas \(Swarm and Kubernetes\) … 2$/m);
    expect((parseYaml(read(dir, 'docker-stack.yml')) as { services: { app: { deploy: { replicas: number } } } }).services.app.deploy.replicas).toBe(2);
  });

  it('Ctrl-C at a prompt: exit 130, nothing written', async () => {
    const dir = mkdtempSync(join(root, 'cancel-'));
    const s = dockerize(dir);
    const r = await drive(s, [['Framework', ['C-c']]]);
    expect(r.code, s.history()).toBe(130);
    expect(s.history()).toContain('dockerize: cancelled, nothing written');
    expect(readdirSync(dir)).toEqual([]);
  });

  describe('a re-run in the same folder, with a file changed since', () => {
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(root, 'rerun-'));
      const s = start(['node', BIN], { cwd: dir });
      try {
        expect((await drive(s, pick('fastapi'))).code).toBe(0);
      } finally {
        s.kill();
      }
      writeFileSync(join(dir, 'Dockerfile'), `${read(dir, 'Dockerfile')}# mine\n`);
    });
    const mine = () => read(dir, 'Dockerfile');

    it('the conflict menu shows the differences, then keeps the file', async () => {
      const before = mine();
      const s = dockerize(dir);
      const r = await drive(s, [
        ['Dockerfile exists and differs', ['Enter']],
        ['Dockerfile exists and differs', { choose: 'Keep mine' }],
      ]);
      const screen = s.history();
      expect(r.code, screen).toBe(0);
      // Detection found the starter written by the first run: no starter question this time.
      expect(r.asked.some((q) => q.startsWith('No app found'))).toBe(false);
      expect(screen).toContain('+++ Dockerfile (generated)');
      expect(screen).toMatch(/^-# mine$/m);
      expect(screen).toMatch(/^ {2}skip +Dockerfile$/m);
      expect(mine()).toBe(before);
    });

    it('abort in the conflict menu: exit 3, nothing written', async () => {
      const before = mine();
      const s = dockerize(dir);
      const r = await drive(s, [['Dockerfile exists and differs', { choose: 'Abort' }]]);
      expect(r.code, s.history()).toBe(3);
      expect(s.history()).toContain('dockerize: aborted, nothing written');
      expect(mine()).toBe(before);
    });

    it('Ctrl-C in the conflict menu: exit 130, nothing written', async () => {
      const before = mine();
      const s = dockerize(dir);
      const r = await drive(s, [['Dockerfile exists and differs', ['C-c']]]);
      expect(r.code, s.history()).toBe(130);
      expect(mine()).toBe(before);
    });

    it('overwrite in the conflict menu writes the generated file', async () => {
      const s = dockerize(dir);
      const r = await drive(s, [['Dockerfile exists and differs', { choose: 'Overwrite' }]]);
      expect(r.code, s.history()).toBe(0);
      expect(s.history()).toMatch(/^ {2}overwrite +Dockerfile$/m);
      expect(mine()).not.toContain('# mine');
    });
  });
});
