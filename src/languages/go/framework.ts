import type { EntryContext, EntrypointSpec, Framework } from '../../core/provider.js';

/** What a Go web framework adds to the core's Framework. */
export interface GoFramework extends Framework {
  /** Module paths (without a /vN suffix) whose presence in go.mod or in an import means this framework. */
  modules: readonly string[];
}

/** A main package as `go build` names it: "." for the root, else ./ and a relative folder. */
export const GO_PACKAGE_PATTERN = '^(\\.|\\./(?!.*(?:^|/)\\.\\.?(?:/|$))[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*)$';
export const GO_PACKAGE_EXAMPLE = 'the main package `go build` compiles, as "." (the root) or "./" and a folder, for example "./cmd/api"';

export const goEntry: EntrypointSpec = {
  default: '.',
  help: 'the main package `go build` compiles ("." or "./cmd/<name>")',
  rules: [{ pattern: GO_PACKAGE_PATTERN, must: GO_PACKAGE_EXAMPLE }],
};

/** The binary's name: the main package's folder (cmd/api -> api), or "server" for the root. */
export function binaryName(entrypoint: string): string {
  const last = entrypoint.replace(/\/+$/, '').split('/').pop() ?? '';
  return last === '.' || last === '' ? 'server' : last;
}

/** Where the final image keeps the binary. */
export const binaryPath = (ctx: Pick<EntryContext, 'entrypoint'>) => `/app/${binaryName(ctx.entrypoint)}`;

/** Every Go framework starts the same way: the compiled binary (it reads PORT; the image sets it). */
export function goFramework(f: { id: string; title: string; modules: readonly string[]; defaultPort?: number }): GoFramework {
  return {
    defaultPort: 8080,
    ...f,
    entrypoint: goEntry,
    command: (ctx) => [binaryPath(ctx)],
    writablePaths: ['/tmp'],
  };
}
