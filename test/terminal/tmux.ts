/**
 * A real pseudo-terminal for the terminal tier, through tmux: start a command
 * in a detached session of a fixed size, type keys, wait for text on the
 * screen (capture-pane), read the command's exit code, kill the session.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TMUX = ['/usr/bin/tmux', '/usr/local/bin/tmux'].find((p) => existsSync(p)) ?? (spawnSync('sh', ['-c', 'command -v tmux'], { encoding: 'utf8' }).stdout.trim() || undefined);

/** Why the terminal tier can't run here (no tmux), or undefined. */
export const noTerminal: string | undefined = TMUX ? undefined : 'tmux is not installed: the terminal tier needs it for a pseudo-terminal (apt-get install tmux)';

// Every session on its own server socket: nothing shared with a user's tmux, and safe to run files in parallel.
let socketDir: string | undefined;
let serial = 0;
function socketPath(): string {
  if (!socketDir) {
    const dir = mkdtempSync(join(tmpdir(), 'dockerize-tmux-'));
    socketDir = dir;
  }
  return join(socketDir, `s${process.pid}-${serial++}`);
}

/** Removes the sockets' folder (call in afterAll, once every session is killed). */
export function cleanup(): void {
  if (socketDir) rmSync(socketDir, { recursive: true, force: true });
  socketDir = undefined;
}

function tmux(socket: string, args: string[]): string {
  const r = spawnSync(TMUX!, ['-S', socket, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Session {
  /** The visible screen, trailing blank lines dropped. */
  screen(): string;
  /** Types text literally (no key names). */
  type(text: string): void;
  /** Sends tmux key names: 'Enter', 'Space', 'Down', 'C-c', 'BSpace', ... */
  keys(...names: string[]): void;
  /** Waits until the screen matches, returns the screen; throws with the screen after `timeout` ms. */
  waitFor(what: string | RegExp, timeout?: number): Promise<string>;
  /** Waits for the command to end; its exit code. */
  exitCode(timeout?: number): Promise<number>;
  /** Everything the command wrote, as the terminal showed it (the whole scrollback). */
  history(): string;
  kill(): void;
}

export interface StartOptions {
  cwd: string;
  env?: Record<string, string>;
  width?: number;
  height?: number;
}

/** Starts `argv` in a new detached tmux session. */
export function start(argv: string[], opts: StartOptions): Session {
  if (!TMUX) throw new Error(noTerminal);
  const socket = socketPath();
  const codeFile = `${socket}.code`;
  const env = Object.entries({ TERM: 'xterm-256color', LANG: 'C.UTF-8', ...opts.env })
    .map(([k, v]) => `${k}=${q(v)}`)
    .join(' ');
  // The shell records the exit code, then stays a moment so the last screen can be read.
  const script = `cd ${q(opts.cwd)} && env ${env} ${argv.map(q).join(' ')}; echo $? > ${q(codeFile)}; sleep 600`;
  tmux(socket, ['new-session', '-d', '-x', String(opts.width ?? 100), '-y', String(opts.height ?? 40), 'sh', '-c', script]);
  tmux(socket, ['set-option', '-g', 'history-limit', '10000']);
  const screen = () => tmux(socket, ['capture-pane', '-p', '-J']).replace(/\s+$/, '');
  return {
    screen,
    type: (text) => void tmux(socket, ['send-keys', '-l', text]),
    keys: (...names) => void tmux(socket, ['send-keys', ...names]),
    async waitFor(what, timeout = 15_000) {
      const end = Date.now() + timeout;
      for (;;) {
        const s = screen();
        if (typeof what === 'string' ? s.includes(what) : what.test(s)) return s;
        if (Date.now() > end) throw new Error(`timed out waiting for ${String(what)}; the screen:\n${s}`);
        await sleep(50);
      }
    },
    async exitCode(timeout = 30_000) {
      const end = Date.now() + timeout;
      while (!existsSync(codeFile) || readFileSync(codeFile, 'utf8').trim() === '') {
        if (Date.now() > end) throw new Error(`timed out waiting for the command to end; the screen:\n${screen()}`);
        await sleep(50);
      }
      return Number(readFileSync(codeFile, 'utf8').trim());
    },
    history: () => tmux(socket, ['capture-pane', '-p', '-J', '-S', '-', '-E', '-']).replace(/\s+$/, ''),
    kill() {
      spawnSync(TMUX!, ['-S', socket, 'kill-server'], { stdio: 'ignore' });
      rmSync(codeFile, { force: true });
      rmSync(socket, { force: true });
    },
  };
}
