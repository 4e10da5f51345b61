/**
 * Every image tag and dependency version the generator can write, in one place.
 *
 * To bump a version: change it here, run `npm run goldens:update`, review the
 * golden diff, and (for the Node starters) `npm run lockfiles:update`, which
 * re-resolves the starter lockfiles from the npm registry. `dockerize
 * --list-images` prints every image tag below, for pre-pulling.
 *
 * This file is data only: no logic, no imports.
 */
export const versions = {
  /** Base images for the app. `{version}` is replaced by the runtime version. */
  runtimes: {
    python: {
      tag: 'python:{version}-slim-trixie',
      default: '3.13',
      supported: ['3.11', '3.12', '3.13', '3.14'],
    },
    node: {
      tag: 'node:{version}-trixie-slim',
      default: '24',
      supported: ['20', '22', '24', '26'],
      /** Lines still served for apps pinned to them, past their upstream end of life (the generated README says so). */
      endOfLife: { '20': '2026-04-30' },
    },
    /** Go: the build stage's image (the final stage is distroless, below). */
    go: {
      tag: 'golang:{version}-trixie',
      default: '1.24',
      supported: ['1.24', '1.25'],
    },
    /** Rust: the build stage's image (the final stage is distroless cc, below). Lines with -slim-trixie tags. */
    rust: {
      tag: 'rust:{version}-slim-trixie',
      default: '1.91',
      supported: ['1.88', '1.89', '1.90', '1.91'],
    },
    /**
     * .NET: the runtime version is the TargetFramework's (net8.0 -> 8.0). The images
     * the Dockerfile names are the distro-pinned ones in `dotnetImages` below; this
     * tag (the same image: Debian 12 for 8.0 and 9.0, Ubuntu 24.04 for 10.0, where
     * Microsoft publishes no Debian image) is the line's default.
     */
    dotnet: {
      tag: 'mcr.microsoft.com/dotnet/aspnet:{version}',
      default: '10.0',
      supported: ['8.0', '9.0', '10.0'],
      endOfLife: { '8.0': '2026-11-10', '9.0': '2026-11-10' },
    },
    /** Ruby: the same slim image in the build stage (with build tools added) and the final one. */
    ruby: {
      tag: 'ruby:{version}-slim-trixie',
      default: '3.4',
      supported: ['3.2', '3.3', '3.4', '4.0'],
      /** Lines still served for apps pinned to them, past their upstream end of life (the generated README says so). */
      endOfLife: { '3.2': '2026-03-31' },
    },
    /** PHP: the official image with Apache and mod_php (Debian trixie), in every stage. */
    php: {
      tag: 'php:{version}-apache-trixie',
      default: '8.4',
      supported: ['8.2', '8.3', '8.4', '8.5'],
    },
    /** Java: the final stage's JRE (Eclipse Temurin, Ubuntu noble); the build stage's images are in `javaBuild` below. */
    java: {
      tag: 'eclipse-temurin:{version}-jre-noble',
      default: '21',
      supported: ['17', '21', '25'],
    },
  },

  /** Final-stage images of compiled languages: no shell, no package manager, a nonroot user (uid 65532). */
  distroless: {
    /** A static binary (CGO_ENABLED=0): CA certificates, tzdata, /etc/passwd and nothing else. */
    static: 'gcr.io/distroless/static-debian12:nonroot',
    /** A cgo binary: glibc too (built on bookworm, so its glibc is the one the binary was linked against). */
    base: 'gcr.io/distroless/base-debian12:nonroot',
    /** A Rust binary: glibc, libgcc_s and libssl; debian13 (trixie), the release the rust:*-trixie builder links against. */
    cc: 'gcr.io/distroless/cc-debian13:nonroot',
  },

  /**
   * .NET's images per line, distro pinned: the SDK builds, the ASP.NET Core runtime
   * runs (its non-root user is APP_UID, 1654). 8.0 and 9.0 on Debian 12 slim; 10.0
   * on Ubuntu 24.04, since Microsoft publishes no Debian images for .NET 10. An
   * SDK that global.json pins to a feature band is the `sdk` tag with that
   * version in front of the `-<distro>` part (9.0.100-bookworm-slim).
   */
  dotnetImages: {
    '8.0': { sdk: 'mcr.microsoft.com/dotnet/sdk:8.0-bookworm-slim', aspnet: 'mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim', distro: 'bookworm-slim' },
    '9.0': { sdk: 'mcr.microsoft.com/dotnet/sdk:9.0-bookworm-slim', aspnet: 'mcr.microsoft.com/dotnet/aspnet:9.0-bookworm-slim', distro: 'bookworm-slim' },
    '10.0': { sdk: 'mcr.microsoft.com/dotnet/sdk:10.0-noble', aspnet: 'mcr.microsoft.com/dotnet/aspnet:10.0-noble', distro: 'noble' },
  },

  /** Images for the backing services (pinned to a major or minor version, and a Debian release where the image is Debian-based). */
  services: {
    postgres: 'postgres:17-trixie',
    /** Oracle Linux based: the tag has no release. */
    mysql: 'mysql:8.4',
    /** Ubuntu based (noble): the tag has no Debian release. */
    mariadb: 'mariadb:11.8',
    /** Ubuntu based: noble is its release. */
    mongodb: 'mongo:8.0-noble',
    redis: 'redis:8.6-trixie',
    valkey: 'valkey/valkey:8.1-trixie',
    memcached: 'memcached:1.6-trixie',
    /** Ubuntu based: the tag has no release; -management adds the web UI on 15672 (not published). */
    rabbitmq: 'rabbitmq:4.1-management',
  },

  /** Python packages written to requirements.txt (exact pins). */
  python: {
    fastapi: '0.142.2',
    uvicorn: '0.54.0',
    flask: '3.1.3',
    django: '5.2.18',
    gunicorn: '26.2.0',
    'psycopg[binary]': '3.3.6',
    redis: '8.1.0',
  },

  /** npm packages of the Node starter apps (exact pins; lockfiles are captured from these). */
  node: {
    express: '5.3.0',
    fastify: '5.12.8',
    '@nestjs/common': '12.5.1',
    '@nestjs/core': '12.5.1',
    '@nestjs/platform-express': '12.5.1',
    'reflect-metadata': '0.2.2',
    rxjs: '7.8.2',
    typescript: '5.9.3',
    '@types/node': '24.19.2',
    next: '16.4.6',
    react: '19.3.1',
    'react-dom': '19.3.1',
    pg: '8.23.1',
    redis: '6.3.1',
  },

  /**
   * Crates of the Rust starter (Cargo requirements; it ships no Cargo.lock, so
   * the first build resolves them). axum's range takes 0.8 from crates.io and
   * 0.7 where only that is packaged (Debian): the starter's code builds on both.
   */
  rust: {
    axum: '>=0.7, <0.9',
    tokio: '1',
  },

  /**
   * CI workflows (answers' `ci`): the GitHub Actions they use, by major version
   * (each action's maintainers move the major tag to its latest fix; Dependabot can pin
   * them to commit SHAs), and the Docker image GitLab's jobs run with its daemon.
   */
  ci: {
    actions: {
      checkout: 'actions/checkout@v4',
      setupBuildx: 'docker/setup-buildx-action@v3',
      login: 'docker/login-action@v3',
      metadata: 'docker/metadata-action@v5',
      buildPush: 'docker/build-push-action@v6',
    },
    gitlabDocker: 'docker:27',
    gitlabDind: 'docker:27-dind',
  },

  /** Package managers installed in the dependency stage of Node images. */
  tools: {
    pnpm: '10.34.9',
    yarn: '1.22.22',
    corepack: '0.36.0',
    /** bun, for projects whose lockfile is bun.lock (installed from the npm registry's `bun` package; the app runs on node). */
    bun: '1.3.14',
    /** pnpm for the older lockfile formats (lockfileVersion 5.x: pnpm 7; 6.0: pnpm 8). */
    pnpm7: '7.33.7',
    pnpm8: '8.15.9',
  },

  /** Python installers: uv's binary comes from its official image; the others are pinned pip installs in the build stage. */
  pythonTools: {
    uvImage: 'ghcr.io/astral-sh/uv:0.13.7',
    poetry: '2.2.1',
    pipenv: '2025.0.4',
    pdm: '2.25.4',
  },

  /** PHP: Composer's binary comes from its official image (mounted into the build steps that run it). */
  phpTools: {
    composerImage: 'composer:2.8',
  },

  /**
   * Java's build stage, per build tool (`{version}` is the Java line): Maven from
   * its official image (also when the project has mvnw: the wrapper would download
   * Maven again), the project's Gradle wrapper on the Temurin JDK, or Gradle's image
   * when there is no wrapper.
   */
  javaBuild: {
    maven: 'maven:3.9-eclipse-temurin-{version}-noble',
    jdk: 'eclipse-temurin:{version}-jdk-noble',
    gradle: 'gradle:9.2-jdk{version}-noble',
    /** maven-dependency-plugin, named in full (Maven resolves a bare `dependency:` prefix from repository metadata, which mirrors may lack). */
    dependencyPlugin: '3.8.1',
  },
} as const;
