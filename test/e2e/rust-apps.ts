/**
 * Rust apps for the e2e tier: written by us, shaped like real projects (an
 * axum router with shared state, sqlx with PostgreSQL, the schema applied at
 * start, settings from the environment with defaults, a health route that
 * checks the database), with no Docker files. The e2e tier runs `dockerize
 * --yes` in each, so detection decides everything.
 *
 * The rig's rust stand-in resolves crates from Debian's librust-*-dev
 * packages (see ../shared/docker-rig/stand-ins/families/rust.sh): axum 0.7,
 * tokio 1.43, sqlx 0.8, serde, tracing are there; the requirements below are
 * ones both crates.io and Debian meet. Cargo.lock is made when the test runs,
 * by cargo itself in the rust image (against Debian's crates there), the way
 * the app's author made theirs against crates.io.
 */
import { must, run } from './docker.js';
import type { App } from './python-apps.js';
import { versions } from '../../src/versions.js';

export interface RustApp extends App {
  /** Writes Cargo.lock into the app's folder. */
  lock(dir: string): void;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const builder = versions.runtimes.rust.tag.replace('{version}', versions.runtimes.rust.default);

/** `cargo generate-lockfile` in the rust image the Dockerfile names (the rig's resolves against Debian's crates). */
const cargoLock = (dir: string) =>
  must(
    run('docker', ['run', '--rm', '--user', `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`, '-v', `${dir}:/w`, '-w', '/w', builder, 'cargo', 'generate-lockfile'], { timeoutMs: 300_000 }),
    `cargo generate-lockfile in ${dir}`,
  );

export const rustApps: RustApp[] = [
  {
    // axum + sqlx (PostgreSQL): the schema and two rows are applied at start, so the route answers what it seeded.
    id: 'rust-axum-sqlx-pg',
    route: '/api/books',
    expect: [
      { id: 1, title: 'The Rust Programming Language', author: 'Klabnik & Nichols' },
      { id: 2, title: 'Zero To Production', author: 'Palmieri' },
    ],
    services: ['postgres'],
    migrates: false,
    lock: cargoLock,
    files: {
      'Cargo.toml': lines(
        '[package]',
        'name = "bookshelf"',
        'version = "0.1.0"',
        'edition = "2021"',
        'rust-version = "1.80"',
        '',
        '[dependencies]',
        'axum = ">=0.7, <0.9"',
        'tokio = { version = "1", features = ["macros", "rt-multi-thread", "net", "signal"] }',
        'sqlx = { version = "0.8", default-features = false, features = ["runtime-tokio", "postgres", "macros"] }',
        'serde = { version = "1", features = ["derive"] }',
        'serde_json = "1"',
        'tracing = "0.1"',
        'tracing-subscriber = { version = "0.3", features = ["env-filter"] }',
        '',
        '[profile.release]',
        'strip = true',
      ),
      '.gitignore': lines('/target'),
      '.env.example': lines('DATABASE_URL=postgres://bookshelf:bookshelf@localhost:5432/bookshelf', 'RUST_LOG=info'),
      'src/main.rs': lines(
        'use std::net::SocketAddr;',
        '',
        'use axum::{routing::get, Router};',
        'use sqlx::postgres::PgPoolOptions;',
        '',
        'mod books;',
        'mod db;',
        '',
        '#[derive(Clone)]',
        'pub struct AppState {',
        '    pub pool: sqlx::PgPool,',
        '}',
        '',
        '#[tokio::main]',
        'async fn main() -> Result<(), Box<dyn std::error::Error>> {',
        '    tracing_subscriber::fmt()',
        '        .with_env_filter(std::env::var("RUST_LOG").unwrap_or_else(|_| "info".into()))',
        '        .init();',
        '    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL must be set");',
        '    let pool = PgPoolOptions::new().max_connections(5).connect(&database_url).await?;',
        '    db::migrate(&pool).await?;',
        '',
        '    let app = Router::new()',
        '        .route("/health", get(books::health))',
        '        .route("/api/books", get(books::list))',
        '        .with_state(AppState { pool });',
        '',
        '    let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(3000);',
        '    let addr = SocketAddr::from(([0, 0, 0, 0], port));',
        '    tracing::info!("listening on {addr}");',
        '    let listener = tokio::net::TcpListener::bind(addr).await?;',
        '    axum::serve(listener, app).with_graceful_shutdown(shutdown()).await?;',
        '    Ok(())',
        '}',
        '',
        'async fn shutdown() {',
        '    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM");',
        '    term.recv().await;',
        '}',
      ),
      'src/db.rs': lines(
        'use sqlx::PgPool;',
        '',
        '/// The schema and its first rows, applied at start (idempotent).',
        'pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::Error> {',
        '    sqlx::query("CREATE TABLE IF NOT EXISTS books (id BIGINT PRIMARY KEY, title TEXT NOT NULL, author TEXT NOT NULL)")',
        '        .execute(pool)',
        '        .await?;',
        '    sqlx::query("INSERT INTO books (id, title, author) VALUES (1, $1, $2), (2, $3, $4) ON CONFLICT (id) DO NOTHING")',
        '        .bind("The Rust Programming Language")',
        '        .bind("Klabnik & Nichols")',
        '        .bind("Zero To Production")',
        '        .bind("Palmieri")',
        '        .execute(pool)',
        '        .await?;',
        '    Ok(())',
        '}',
      ),
      'src/books.rs': lines(
        'use axum::{extract::State, http::StatusCode, Json};',
        'use serde::Serialize;',
        '',
        'use crate::AppState;',
        '',
        '#[derive(Serialize, sqlx::FromRow)]',
        'pub struct Book {',
        '    id: i64,',
        '    title: String,',
        '    author: String,',
        '}',
        '',
        'pub async fn health(State(state): State<AppState>) -> Result<Json<serde_json::Value>, StatusCode> {',
        '    sqlx::query("SELECT 1").execute(&state.pool).await.map_err(|_| StatusCode::SERVICE_UNAVAILABLE)?;',
        '    Ok(Json(serde_json::json!({ "status": "ok" })))',
        '}',
        '',
        'pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<Book>>, StatusCode> {',
        '    sqlx::query_as::<_, Book>("SELECT id, title, author FROM books ORDER BY id")',
        '        .fetch_all(&state.pool)',
        '        .await',
        '        .map(Json)',
        '        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)',
        '}',
      ),
    },
  },
];
