/**
 * Installs the packed package and `yo` into a fresh prefix, as a user would
 * (npm pack + npm install, from the npm cache when it can). Used by the
 * packaging tier and the benchmark. When run as root, `yo` drops to uid 1000:
 * everything it needs is made readable/writable for it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '../..');

export interface Installed {
  root: string;
  prefix: string;
  home: string;
  tarball: string;
  yo: string;
  /** Environment for running yo as its unprivileged user. */
  env: NodeJS.ProcessEnv;
  /** A fresh folder inside the prefix (so yo finds the generators in ../node_modules), writable by yo's user. */
  workdir(name: string, files?: Record<string, string>): string;
}

export function sh(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', timeout: 300_000 });
}

export function chmodTree(dir: string, mode: number): void {
  chmodSync(dir, mode);
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) chmodTree(join(dir, e.name), mode);
}

/** An empty Yeoman generator (generator-empty), the baseline of `yo` itself. */
function writeEmptyGenerator(prefix: string): void {
  const dir = join(prefix, 'node_modules/generator-empty');
  mkdirSync(join(dir, 'generators/app'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'generator-empty', version: '1.0.0', type: 'module' }));
  writeFileSync(
    join(dir, 'generators/app/index.js'),
    "import Generator from 'yeoman-generator';\nexport default class extends Generator {\n  writing() {}\n}\n",
  );
}

export function installPacked(): Installed {
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
  const yoVersion = lock.packages['node_modules/yo'].version as string;
  const root = mkdtempSync(join(tmpdir(), 'dockerize-pack-'));
  chmodSync(root, 0o755);
  const home = join(root, 'home');
  mkdirSync(home);
  chmodSync(home, 0o777);
  const prefix = join(root, 'prefix');
  mkdirSync(prefix);

  const pack = sh('npm', ['pack', '--pack-destination', root, '--silent'], { cwd: REPO });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const tarball = join(root, pack.stdout.trim().split('\n').pop() as string);
  if (!existsSync(tarball)) throw new Error(`npm pack wrote no ${tarball}`);

  const install = sh('npm', ['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, `yo@${yoVersion}`], { cwd: root });
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  writeEmptyGenerator(prefix);
  chmodTree(prefix, 0o755);

  return {
    root,
    prefix,
    home,
    tarball,
    yo: join(prefix, 'node_modules/.bin/yo'),
    env: { HOME: home, NO_UPDATE_NOTIFIER: '1', CI: '1', npm_config_update_notifier: 'false' },
    workdir(name, files = {}) {
      const dir = join(prefix, name);
      mkdirSync(dir);
      for (const [p, text] of Object.entries(files)) writeFileSync(join(dir, p), text);
      chmodTree(dir, 0o777);
      for (const p of Object.keys(files)) chmodSync(join(dir, p), 0o666);
      return dir;
    },
  };
}
