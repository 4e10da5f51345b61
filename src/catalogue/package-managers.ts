import type { PackageManager } from './types.js';
import { versions } from './versions.js';

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
        lockfile: 'package-lock.json',
        caches: ['/root/.npm'],
        installProd: 'npm ci --omit=dev --no-audit --no-fund',
        installAll: 'npm ci --no-audit --no-fund',
        prune: 'npm prune --omit=dev --no-audit --no-fund',
      };
    case 'pnpm': {
      const tool = `npx --yes pnpm@${version ?? versions.tools.pnpm}`;
      return {
        id,
        lockfile: 'pnpm-lock.yaml',
        caches: ['/root/.npm', '/root/.local/share/pnpm/store'],
        installProd: `${tool} install --frozen-lockfile --prod`,
        installAll: `${tool} install --frozen-lockfile`,
        prune: `${tool} prune --prod`,
      };
    }
    case 'yarn': {
      const v = version ?? versions.tools.yarn;
      const tool = `npx --yes yarn@${v}`;
      const berry = Number(v.split('.')[0]) >= 2;
      return {
        id,
        lockfile: 'yarn.lock',
        caches: berry ? ['/root/.npm', '/root/.yarn/berry/cache'] : ['/root/.npm', '/usr/local/share/.cache/yarn'],
        installProd: berry ? `${tool} workspaces focus --all --production` : `${tool} install --frozen-lockfile --production --non-interactive`,
        installAll: berry ? `${tool} install --immutable` : `${tool} install --frozen-lockfile --non-interactive`,
        prune: berry ? `${tool} workspaces focus --all --production` : `${tool} install --frozen-lockfile --production --non-interactive --offline`,
      };
    }
  }
}
