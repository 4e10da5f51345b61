import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { swarmSecretName, swarmSecretPath, type ServiceEntry } from '../core/provider.js';
import { versions } from '../versions.js';
import { ADO_SQL, connectionStringVariable, dataClaim, jdbcVariable, dbIdentifier, healthcheck, podTemplate, probe, required, serviceFor, swarmDeploy, wireVariable } from './shared.js';

const image = versions.services.postgres;
const pgIsReady = (user: string, db: string) => ['CMD', 'pg_isready', '-h', '127.0.0.1', '-U', user, '-d', db];

export const postgres: ServiceEntry = {
  id: 'postgres',
  title: 'PostgreSQL',
  kind: 'database',
  image,
  port: 5432,
  volume: { name: 'postgres-data', target: '/var/lib/postgresql/data' },
  urlVar: 'DATABASE_URL',
  clients: {
    python: { packages: ['psycopg', 'psycopg2', 'psycopg2-binary', 'psycopg-binary', 'psycopg-c', 'asyncpg', 'pg8000', 'aiopg'], starter: ['psycopg[binary]'] },
    node: { packages: ['pg', 'postgres', 'pg-promise', '@neondatabase/serverless', 'slonik', '@vercel/postgres'], starter: ['pg'] },
    // Go: module paths from go.mod; the starter checks PostgreSQL with the standard library (net).
    go: { packages: ['github.com/jackc/pgx/v5', 'github.com/jackc/pgx/v4', 'github.com/jackc/pgx', 'github.com/lib/pq', 'gorm.io/driver/postgres', 'github.com/go-pg/pg/v10', 'github.com/uptrace/bun/driver/pgdriver'], starter: ['net'] },
    // Rust: crate names from Cargo.toml (`_` as `-`), a feature as crate[feature]; the starter checks PostgreSQL over tokio's TcpStream.
    rust: { packages: ['sqlx[postgres]', 'sqlx-postgres', 'tokio-postgres', 'postgres', 'diesel[postgres]', 'diesel-async[postgres]', 'deadpool-postgres', 'bb8-postgres', 'sea-orm[sqlx-postgres]'], starter: ['tokio'] },
    // Ruby: gem names from the Gemfile and Gemfile.lock; the starter checks PostgreSQL with the standard library (socket).
    ruby: { packages: ['pg', 'sequel_pg', 'activerecord-postgis-adapter', 'que', 'good_job'], starter: ['socket'] },
    // .NET: NuGet ids, lowercase; the starter checks PostgreSQL with System.Net.Sockets.
    dotnet: { packages: ['npgsql', 'npgsql.entityframeworkcore.postgresql', 'npgsql.dependencyinjection', 'aspnetcore.healthchecks.npgsql', 'marten', 'linq2db.postgresql', 'efcore.naming-conventions.postgresql'], starter: ['system.net.sockets'] },
    // PHP: Composer packages and ext-* requirements; the starter checks PostgreSQL with PDO (pdo_pgsql).
    php: { packages: ['ext-pdo_pgsql', 'ext-pgsql'], starter: ['pdo_pgsql'] },
    // Java: Maven/Gradle coordinates (groupId:artifactId, lowercase); the starter checks PostgreSQL with java.net.
    java: { packages: ['org.postgresql:postgresql', 'org.postgresql:r2dbc-postgresql', 'io.vertx:vertx-pg-client', 'io.quarkus:quarkus-jdbc-postgresql', 'io.quarkus:quarkus-reactive-pg-client', 'com.impossibl.pgjdbc-ng:pgjdbc-ng'], starter: ['java.net'] },
  },
  urlSchemes: ['postgres', 'postgresql', 'postgresql+asyncpg', 'postgresql+psycopg', 'postgresql+psycopg2', 'postgresql+pg8000', 'pgsql'],
  env: [
    { key: 'POSTGRES_USER', comment: 'PostgreSQL: the postgres container creates this user and database on its first start', value: dbIdentifier, readBy: 'service' },
    { key: 'POSTGRES_PASSWORD', secretLength: 32, readBy: 'service' },
    { key: 'POSTGRES_DB', value: dbIdentifier, readBy: 'service' },
    {
      key: 'DATABASE_URL',
      comment: 'The app connects with this URL ("postgres" is the compose service name)',
      example: 'postgresql://USER:PASSWORD@postgres:5432/DATABASE',
      secret: true,
      value: (_ctx, env) => `postgresql://${env.POSTGRES_USER}:${encodeURIComponent(env.POSTGRES_PASSWORD ?? '')}@postgres:5432/${env.POSTGRES_DB}`,
    },
  ],
  wire: (key, example) =>
    // Java: a JDBC URL, user and password apart (SPRING_DATASOURCE_URL=jdbc:postgresql://postgres:5432/...).
    jdbcVariable(key, example, { host: 'postgres', port: 5432, subprotocols: ['postgresql'], user: (env) => env.POSTGRES_USER ?? '', password: (env) => env.POSTGRES_PASSWORD ?? '', database: (env) => env.POSTGRES_DB ?? '' }) ??
    // .NET: Npgsql's keyword=value connection string (ConnectionStrings__Default).
    connectionStringVariable(key, example, {
      host: 'postgres',
      names: /^(default|defaultconnection|database|db|main|app\w*|\w*(postgres|pg|npgsql)\w*)$/i,
      looksLike: (e) => ADO_SQL.test(e),
      value: (env) => `Host=postgres;Port=5432;Database=${env.POSTGRES_DB ?? ''};Username=${env.POSTGRES_USER ?? ''};Password=${env.POSTGRES_PASSWORD ?? ''}`,
      example: 'Host=postgres;Port=5432;Database=DATABASE;Username=USER;Password=PASSWORD',
    }) ??
    wireVariable(key, example, {
      stems: ['POSTGRES', 'POSTGRESQL', 'PG', 'PSQL', 'DB', 'DATABASE', 'SQL'],
      host: 'postgres',
      port: 5432,
      user: (env) => env.POSTGRES_USER ?? '',
      password: (env) => env.POSTGRES_PASSWORD ?? '',
      database: (env) => env.POSTGRES_DB ?? '',
      engine: 'django.db.backends.postgresql',
      url: (env, scheme) => `${scheme ?? 'postgresql'}://${env.POSTGRES_USER ?? 'USER'}:${encodeURIComponent(env.POSTGRES_PASSWORD ?? 'PASSWORD')}@postgres:5432/${env.POSTGRES_DB ?? 'DATABASE'}`,
      schemes: ['postgres', 'postgresql', 'postgresql+asyncpg', 'postgresql+psycopg', 'postgresql+psycopg2', 'postgresql+pg8000', 'asyncpg'],
    }),
  compose: () => ({
    image,
    restart: 'unless-stopped',
    environment: {
      POSTGRES_USER: required('POSTGRES_USER'),
      POSTGRES_PASSWORD: required('POSTGRES_PASSWORD'),
      POSTGRES_DB: required('POSTGRES_DB'),
    },
    volumes: ['postgres-data:/var/lib/postgresql/data'],
    healthcheck: healthcheck(pgIsReady('${POSTGRES_USER}', '${POSTGRES_DB}'), '10s'),
  }),
  composeComments: {
    'healthcheck.test': 'Healthy once the server accepts TCP connections (not during first-start initialisation)',
    'healthcheck.interval': 'pg_isready is cheap: a short interval lets the app start sooner',
    volumes: 'Data survives `docker compose down`; `down -v` deletes it',
  },
  swarm: (ctx) => ({
    service: {
      image,
      environment: {
        POSTGRES_USER: dbIdentifier(ctx),
        POSTGRES_DB: dbIdentifier(ctx),
        POSTGRES_PASSWORD_FILE: swarmSecretPath('POSTGRES_PASSWORD'),
      },
      secrets: [swarmSecretName('POSTGRES_PASSWORD')],
      volumes: ['postgres-data:/var/lib/postgresql/data'],
      healthcheck: healthcheck(pgIsReady(dbIdentifier(ctx), dbIdentifier(ctx)), '10s'),
      deploy: swarmDeploy('1G'),
    },
    secrets: ['POSTGRES_PASSWORD'],
    comments: {
      volumes: 'A named volume lives on one node: keep the database there (deploy.placement.constraints, e.g. node.labels.db == true)',
      'environment.POSTGRES_PASSWORD_FILE': 'The image reads the password from the Docker secret file',
    },
  }),
  kubernetes: (k) => [
    serviceFor(k, 'postgres', 5432, true),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'postgres', labels: k.labels('postgres') },
      spec: {
        serviceName: 'postgres',
        replicas: 1,
        selector: { matchLabels: k.selector('postgres') },
        template: podTemplate(k, 'postgres', {
          name: 'postgres',
          image,
          ports: [{ name: 'postgres', containerPort: 5432 }],
          env: [
            k.fromConfig('POSTGRES_USER'),
            k.fromConfig('POSTGRES_DB'),
            k.fromSecret('POSTGRES_PASSWORD'),
            // A subfolder: the volume's root may hold lost+found, which initdb refuses.
            { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
          ],
          readinessProbe: probe('pg_isready -h 127.0.0.1 -U "$POSTGRES_USER" -d "$POSTGRES_DB"'),
          livenessProbe: { ...probe('pg_isready -h 127.0.0.1 -U "$POSTGRES_USER" -d "$POSTGRES_DB"'), initialDelaySeconds: 30 },
          resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
          securityContext: { allowPrivilegeEscalation: false },
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
        }),
        volumeClaimTemplates: [dataClaim('1Gi')],
      },
    } satisfies IStatefulSet,
  ],
  readme: (ctx) => [{ task: 'A `psql` session', command: `docker compose exec postgres psql -U ${dbIdentifier(ctx)} ${dbIdentifier(ctx)}` }],
  secretsNote: `PostgreSQL sets its password when its volume is first created. To change it
later, change \`POSTGRES_PASSWORD\` and \`DATABASE_URL\` together, then
\`docker compose down -v\` (this deletes the database) and start again.`,
  k8sSummary: 'PostgreSQL as a StatefulSet with a volume claim and a headless Service',
};
