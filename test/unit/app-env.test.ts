/**
 * The variables the app reads under its own names: read from .env.example and
 * the code, then wired in .env to the generated services (host = compose
 * service name, the generated passwords), random for the app's own secrets,
 * the example's value for the rest.
 */
import { parse as parseDotenv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { detect, generate, seededRandom, snapshotOf, type Answers } from '../../src/core/index.js';
import { loadTemplates } from '../../src/node/templates.js';

const plan = (files: Record<string, string>, answers: Answers = {}) => generate({ answers, project: snapshotOf(files), templates: loadTemplates(), random: seededRandom(7) });
const envOf = (p: ReturnType<typeof plan>) => parseDotenv(p.files.find((f) => f.path === '.env')?.content ?? '');
const exampleOf = (p: ReturnType<typeof plan>) => parseDotenv(p.files.find((f) => f.path === '.env.example')?.content ?? '');

const fastapi = {
  'requirements.txt': 'fastapi\nuvicorn\nasyncpg\nredis\n',
  'app/__init__.py': '',
  'app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
  'app/core/config.py': [
    'from pydantic_settings import BaseSettings, SettingsConfigDict',
    '',
    '',
    'class Settings(BaseSettings):',
    '    model_config = SettingsConfigDict(env_file=".env")',
    '    POSTGRES_SERVER: str',
    '    POSTGRES_PORT: int = 5432',
    '    POSTGRES_USER: str',
    '    POSTGRES_PASSWORD: str',
    '    POSTGRES_DB: str = ""',
    '    secret_key: str',
    '    PROJECT_NAME: str = "shop"',
    '    STRIPE_SECRET_KEY: str',
    '    REDIS_HOST: str = "localhost"',
    '',
  ].join('\n'),
  '.env.example': 'SQLALCHEMY_DATABASE_URI=postgresql+asyncpg://app:app@localhost:5432/app\nSENTRY_DSN=\nLOG_LEVEL=info\nbroken line here\n',
};

describe("the app's own variables", () => {
  it('are read from settings classes (pydantic, with defaults) and .env.example, and a bad example line is a warning', () => {
    const d = detect(snapshotOf(fastapi));
    const keys = (d.env ?? []).map((e) => e.key);
    expect(keys).toEqual(expect.arrayContaining(['POSTGRES_SERVER', 'POSTGRES_PORT', 'SECRET_KEY', 'STRIPE_SECRET_KEY', 'SQLALCHEMY_DATABASE_URI', 'LOG_LEVEL']));
    expect(d.env?.find((e) => e.key === 'POSTGRES_PORT')?.hasDefault).toBe(true);
    expect(d.env?.find((e) => e.key === 'POSTGRES_SERVER')?.evidence).toBe('app/core/config.py: Settings');
    expect(d.warnings).toContain('.env.example line 4 is not KEY=value: skipped ("broken line here")');
  });

  it('are wired to the services, made up when they are the app\'s own secrets, and left to the user when they are someone else\'s', () => {
    const p = plan(fastapi);
    const env = envOf(p);
    expect(env.POSTGRES_SERVER).toBe('postgres');
    expect(env.POSTGRES_PORT).toBe('5432');
    // The scheme of the example (an asyncpg URL) is kept; user and password are the generated ones.
    expect(env.SQLALCHEMY_DATABASE_URI).toBe(`postgresql+asyncpg://${env.POSTGRES_USER}:${encodeURIComponent(env.POSTGRES_PASSWORD ?? '')}@postgres:5432/${env.POSTGRES_DB}`);
    expect(env.REDIS_HOST).toBe('redis');
    expect(env.SECRET_KEY).toMatch(/^[A-Za-z0-9]{50}$/);
    expect(env.STRIPE_SECRET_KEY).toBe('');
    expect(env.LOG_LEVEL).toBe('info');
    // A read with a default of its own and no example is not written: the code's default stays in force.
    expect(env.PROJECT_NAME).toBeUndefined();
    const example = exampleOf(p);
    // The user's own .env.example lines stay as they are; what it lacked is added with placeholders.
    expect(example.SQLALCHEMY_DATABASE_URI).toBe('postgresql+asyncpg://app:app@localhost:5432/app');
    expect(example.POSTGRES_SERVER).toBe('postgres');
    expect(example.SECRET_KEY).toBe('change-me');
    expect(p.notes.join('\n')).toMatch(/Set SENTRY_DSN and STRIPE_SECRET_KEY in \.env/);
    expect(p.notes.join('\n')).toMatch(/reads REDIS_HOST but no password or URL for Redis/);
  });

  it('keep what the user has in .env, and a second run adds nothing', () => {
    const first = plan({ ...fastapi, '.env': 'SECRET_KEY=mine-and-long-enough-to-keep-123456\n' });
    expect(envOf(first).SECRET_KEY).toBe('mine-and-long-enough-to-keep-123456');
    const folder = { ...fastapi, ...Object.fromEntries(first.files.map((f) => [f.path, f.content])) };
    const second = plan(folder);
    for (const f of second.files) if (f.kind !== 'starter') expect(f.content, f.path).toBe(folder[f.path as keyof typeof folder]);
  });

  it("join Django's hosts the way its settings split them", () => {
    const django = {
      'requirements.txt': 'django\npsycopg\n',
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site1.settings")\n',
      'site1/__init__.py': '',
      'site1/settings.py': [
        'import os',
        'SECRET_KEY = os.environ.get("SECRET_KEY")',
        'DEBUG = int(os.environ.get("DEBUG", default=0))',
        'ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS").split(" ")',
        'DATABASES = {"default": {"ENGINE": os.environ.get("SQL_ENGINE", "django.db.backends.sqlite3"), "HOST": os.environ.get("SQL_HOST", "localhost"), "PASSWORD": os.environ.get("SQL_PASSWORD", "password")}}',
        'WSGI_APPLICATION = "site1.wsgi.application"',
      ].join('\n'),
      'site1/wsgi.py': 'application = None\n',
    };
    const env = envOf(plan(django, { services: ['postgres'] }));
    expect(env.DJANGO_ALLOWED_HOSTS).toBe('localhost 127.0.0.1 [::1]');
    expect(env.SQL_HOST).toBe('postgres');
    expect(env.SQL_PASSWORD).toBe(env.POSTGRES_PASSWORD);
    expect(env.DEBUG).toBe('0');
  });

  it('from Node code: process.env reads (a default after || or ??), destructuring', () => {
    const files = {
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '5', pg: '8' }, scripts: { start: 'node src/server.js' } }),
      'src/server.js': "const { PGHOST, PGPASSWORD, LOG_LEVEL = 'info' } = process.env;\nconst secret = process.env.JWT_SECRET;\nconst ttl = Number(process.env.TOKEN_TTL) || 3600;\nrequire('express')().listen(process.env.PORT ?? 3000);\n",
    };
    const d = detect(snapshotOf(files));
    expect(Object.fromEntries((d.env ?? []).map((e) => [e.key, Boolean(e.hasDefault)]))).toEqual({ PGHOST: false, PGPASSWORD: false, LOG_LEVEL: true, JWT_SECRET: false, TOKEN_TTL: true, PORT: true });
    const env = envOf(plan(files));
    expect(env.PGHOST).toBe('postgres');
    expect(env.PGPASSWORD).toBe(env.POSTGRES_PASSWORD);
    expect(env.JWT_SECRET).toMatch(/^[A-Za-z0-9]{50}$/);
    expect(env.TOKEN_TTL).toBeUndefined();
    // The image sets PORT (the app's port): .env must not change it.
    expect(env.PORT).toBeUndefined();
  });

  it("leave APP_PORT to an app that listens on it: the host port is HOST_PORT then", () => {
    const files = {
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '5' }, scripts: { start: 'node main.js' } }),
      'main.js': "require('express')().listen(process.env.APP_PORT || 3000);\n",
    };
    const p = plan(files);
    const env = envOf(p);
    expect(env.APP_PORT).toBe('3000');
    expect(env.HOST_PORT).toBe('3000');
    expect(p.files.find((f) => f.path === 'docker-compose.yml')?.content).toContain('"${HOST_PORT:-3000}:3000"');
    // Without such a read, APP_PORT is the host port as always.
    expect(envOf(plan({ ...files, 'main.js': "require('express')().listen(3000);\n" })).HOST_PORT).toBeUndefined();
  });
});

