import { describe, expect, it } from 'vitest';
import { generate, seededRandom, snapshotOf, type Answers } from '../../core/index.js';
import { loadTemplates } from '../../node/templates.js';
import { crateName, readCargo, toolchainChannel } from './cargo.js';
import { envReads, findPort, findRuntime, pickBin, routesIn } from './detect.js';
import { rust } from './index.js';
import { PROBE_SOURCE } from './probe.js';
import { crateOf } from './starter.js';

const toml = (lines: string[]) => `${lines.join('\n')}\n`;

describe('Cargo.toml', () => {
  it('normalises crate names and reports each enabled feature as crate[feature], through renames and workspace inheritance', () => {
    expect(crateName('mysql_async')).toBe('mysql-async');
    const cargo = readCargo(
      snapshotOf({
        'Cargo.toml': toml([
          '[workspace]',
          'members = ["crates/*"]',
          '[workspace.dependencies]',
          'sqlx = { version = "0.8", features = ["postgres"] }',
          '[package]',
          'name = "root-app"',
          '[dependencies]',
          'pg = { package = "tokio-postgres", version = "0.7" }',
          'sqlx = { workspace = true, features = ["runtime-tokio"] }',
          'Redis = "0.27"',
          '[dev-dependencies]',
          'mongodb = "3"',
          "[target.'cfg(unix)'.dependencies]",
          'lapin = "2"',
        ]),
        'src/main.rs': 'fn main() {}',
        'crates/lib-a/Cargo.toml': toml(['[package]', 'name = "lib-a"']),
        'crates/lib-a/src/lib.rs': '',
      }),
    );
    expect(cargo?.isWorkspace).toBe(true);
    expect(cargo?.members.map((m) => m.name)).toEqual(['lib-a']);
    const deps = cargo?.root?.dependencies ?? [];
    expect(deps.map((d) => d.name)).toEqual(['tokio-postgres', 'sqlx', 'redis', 'lapin']);
    expect(deps.find((d) => d.name === 'sqlx')?.features).toEqual(['postgres', 'runtime-tokio']);
  });

  it('finds binary targets as Cargo does: src/main.rs, src/bin/*.rs, src/bin/<name>/main.rs and [[bin]] (which renames a discovered file)', () => {
    const cargo = readCargo(
      snapshotOf({
        'Cargo.toml': toml(['[package]', 'name = "shop"', 'default-run = "shop"', '[[bin]]', 'name = "shop-admin"', 'path = "src/bin/admin.rs"']),
        'src/main.rs': '',
        'src/lib.rs': '',
        'src/bin/admin.rs': '',
        'src/bin/worker/main.rs': '',
        'src/bin/worker/jobs.rs': '',
      }),
    );
    const root = cargo?.root;
    expect(root?.targets.map((t) => `${t.kind}:${t.name}:${t.path}`)).toEqual(['lib:shop:src/lib.rs', 'bin:shop:src/main.rs', 'bin:shop-admin:src/bin/admin.rs', 'bin:worker:src/bin/worker/main.rs']);
    expect(root && pickBin(root)).toEqual({ value: 'shop', rule: "Cargo.toml's default-run is shop" });
  });

  it('reads rust-toolchain.toml and the legacy rust-toolchain file', () => {
    expect(toolchainChannel(snapshotOf({ 'rust-toolchain.toml': '[toolchain]\nchannel = "1.89.0"\n' }))).toEqual({ channel: '1.89.0', file: 'rust-toolchain.toml' });
    expect(toolchainChannel(snapshotOf({ 'rust-toolchain': 'nightly-2025-06-01\n' }))).toEqual({ channel: 'nightly-2025-06-01', file: 'rust-toolchain' });
  });
});

