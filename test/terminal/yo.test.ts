/**
 * The real `yo dockerize`, installed from the packed tarball as a user
 * installs it (test/helpers/install.ts, as the pack tier does), in a real
 * pseudo-terminal (tmux). Run as root, yo drops to uid 1000: the prefix, HOME
 * and work folders are made writable for it.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, type Installed } from '../helpers/install.js';
import { drive } from './drive.js';
import { cleanup, noTerminal, start, type Session } from './tmux.js';

let pkg: Installed;
const sessions: Session[] = [];

beforeAll(() => {
  if (noTerminal) console.warn(`SKIPPED the terminal tier: ${noTerminal}`);
  else pkg = installPacked();
});
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));
afterAll(() => {
  if (pkg) rmSync(pkg.root, { recursive: true, force: true });
  cleanup();
});

function yo(cwd: string, args: string[] = []): Session {
  // Wide: inquirer breaks long lines itself (a question with its evidence).
  const s = start([pkg.yo, 'dockerize', '--no-insight', ...args], { cwd, env: pkg.env as Record<string, string>, width: 200 });
  sessions.push(s);
  return s;
}

const read = (dir: string, p: string) => readFileSync(join(dir, p), 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(noTerminal)('yo dockerize in a terminal', () => {
  describe('a first run, then re-runs in the same folder', () => {
    let dir: string;

    it('Enter on the defaults, PostgreSQL and Redis chosen with space: the stack is written, then the next step and its URL', async () => {
      dir = pkg.workdir('first');
      const s = yo(dir);
      const r = await drive(s, [
        ['Language', { choose: 'Python' }],
        ['Framework', { choose: 'FastAPI' }],
        // PostgreSQL (0) and Redis (4); the list scrolls, so count the moves.
        ['Services', ['Space', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter']],
      ]);
      const screen = s.history();
      expect(r.code, screen).toBe(0);
      expect(screen).toContain('✔ Services the app needs PostgreSQL, Redis');
      expect(screen).toMatch(/^✔ Port the app listens on 8000$/m);
      expect(screen).not.toMatch(/must be|not an object/);
      // New files are reported as created, .yo-rc.json too.
      expect(screen).toMatch(/^ +create \.yo-rc\.json$/m);
      expect(screen).toMatch(/^ +create docker-compose\.yml$/m);
      expect(screen).not.toMatch(/^ +force /m);
      expect(screen).toMatch(/^Next: docker compose up --build\nThen open http:\/\/localhost:8000 /m);
      const compose = parseYaml(read(dir, 'docker-compose.yml')) as { services: Record<string, unknown> };
      expect(Object.keys(compose.services).sort()).toEqual(['app', 'postgres', 'redis']);
      expect(JSON.parse(read(dir, '.yo-rc.json'))['generator-dockerize']).toMatchObject({ framework: 'fastapi', services: ['postgres', 'redis'], port: 8000 });
      // Run as root, yo wrote as the user it dropped to.
      if (process.getuid?.() === 0) expect(statSync(join(dir, 'Dockerfile')).uid).toBe(1000);
    });

    it('a re-run asks nothing answered in .yo-rc.json; aborting the conflict menu exits 3 and writes nothing', async () => {
      appendFileSync(join(dir, 'Dockerfile'), '# mine\n');
      const before = read(dir, 'Dockerfile');
      const s = yo(dir);
      const r = await drive(s, [['Overwrite Dockerfile?', { type: 'x' }]]);
      expect(r.code, s.history()).toBe(3);
      expect(r.asked).toEqual([expect.stringMatching(/^Overwrite Dockerfile\?/)]);
      expect(s.history()).toContain('aborted in the conflict menu: nothing written');
      expect(read(dir, 'Dockerfile')).toBe(before);
    });

    it('Ctrl-C in the conflict menu exits 130', async () => {
      const before = read(dir, 'Dockerfile');
      const s = yo(dir);
      const r = await drive(s, [['Overwrite Dockerfile?', ['C-c']]]);
      expect(r.code, s.history()).toBe(130);
      expect(read(dir, 'Dockerfile')).toBe(before);
    });

    it('--ask-answered asks again, with the stored answers as defaults; "n" keeps my file', async () => {
      const before = read(dir, 'Dockerfile');
      const s = yo(dir, ['--ask-answered']);
      const r = await drive(s, [['Overwrite Dockerfile?', { type: 'n' }]]);
      const screen = s.history();
      expect(r.code, screen).toBe(0);
      expect(r.asked.some((q) => q.startsWith('Services the app needs'))).toBe(true);
      // Each answer again, as stored (and detected, now that the starter is there).
      expect(screen).toMatch(/^✔ Services the app needs .*\) PostgreSQL, Redis$/m);
      expect(screen).toMatch(/^✔ Framework .*FastAPI$/m);
      expect(screen).toMatch(/^ +skip Dockerfile$/m);
      expect(read(dir, 'Dockerfile')).toBe(before);
    });
  });

  it('a bad port and an empty deploy selection are refused at their prompt, then corrected', async () => {
    const dir = pkg.workdir('bad-values');
    const s = yo(dir);
    const r = await drive(s, [
      ['Language', { choose: 'Node.js' }],
      ['Framework', { choose: 'Express' }],
      [
        'Port',
        {
          run: async (t) => {
            t.type('70000');
            t.keys('Enter');
            await t.waitFor('must be an integer from 1 to 65535, not 70000');
            t.keys('C-u');
            t.type('8080');
            await sleep(100);
            t.keys('Enter');
            await t.waitFor(/✔ Port the app listens on 8080/);
          },
        },
      ],
      [
        'Deployment targets',
        {
          run: async (t) => {
            t.keys('Space', 'Enter');
            await t.waitFor('must be a non-empty list from: compose, swarm, kubernetes');
            // Compose back on, and Swarm.
            t.keys('Space', 'Down', 'Space', 'Enter');
            await t.waitFor('✔ Deployment targets');
          },
        },
      ],
    ]);
    const screen = s.history();
    expect(r.code, screen).toBe(0);
    expect(screen).toMatch(/^✔ App replicas \(Swarm and Kubernetes\) 2$/m);
    expect(existsSync(join(dir, 'docker-stack.yml'))).toBe(true);
    expect(existsSync(join(dir, 'docker-compose.yml'))).toBe(true);
    expect(screen).toContain('Then open http://localhost:8080');
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const dir = pkg.workdir('cancel');
    const s = yo(dir);
    const r = await drive(s, [['Framework', ['C-c']]]);
    expect(r.code, s.history()).toBe(130);
    expect(s.history()).toContain('cancelled, nothing written');
    expect(readdirSync(dir)).toEqual([]);
  });
});
