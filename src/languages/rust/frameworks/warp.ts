import { rustFramework } from '../framework.js';

/** warp, found by its crate in Cargo.toml. */
export const warp = rustFramework({ id: 'warp', title: 'warp', crates: ['warp'], defaultPort: 3030 });