describe('what real apps showed (re-runs, brokers, layouts)', () => {
  const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'x', scripts: { start: 'node index.js' }, dependencies: { express: '^4.21.2', ...deps } });

  it('a re-run keeps MariaDB and Valkey: the written .env.example names them by host, not by the URL scheme they share with MySQL and Redis', () => {
    const files = { 'package.json': pkg({ mariadb: '^3.4.0', iovalkey: '^0.3.1' }), 'index.js': 'require("express")().listen(3000);\n' };
    const first = plan(files, { services: ['mariadb', 'valkey'] });
    const again = { ...files, '.env.example': first.files.find((f) => f.path === '.env.example')!.content };
    expect(detect(snapshotOf(again)).services).toEqual(['mariadb', 'valkey']);
    expect(plan(again).answers.services).toEqual(['mariadb', 'valkey']);
  });

  it('two services for one URL: the client package wins over an example URL, with a warning', () => {
    const d = detect(snapshotOf({ 'package.json': pkg({ mariadb: '^3.4.0' }), 'index.js': '', '.env.example': 'DATABASE_URL=mysql://u:p@localhost:3306/db\n' }));
    expect(d.services).toEqual(['mariadb']);
    expect(d.warnings.join('\n')).toMatch(/MySQL found too \(\.env\.example: DATABASE_URL=mysql:\/\/\.\.\.\), but MariaDB \(package\.json dependencies: mariadb \^3\.4\.0\) gives the app the same DATABASE_URL/);
  });

  it("a Celery broker whose code default is pyamqp:// goes to RabbitMQ, with that scheme, though Redis also wires *_BROKER_URL", () => {
    const p = plan({
      'requirements.txt': 'flask\ncelery\nredis\n',
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
      'jobs/worker/tasks.py': 'import os\nfrom celery import Celery\ncelery = Celery("jobs", broker=os.environ.get("CELERY_BROKER_URL", "pyamqp://guest@localhost//"), backend=os.environ.get("CELERY_RESULT_BACKEND", "redis://localhost:6379/0"))\n',
    });
    expect(p.answers.services).toEqual(['redis', 'rabbitmq']);
    const env = envOf(p);
    expect(env.CELERY_BROKER_URL).toMatch(/^pyamqp:\/\/[a-z_]+:[^@]+@rabbitmq:5672\//);
    expect(env.CELERY_RESULT_BACKEND).toMatch(/^redis:\/\/default:[^@]+@redis:6379\/0$/);
    // Two folders down, the Celery app still gets its worker.
    expect(p.processes.map((x) => x.command.join(' '))).toContain('celery -A jobs.worker.tasks worker --loglevel=INFO');
  });

  it('reads env in the folders real apps keep beside their entry, wires *_PASSWD, and sees that an app reading MARIADB_PASSWORD has the password', () => {
    const p = plan({
      'package.json': pkg({ mysql2: '^3.12.0' }),
      'index.js': 'require("./utils/db");\n',
      'utils/db.js': 'module.exports = require("mysql2").createPool({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWD, database: process.env.DB_NAME });\n',
    });
    const env = envOf(p);
    expect(env.DB_HOST).toBe('mysql');
    expect(env.DB_PASSWD).toBe(env.MYSQL_PASSWORD);
    const m = plan({ 'package.json': pkg({ mariadb: '^3.4.0' }), 'index.js': 'const o = { host: process.env.MARIADB_HOST, password: process.env.MARIADB_PASSWORD };\n' });
    expect(envOf(m).MARIADB_HOST).toBe('mariadb');
    expect(m.notes.join('\n')).not.toMatch(/but no password or URL for MariaDB/);
  });
});
