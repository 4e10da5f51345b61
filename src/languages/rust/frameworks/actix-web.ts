import { rustFramework } from '../framework.js';

/** Actix Web, found by its crate in Cargo.toml. */
export const actixWeb = rustFramework({ id: 'actix-web', title: 'Actix Web', crates: ['actix-web'], defaultPort: 8080 });
