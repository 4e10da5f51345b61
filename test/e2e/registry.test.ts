/**
 * Publishing the image as README.Docker.md says: a local registry (Debian's
 * docker-registry, on 127.0.0.1) receives the image from the README's own
 * build and push commands; then, with the image gone from the engine, it is
 * pulled back and runs healthy and serving.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { addRigShims, engineProblem, freePort, httpGet, must, run, waitFor } from './docker.js';

const required = process.env.DOCKERIZE_E2E === 'required';
const problem = engineProblem();

/** Debian's registry (the distribution project's `registry serve`), installed when missing and we may. */
function registryBinary(): string | undefined {
  const found = () => spawnSync('sh', ['-c', 'command -v docker-registry'], { encoding: 'utf8' }).stdout.trim() || undefined;
  if (found()) return found();
  if (process.getuid?.() === 0) spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'docker-registry'], { stdio: 'ignore', timeout: 300_000 });
  return found();
}
const binary = problem ? undefined : registryBinary();
const unavailable = problem ? `no Docker Engine answers (${problem})` : binary ? undefined : "Debian's docker-registry is not installed (apt-get install docker-registry)";
if (unavailable && !required) console.log(`SKIPPED registry e2e: ${unavailable}. Set DOCKERIZE_E2E=required to make this a failure.`);

const work = mkdtempSync(join(tmpdir(), 'dockerize-registry-'));
let registry: ChildProcess | undefined;
afterAll(() => {
  registry?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** The commands of a fenced sh block of README.Docker.md's "Publishing the image", comments dropped. */
function publishCommands(readme: string): string[] {
  const section = readme.slice(readme.indexOf('## Publishing the image'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}

describe.skipIf(unavailable !== undefined && !required)("the README's publishing commands, against a real registry", () => {
  it.runIf(unavailable !== undefined)('has a Docker Engine and a registry (DOCKERIZE_E2E=required)', () => {
    throw new Error(`registry e2e required but ${unavailable}`);
  });

  it.runIf(unavailable === undefined)('docker build and push as written; the image, gone from the engine, is pulled back and serves', async () => {
    const regPort = await freePort();
    const storage = join(work, 'storage');
    mkdirSync(storage);
    writeFileSync(join(work, 'registry.yml'), `version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: ${storage}\nhttp:\n  addr: 127.0.0.1:${regPort}\n`);
    registry = spawn(binary!, ['serve', join(work, 'registry.yml')], { stdio: 'ignore' });
    await waitFor('the registry to answer', 30, async () => ((await httpGet(`http://127.0.0.1:${regPort}/v2/`).catch(() => undefined))?.status === 200 ? true : undefined));

    // 127.0.0.1 registries need no TLS: Docker trusts the loopback network.
    const image = `127.0.0.1:${regPort}/team/shop:1.0`;
    const dir = join(work, 'shop');
    mkdirSync(dir);
    writeFileSync(join(work, 'shop.json'), JSON.stringify({ name: 'shop', language: 'python', framework: 'fastapi', image, deploy: ['compose', 'swarm'] }));
    let err = '';
    expect(await main(['--answers', 'shop.json', '--out', 'shop'], { fs, cwd: work, stdout: () => {}, stderr: (t) => (err += t), interactive: false }), err).toBe(0);
    addRigShims(dir);
    const commands = publishCommands(readFileSync(join(dir, 'README.Docker.md'), 'utf8'));
    expect(commands).toEqual([`docker build -t ${image} .`, `docker login 127.0.0.1:${regPort}`, `docker push ${image}`, `docker pull ${image}`]);
    try {
      // As the user types them (login is for registries that ask for it: this one does not).
      for (const c of commands.filter((x) => !x.startsWith('docker login') && !x.startsWith('docker pull'))) must(run('sh', ['-c', c], { cwd: dir }), c);
      const tags = await httpGet(`http://127.0.0.1:${regPort}/v2/team/shop/tags/list`);
      expect(tags).toEqual({ status: 200, body: { name: 'team/shop', tags: ['1.0'] } });

      // A clean engine: the image is gone, then pulled back from the registry.
      must(run('docker', ['rmi', '-f', image]), 'rmi');
      expect(run('docker', ['image', 'inspect', image]).status).not.toBe(0);
      must(run('sh', ['-c', commands.find((c) => c.startsWith('docker pull'))!]), 'pull');
      const port = await freePort();
      const id = must(run('docker', ['run', '-d', '--rm', '-p', `127.0.0.1:${port}:8000`, image]), 'run').stdout.trim();
      try {
        await waitFor('the pulled image to be healthy', 120, () => (run('docker', ['inspect', '-f', '{{.State.Health.Status}}', id]).stdout.trim() === 'healthy' ? true : undefined));
        expect(await httpGet(`http://127.0.0.1:${port}/health`)).toEqual({ status: 200, body: { status: 'ok', checks: {} } });
      } finally {
        run('docker', ['rm', '-f', id]);
      }
    } finally {
      run('docker', ['rmi', '-f', image]);
    }
  }, 600_000);
});