describe('Rust detection', () => {
  it('maps the toolchain pin and rust-version to an image line', () => {
    const none = snapshotOf({});
    expect(findRuntime(snapshotOf({ 'rust-toolchain.toml': '[toolchain]\nchannel = "1.89"\n' }), undefined).found?.value).toBe('1.89');
    expect(findRuntime(none, { value: '1.70', file: 'Cargo.toml' }).found?.value).toBe(rust.runtime.default);
    expect(findRuntime(none, { value: '1.999', file: 'Cargo.toml' }).problem).toMatch(/newer than the Rust images/);
    const old = findRuntime(snapshotOf({ 'rust-toolchain.toml': '[toolchain]\nchannel = "1.75.0"\n' }), undefined);
    expect(old.found?.value).toBe(rust.runtime.supported[0]);
    expect(old.warning).toMatch(/rustup/);
  });

  it('finds routes of axum, Actix Web, Rocket and warp, and the port', () => {
    const sources = [
      { path: 'a.rs', text: '.route("/healthz", get(h))' },
      { path: 'b.rs', text: '#[get("/api/health")]\nasync fn h() {}\nweb::resource("/users/{id}")' },
      { path: 'c.rs', text: 'let h = warp::path!("internal" / "ready").map(|| "ok");' },
    ];
    expect(routesIn(sources).map((r) => r.path)).toEqual(['/healthz', '/api/health', '/internal/ready']);
    const p = (text: string) => findPort([{ path: 'main.rs', text }], snapshotOf({}), '')?.value;
    expect(p('TcpListener::bind("0.0.0.0:4000")')).toBe(4000);
    expect(p('SocketAddr::from(([0, 0, 0, 0], 5000))')).toBe(5000);
    expect(p('HttpServer::new(f).bind(("0.0.0.0", 8081))?')).toBe(8081);
    expect(p('let port = std::env::var("PORT").unwrap_or_else(|_| "7000".into());')).toBe(7000);
    expect(findPort([], snapshotOf({ 'Rocket.toml': '[default]\nport = 8800\n' }), '')?.value).toBe(8800);
  });

  it('reads the variables the code reads, and which have a default', () => {
    const env = envReads([{ path: 'main.rs', text: 'let db = std::env::var("DATABASE_URL").expect("x");\nlet l = env::var("RUST_LOG").unwrap_or_else(|_| "info".into());' }]);
    expect(env.map((e) => [e.key, e.hasDefault ?? false])).toEqual([
      ['DATABASE_URL', false],
      ['RUST_LOG', true],
    ]);
  });

  it('detects a workspace at its root: the member with a web framework, its services and features', () => {
    const project = snapshotOf({
      'Cargo.toml': toml(['[workspace]', 'members = ["api", "cli"]', '[workspace.dependencies]', 'sqlx = { version = "0.8", features = ["mysql"] }']),
      'Cargo.lock': '',
      'api/Cargo.toml': toml(['[package]', 'name = "api"', '[dependencies]', 'axum = "0.8"', 'sqlx.workspace = true']),
      'api/src/main.rs': 'fn main() { let _ = "0.0.0.0:9000"; }',
      'cli/Cargo.toml': toml(['[package]', 'name = "cli"']),
      'cli/src/main.rs': 'fn main() {}',
    });
    const d = rust.detect(project);
    expect(d?.confidence).toBe(2);
    expect(d?.framework?.value).toBe('axum');
    expect(d?.entrypoint?.value).toBe('api');
    expect(d?.port?.value).toBe(9000);
    expect(d?.packages.map((p) => p.name)).toContain('sqlx[mysql]');
    expect(d?.warnings.join('\n')).toMatch(/building api \(api\/\), since the only one with a web framework/);
  });
});

describe('Rust images', () => {
  const plan = (answers: Answers, files: Record<string, string> = {}) => generate({ answers, project: snapshotOf(files), templates: loadTemplates(), random: seededRandom(1) });
  const dockerfile = (p: ReturnType<typeof plan>) => p.files.find((f) => f.path === 'Dockerfile')?.content ?? '';

  it('stubs every target of a workspace in a dependency layer and builds one binary with -p and --bin, --locked with a Cargo.lock', () => {
    const files = {
      'Cargo.toml': toml(['[workspace]', 'members = ["crates/*"]']),
      'Cargo.lock': 'version = 4\n',
      'crates/web/Cargo.toml': toml(['[package]', 'name = "web"', '[dependencies]', 'actix-web = "4"']),
      'crates/web/build.rs': 'fn main() {}',
      'crates/web/src/main.rs': 'fn main() {}',
      'crates/core/Cargo.toml': toml(['[package]', 'name = "core"']),
      'crates/core/src/lib.rs': '',
    };
    const text = dockerfile(plan({ language: 'rust' } as Answers, files));
    expect(text).toContain('COPY Cargo.toml Cargo.lock ./\nCOPY crates/core/Cargo.toml crates/core/\nCOPY crates/web/Cargo.toml crates/web/\n');
    expect(text).toContain("echo 'fn main() {}' > crates/web/build.rs");
    expect(text).toContain('touch crates/core/src/lib.rs');
    expect(text).toContain('cargo build --release --locked -p web --bin web \\\n');
    expect(text).toContain('cp target/release/web /out/web');
    expect(text).toContain('FROM gcr.io/distroless/cc-debian13:nonroot');
    expect(text).toMatch(/--mount=type=cache,id=[\w-]+-target,target=\/app\/target,from=deps,source=\/app\/target/);
  });

  it('says to build from the root when the app folder is a member of a workspace above it', () => {
    const files = {
      'Cargo.toml': toml(['[workspace]', 'members = ["crates/web"]']),
      'crates/web/Cargo.toml': toml(['[package]', 'name = "web"', '[dependencies]', 'axum = "0.8"']),
      'crates/web/src/main.rs': 'fn main() {}',
    };
    const p = plan({ app: 'crates/web', language: 'rust' } as Answers, files);
    expect(p.notes.join('\n')).toMatch(/crates\/web\/ is a member of the Cargo workspace at the repository root/);
  });

  it('writes a starter whose crates resolve from crates.io and from Debian alike, and no --locked without a lockfile', () => {
    const p = plan({ name: 'demo', language: 'rust', framework: 'warp', services: ['postgres', 'redis'] } as Answers);
    const cargo = p.files.find((f) => f.path === 'Cargo.toml')?.content ?? '';
    expect(cargo).toContain('axum = ">=0.7, <0.9"');
    expect(cargo).toContain('name = "server"');
    expect(p.answers.framework).toBe('axum');
    const health = p.files.find((f) => f.path === 'src/health.rs')?.content ?? '';
    expect(health).toContain('async fn postgres()');
    expect(health).toContain('async fn redis()');
    expect(dockerfile(p)).not.toContain('--locked');
    expect(crateOf('My App!')).toBe('my-app');
  });

  it('has a probe with no single quote (it is written with printf) and the healthcheck contract of the Go probe', () => {
    expect(PROBE_SOURCE.some((l) => l.includes("'"))).toBe(false);
    expect(rust.healthcheck(3000, '/health', false)).toEqual(['/usr/local/bin/healthcheck', '3000', '/health', '400']);
    expect(rust.healthcheck(3000, '/', true)[3]).toBe('500');
  });
});
