import { versions } from '../../versions.js';

/** The Node package managers the answers may name. */
export const PACKAGE_MANAGERS = ['npm', 'yarn', 'pnpm', 'bun'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** How each Node package manager installs inside an image. */
export interface PackageManagerEntry {
  id: PackageManager;
  lockfile: string;
  /** Cache directories to mount during installs (kept between builds, never in the image). */
  caches: string[];
  /** Variables the install needs (corepack's, for Yarn 2+). */
  env: Array<[string, string]>;
  /** Install exactly as locked: production packages only, or everything (to build). The dependencies' build scripts (native addons) run. */
  installProd: string;
  installAll: string;
  /** The same without a lockfile to follow (whatever resolves today). */
  unlocked: { prod: string; all: string };
  /** Drop the dev dependencies from an installed tree (no install scripts run again). */
  prune: string;
  /** The command that runs the tool (`npm`, `npx --yes pnpm@10.x`, corepack's Yarn). */
  tool: string;
  /** Yarn 2 or later. */
  berry: boolean;
  /** Runs a package.json script. */
  run(script: string): string;
}

/** The lockfile each package manager installs from, in detection order: the first one present wins. */
export const lockfiles: Readonly<Record<PackageManager, string>> = { pnpm: 'pnpm-lock.yaml', yarn: 'yarn.lock', npm: 'package-lock.json', bun: 'bun.lock' };

/** Yarn 2+ ("Berry") installs and prunes with other commands than Yarn 1. */
export const isYarnBerry = (version: string) => Number(version.split('.')[0]) >= 2;

/**
 * Yarn 1 and pnpm run through `npx --yes <tool>@<version>`, and Yarn 2+
 * through corepack (`npx --yes corepack@<pin> yarn@<version>`, from the npm
 * registry): the same pinned version on every Node image (Node 25+ images ship
 * neither corepack nor yarn), and nothing extra left in the final image.
 */
export function packageManager(id: PackageManager, version?: string): PackageManagerEntry {
  switch (id) {
    case 'npm':
      return {
        id,
        lockfile: lockfiles[id],
        caches: ['/root/.npm'],
        env: [],
        installProd: 'npm ci --omit=dev --no-audit --no-fund',
        unlocked: { prod: 'npm install --omit=dev --no-audit --no-fund', all: 'npm install --no-audit --no-fund' },
        installAll: 'npm ci --no-audit --no-fund',
        prune: 'npm prune --omit=dev --ignore-scripts --no-audit --no-fund',
        tool: 'npm',
        berry: false,
        run: (s) => `npm run ${s}`,
      };
    case 'pnpm': {
      const tool = `npx --yes pnpm@${version ?? versions.tools.pnpm}`;
      return {
        id,
        lockfile: lockfiles[id],
        caches: ['/root/.npm', '/root/.local/share/pnpm/store'],
        env: [],
        installProd: `${tool} install --frozen-lockfile --prod`,
        unlocked: { prod: `${tool} install --prod`, all: `${tool} install` },
        installAll: `${tool} install --frozen-lockfile`,
        prune: `${tool} prune --prod --ignore-scripts`,
        tool,
        berry: false,
        run: (s) => `${tool} run ${s}`,
      };
    }
    case 'bun': {
      // bun from the npm registry (its package carries the Linux binary): it installs what bun.lock pins, node runs the app.
      const tool = `npx --yes bun@${version ?? versions.tools.bun}`;
      return {
        id,
        lockfile: lockfiles[id],
        caches: ['/root/.npm', '/root/.bun/install/cache'],
        env: [],
        installProd: `${tool} install --frozen-lockfile --production`,
        unlocked: { prod: `${tool} install --production`, all: `${tool} install` },
        installAll: `${tool} install --frozen-lockfile`,
        // bun has no prune: the production tree is installed again, without running the build scripts twice.
        prune: `rm -rf node_modules && ${tool} install --frozen-lockfile --production --ignore-scripts`,
        tool,
        berry: false,
        run: (s) => `${tool} run ${s}`,
      };
    }
    case 'yarn': {
      const v = version ?? versions.tools.yarn;
      if (isYarnBerry(v)) {
        const tool = `npx --yes corepack@${versions.tools.corepack} yarn@${v}`;
        return {
          id,
          lockfile: lockfiles[id],
          caches: ['/root/.npm', '/root/.yarn/berry/cache', '/root/.cache/node/corepack'],
          // corepack fetches Yarn from the npm registry (as @yarnpkg/cli-dist), without asking.
          env: [
            ['COREPACK_ENABLE_DOWNLOAD_PROMPT', '0'],
            ['COREPACK_NPM_REGISTRY', 'https://registry.npmjs.org'],
          ],
          installProd: `${tool} workspaces focus --all --production`,
          unlocked: { prod: `${tool} workspaces focus --all --production`, all: `${tool} install` },
          installAll: `${tool} install --immutable`,
          // Nothing to build again: the packages that stay were built by the install.
          prune: `YARN_ENABLE_SCRIPTS=false ${tool} workspaces focus --all --production`,
          tool,
        berry: true,
        run: (s) => `${tool} run ${s}`,
        };
      }
      const tool = `npx --yes yarn@${v}`;
      return {
        id,
        lockfile: lockfiles[id],
        caches: ['/root/.npm', '/usr/local/share/.cache/yarn'],
        env: [],
        installProd: `${tool} install --frozen-lockfile --production --non-interactive`,
        unlocked: { prod: `${tool} install --production --non-interactive`, all: `${tool} install --non-interactive` },
        installAll: `${tool} install --frozen-lockfile --non-interactive`,
        prune: `${tool} install --frozen-lockfile --production --non-interactive --ignore-scripts`,
        tool,
        berry: false,
        run: (s) => `${tool} run ${s}`,
      };
    }
  }
}
