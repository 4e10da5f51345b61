import { rustFramework } from '../framework.js';

/**
 * Rocket, found by its crate in Cargo.toml. It listens on 127.0.0.1:8000
 * unless told otherwise: ROCKET_ADDRESS and ROCKET_PORT (read by its default
 * figment) make it listen on every address, on the answers' port.
 */
export const rocket = rustFramework({
  id: 'rocket',
  title: 'Rocket',
  crates: ['rocket'],
  defaultPort: 8000,
  env: [
    { key: 'ROCKET_ADDRESS', comment: 'Rocket: listen on every address of the container (its default, 127.0.0.1, is unreachable from outside it)', value: () => '0.0.0.0' },
    { key: 'ROCKET_PORT', value: (ctx) => String(ctx.port) },
  ],
});
