import type { EntryContext, ServiceEntry, ServiceId } from './types.js';
import { versions } from './versions.js';

/** A compose interpolation that stops `docker compose` with a clear message when .env lacks the variable. */
export const required = (key: string) => `\${${key}:?set ${key} in .env}`;

/** Database and user names derived from the project name (Postgres identifiers: no dashes). */
export const dbIdentifier = (ctx: EntryContext) => ctx.name.replace(/[^a-z0-9_]/g, '_');

export const services: Record<ServiceId, ServiceEntry> = {
  postgres: {
    id: 'postgres',
    title: 'PostgreSQL',
    image: versions.services.postgres,
    port: 5432,
    volume: { name: 'postgres-data', target: '/var/lib/postgresql/data' },
    urlVar: 'DATABASE_URL',
    env: [
      { key: 'POSTGRES_USER', comment: 'PostgreSQL: the postgres container creates this user and database on its first start', value: dbIdentifier },
      { key: 'POSTGRES_PASSWORD', secretLength: 32 },
      { key: 'POSTGRES_DB', value: dbIdentifier },
      {
        key: 'DATABASE_URL',
        comment: 'The app connects with this URL ("postgres" is the compose service name)',
        example: 'postgresql://USER:PASSWORD@postgres:5432/DATABASE',
        value: (_ctx, env) =>
          `postgresql://${env.POSTGRES_USER}:${encodeURIComponent(env.POSTGRES_PASSWORD ?? '')}@postgres:5432/${env.POSTGRES_DB}`,
      },
    ],
    compose: () => ({
      image: versions.services.postgres,
      restart: 'unless-stopped',
      environment: {
        POSTGRES_USER: required('POSTGRES_USER'),
        POSTGRES_PASSWORD: required('POSTGRES_PASSWORD'),
        POSTGRES_DB: required('POSTGRES_DB'),
      },
      volumes: ['postgres-data:/var/lib/postgresql/data'],
      healthcheck: {
        test: ['CMD', 'pg_isready', '-h', '127.0.0.1', '-U', '${POSTGRES_USER}', '-d', '${POSTGRES_DB}'],
        interval: '5s',
        timeout: '5s',
        retries: 10,
        start_period: '10s',
      },
    }),
    composeComments: {
      'healthcheck.test': 'Healthy once the server accepts TCP connections (not during first-start initialisation)',
      volumes: 'Data survives `docker compose down`; `down -v` deletes it',
    },
    python: ['psycopg[binary]'],
    node: ['pg'],
  },
  redis: {
    id: 'redis',
    title: 'Redis',
    image: versions.services.redis,
    port: 6379,
    volume: { name: 'redis-data', target: '/data' },
    urlVar: 'REDIS_URL',
    env: [
      { key: 'REDIS_PASSWORD', comment: 'Redis: every client must authenticate with this password', secretLength: 32 },
      {
        key: 'REDIS_URL',
        comment: 'The app connects with this URL ("redis" is the compose service name)',
        example: 'redis://default:PASSWORD@redis:6379/0',
        value: (_ctx, env) => `redis://default:${encodeURIComponent(env.REDIS_PASSWORD ?? '')}@redis:6379/0`,
      },
    ],
    compose: () => ({
      image: versions.services.redis,
      restart: 'unless-stopped',
      command: ['redis-server', '--requirepass', required('REDIS_PASSWORD'), '--appendonly', 'yes'],
      environment: {
        REDISCLI_AUTH: required('REDIS_PASSWORD'),
      },
      volumes: ['redis-data:/data'],
      healthcheck: {
        test: ['CMD-SHELL', 'redis-cli ping | grep -q PONG'],
        interval: '5s',
        timeout: '5s',
        retries: 10,
        start_period: '5s',
      },
    }),
    composeComments: {
      command: 'Clients must authenticate; the append-only file keeps data across restarts',
      'environment.REDISCLI_AUTH': 'redis-cli (the healthcheck) reads the password from here',
    },
    python: ['redis'],
    node: ['redis'],
  },
};
