import { defineConfig } from 'vitest/config';

// Four tiers: unit (no network, no Docker), pack (npm pack + real `yo`, from the
// local npm cache), terminal (the real `dockerize` and `yo dockerize` in a
// pseudo-terminal, through tmux: run `npm run build` first), e2e (real Docker
// Engine: builds and runs every stack).
export default defineConfig({
  test: {
    // yeoman-test changes directory: worker threads can't, forked processes can.
    pool: 'forks',
    projects: [
      // Each language folder keeps its own tests beside its code (src/languages/<lang>/*.test.ts).
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'], pool: 'forks', testTimeout: 60_000 } },
      { test: { name: 'pack', include: ['test/pack/**/*.test.ts'], pool: 'forks', testTimeout: 600_000, hookTimeout: 600_000 } },
      { test: { name: 'terminal', include: ['test/terminal/**/*.test.ts'], pool: 'forks', testTimeout: 120_000, hookTimeout: 600_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 1_800_000,
          hookTimeout: 1_800_000,
        },
      },
    ],
  },
});
