import fs from 'node:fs';
import module from 'node:module';
import { main } from './main.js';

/**
 * Writes straight to a file descriptor: process.stdout would first set up
 * Node's stream machinery, a visible share of a short run's start-up.
 */
function writer(fd: number): (text: string) => void {
  // Whoever reads the output may stop early (`dockerize --dry-run | head -1`): what follows is dropped, the run goes on.
  let closed = false;
  return (text) => {
    const bytes = Buffer.from(text);
    for (let done = 0; done < bytes.length && !closed; ) {
      try {
        done += fs.writeSync(fd, bytes, done);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') closed = true;
        else if (code !== 'EAGAIN') throw err;
      }
    }
  };
}

function ttyCheck(): boolean {
  const { isatty } = module.createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return isatty(0) && isatty(1);
}

/** The real process: node:fs, the current folder, stdio. */
export async function runCli(): Promise<void> {
  const code = await main(process.argv.slice(2), {
    fs,
    cwd: process.cwd(),
    stdout: writer(1),
    stderr: writer(2),
    // Asked only when there is no --answers; isatty() avoids creating process.stdin/stdout streams,
    // and node:tty loads only here (it pulls in Node's network and stream layers).
    get interactive() {
      return ttyCheck();
    },
  });
  process.exitCode = code;
}
