import type { EntryContext, EntrypointSpec, Framework } from '../../core/provider.js';

/** The app's folder in the image: the official php image's WORKDIR, which its Apache serves. */
export const APP_DIR = '/var/www/html';

/** What a PHP framework adds to the core's Framework. */
export interface PhpFramework extends Framework {
  /** Composer packages whose presence in composer.json means this framework. */
  packages: readonly string[];
  /** Folders below the app that the app writes into at run time (owned by www-data in the image). */
  writable: readonly string[];
  /** Writes a front controller (index.php) in its document root: Apache hands every unknown path to it. */
  frontController: boolean;
}

/** A document root: "." (the app's folder) or a folder below it, such as "public". */
export const DOCROOT_PATTERN = '^(\\.|(?!.*(?:^|/)\\.\\.?(?:/|$))[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*)$';

export const publicRoot: EntrypointSpec = {
  default: 'public',
  help: 'the folder Apache serves (the document root): "public", the framework\'s',
  rules: [],
};

export const anyRoot: EntrypointSpec = {
  default: 'public',
  help: 'the folder Apache serves (the document root): "." for the app\'s folder, or a folder such as "public"',
  rules: [{ pattern: DOCROOT_PATTERN, must: 'the document root, "." or a folder below the app such as "public" (no "..")' }],
};

/** The document root in the image. */
export const docroot = (ctx: Pick<EntryContext, 'entrypoint'>) => (ctx.entrypoint === '.' ? APP_DIR : `${APP_DIR}/${ctx.entrypoint.replace(/^\.\//, '').replace(/\/+$/, '')}`);
