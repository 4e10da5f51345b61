import { versions } from '../../versions.js';

/** The Node package managers the answers may name. */
export const PACKAGE_MANAGERS = ['npm', 'yarn', 'pnpm'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** How each Node package manager installs inside an image. */
export interface PackageManagerEntry {
  id: PackageManager;
  lockfile: string;
  /** Cache directories to mount during installs (kept between builds, never in the image). */
  caches: string[];
  /** Install production dependencies only, exactly as locked. */
  installProd: string;
  /** Install everything (to build), exactly as locked. */
  installAll: string;
  /** Drop the dev dependencies from an installed tree, without downloading anything. */
  prune: string;
}

/** The lockfile each package manager installs from, in detection order: the first one present wins. */
export const lockfiles: Readonly<Record<PackageManager, string>> = { pnpm: 'pnpm-lock.yaml', yarn: 'yarn.lock', npm: 'package-lock.json' };

/** Yarn 2+ ("Berry") installs and prunes with other commands than Yarn 1. */
export const isYarnBerry = (version: string) => Number(version.split('.')[0]) >= 2;

/**
 * yarn and pnpm run through `npx --yes <tool>@<version>`: the same pinned
 * version on every Node image (Node 25+ images ship neither corepack nor yarn),
 * and nothing extra left in the final image.
 */
export function packageManager(id: PackageManager, version?: string): PackageManagerEntry {
  switch (id) {
    case 'npm':
      return {
        id,
        lockfile: lockfiles[id],
        caches: ['/root/.npm'],
        installProd: 'npm ci --omit=dev --no-audit --no-fund',
        installAll: 'npm ci --no-audit --no-fund',
        prune: 'npm prune --omit=dev --no-audit --no-fund',
      };
    case 'pnpm': {
      const tool = `npx --yes pnpm@${version ?? versions.tools.pnpm}`;
      return {
        id,
        lockfile: lockfiles[id],
        caches: ['/root/.npm', '/root/.local/share/pnpm/store'],
        installProd: `${tool} install --frozen-lockfile --prod`,
        installAll: `${tool} install --frozen-lockfile`,
        prune: `${tool} prune --prod`,
      };
    }
    case 'yarn': {
      const v = version ?? versions.tools.yarn;
      const tool = `npx --yes yarn@${v}`;
      const berry = isYarnBerry(v);
      return {
        id,
        lockfile: lockfiles[id],
        caches: berry ? ['/root/.npm', '/root/.yarn/berry/cache'] : ['/root/.npm', '/usr/local/share/.cache/yarn'],
        installProd: berry ? `${tool} workspaces focus --all --production` : `${tool} install --frozen-lockfile --production --non-interactive`,
        installAll: berry ? `${tool} install --immutable` : `${tool} install --frozen-lockfile --non-interactive`,
        prune: berry ? `${tool} workspaces focus --all --production` : `${tool} install --frozen-lockfile --production --non-interactive --offline`,
      };
    }
  }
}
