import type { EntryContext, EntrypointSpec, EnvVarSpec, Framework } from '../../core/provider.js';

/** What a Rust web framework adds to the core's Framework. */
export interface RustFramework extends Framework {
  /** Crates (normalised as cargo.ts does) whose presence in [dependencies] means this framework. */
  crates: readonly string[];
}

/** A binary target's name, as `cargo build --bin` takes it. */
export const RUST_BIN_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_-]*$';
export const RUST_BIN_EXAMPLE = 'the name of a binary target (`cargo build --bin <name>`), for example "server" or "api"';

export const rustEntry: EntrypointSpec = {
  default: 'server',
  help: 'the binary target `cargo build --bin` builds (a [[bin]] name, or the package name for src/main.rs)',
  rules: [{ pattern: RUST_BIN_PATTERN, must: RUST_BIN_EXAMPLE }],
};

/** Where the final image keeps the binary. */
export const binaryPath = (ctx: Pick<EntryContext, 'entrypoint'>) => `/app/${ctx.entrypoint}`;

/** Every Rust framework starts the same way: the compiled binary (it reads PORT; the image sets it). */
export function rustFramework(f: { id: string; title: string; crates: readonly string[]; defaultPort: number; env?: readonly EnvVarSpec[] }): RustFramework {
  return {
    ...f,
    entrypoint: rustEntry,
    command: (ctx) => [binaryPath(ctx)],
    writablePaths: ['/tmp'],
  };
}
