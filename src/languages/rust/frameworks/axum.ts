import { rustFramework } from '../framework.js';

/** axum (tokio's web framework), found by its crate in Cargo.toml. */
export const axum = rustFramework({ id: 'axum', title: 'axum', crates: ['axum'], defaultPort: 3000 });
