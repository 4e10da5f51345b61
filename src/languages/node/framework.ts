import type { EntryContext, EntrypointSpec, Framework } from '../../core/provider.js';

/** How a Node framework is built before it runs. */
export type NodeBuild =
  /** Plain JavaScript: install production dependencies, copy the app. */
  | { kind: 'none' }
  /** `npm run build` (TypeScript and the like); the final image keeps `outputs` and production deps. */
  | { kind: 'script'; outputs(entrypoint: string): string[] }
  /** Next.js standalone output: the build traces exactly the files the server needs. */
  | { kind: 'nextjs' };

/** A starter app file: its path in the project and its template (under this language's templates/starters/). */
export interface StarterFile {
  path: string;
  template: string;
}

/** What a Node framework adds to the core's Framework. */
export interface NodeFramework extends Framework {
  build: NodeBuild;
  /** npm packages whose presence in package.json means this framework. */
  packages: readonly string[];
  /** Files that give it away (next.config.js, nest-cli.json). */
  files?: readonly string[];
  /** Frameworks it is built on (NestJS on Express): when both are declared, this one is the app's. */
  wraps?: readonly string[];
  starter: {
    files(ctx: EntryContext): StarterFile[];
    /** What this framework's starter templates print beyond the common view. */
    view(ctx: EntryContext): Record<string, unknown>;
    /** The starter's package.json dependencies (keys of versions.node). */
    dependencies: readonly string[];
    devDependencies?: readonly string[];
    scripts: Readonly<Record<string, string>>;
  };
}

/** The folder of a file ("" at the root). */
export const dirOf = (file: string) => file.split('/').slice(0, -1).join('/');

/** health, or service-health when the entry file itself is health.js. */
export function healthName(entrypoint: string): string {
  return /^health\.[cm]?js$/.test(entrypoint.split('/').pop() ?? '') ? 'service-health' : 'health';
}

/** A .js/.mjs/.cjs file inside the project. */
export const NODE_FILE_PATTERN = '^(?!.*(?:^|/)\\.\\.?(?:/|$))(?!.*\\.(?:ts|mts|cts|tsx|jsx|json)$)[A-Za-z0-9_@+-][A-Za-z0-9._@+-]*(?:/[A-Za-z0-9._@+-]+)*$';
export const NODE_FILE_EXAMPLE = 'a relative path of a JavaScript file (.js, .mjs, .cjs, or none, like bin/www) with letters, digits and ._@+- in its parts, for example "src/server.js"';

/** The entry point spec of a framework that runs a JavaScript file. */
export const fileEntry = (defaultValue: string, help: string, ...more: EntrypointSpec['rules']): EntrypointSpec => ({
  default: defaultValue,
  help,
  rules: [{ pattern: NODE_FILE_PATTERN, must: `${NODE_FILE_EXAMPLE} (${help})` }, ...more],
});
