import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, generate, seededRandom, snapshotOf, type Answers } from '../../core/index.js';
import { loadTemplates } from '../../node/templates.js';
import { parseGemfile, parseGemfileLock } from './gemfile.js';
import { ruby } from './index.js';
import { healthFile } from './starter.js';

const detect = (files: Record<string, string>, repository?: Record<string, string>) => ruby.detect(snapshotOf(files), repository ? snapshotOf(repository) : undefined);
const plan = (answers: Answers, files: Record<string, string>) => generate({ answers, project: snapshotOf(files), templates: loadTemplates(), random: seededRandom(1), folderName: 'shop' });
const file = (answers: Answers, files: Record<string, string>, path: string) => plan(answers, files).files.find((f) => f.path === path)?.content ?? '';

const lock = (specs: string[], extra = '') => `GEM\n  remote: https://rubygems.org/\n  specs:\n${specs.map((s) => `    ${s}\n`).join('')}\nPLATFORMS\n  x86_64-linux\n\nDEPENDENCIES\n${extra}`;
const rails = {
  Gemfile: 'source "https://rubygems.org"\ngem "rails", "~> 7.2.2"\ngem "pg"\ngem "puma"\n',
  'Gemfile.lock': lock(['pg (1.5.9)', 'puma (6.6.0)', 'railties (7.2.2.1)', 'rails (7.2.2.1)']),
  'config/application.rb': 'module Shop\n  class Application < Rails::Application\n  end\nend\n',
  'config/routes.rb': 'Rails.application.routes.draw do\n  get "up" => "rails/health#show", as: :rails_health_check\nend\n',
  'config/database.yml': 'production:\n  adapter: postgresql\n  database: shop\n',
  'bin/rails': '#!/usr/bin/env ruby\n',
};

describe('Gemfile and Gemfile.lock', () => {
  it('reads gems with their groups (blocks and options), the ruby line, path gems and gemspec', () => {
    const g = parseGemfile(
      [
        'source "https://rubygems.org"',
        'ruby "~> 3.3"',
        'gem "rails", "~> 7.2"',
        "gem 'pg' # the database",
        'gem "rspec-rails", group: [:development, :test]',
        'gem "web-console", group: :development',
        'gem "billing", path: "engines/billing"',
        'platforms :jruby do',
        '  gem "jdbc"',
        'end',
        'group :development, :test do',
        '  gem "debug"',
        'end',
        'group :production do',
        '  gem "lograge"',
        'end',
        'gemspec',
      ].join('\n'),
    );
    expect(g.gems.map((x) => [x.name, x.dev])).toEqual([
      ['rails', false],
      ['pg', false],
      ['rspec-rails', true],
      ['web-console', true],
      ['billing', false],
      ['jdbc', false],
      ['debug', true],
      ['lograge', false],
    ]);
    expect(g.gems.find((x) => x.name === 'billing')?.path).toBe('engines/billing');
    expect(g.ruby?.requirement).toBe('~> 3.3');
    expect(g.gemspec).toBe(true);
    expect(parseGemfile('ruby file: ".ruby-version"\n').ruby?.file).toBe('.ruby-version');
  });

  it('reads every locked gem (platform suffixes dropped), git gems, platforms, RUBY VERSION and BUNDLED WITH', () => {
    const l = parseGemfileLock(
      'GIT\n  remote: https://github.com/acme/tool.git\n  revision: abc\n  specs:\n    tool (0.1.0)\n\nGEM\n  remote: https://rubygems.org/\n  specs:\n    nokogiri (1.16.0-x86_64-linux)\n      racc (~> 1.4)\n    racc (1.8.1)\n\nPLATFORMS\n  arm64-darwin-23\n\nDEPENDENCIES\n  nokogiri\n\nRUBY VERSION\n   ruby 3.3.6p108\n\nBUNDLED WITH\n   2.5.22\n',
    );
    expect([...l.specs]).toEqual([
      ['tool', '0.1.0'],
      ['nokogiri', '1.16.0'],
      ['racc', '1.8.1'],
    ]);
    expect(l.git).toEqual(['tool']);
    expect(l.platforms).toEqual(['arm64-darwin-23']);
    expect(l.ruby).toBe('3.3.6');
    expect(l.bundler).toBe('2.5.22');
  });
});

describe('detecting a Ruby app', () => {
  it('is nothing without a Gemfile or config.ru', () => {
    expect(detect({ 'app.rb': 'puts 1\n' })).toBeUndefined();
  });

  it('frameworks: Rails (config/application.rb and the gem), Sinatra, any config.ru as Rack, a TCPServer file', () => {
    const fw = (files: Record<string, string>) => detect(files)?.framework?.value;
    expect(fw(rails)).toBe('rails');
    // The gem without config/application.rb is not a Rails app.
    expect(fw({ Gemfile: 'gem "rails"\n' })).toBeUndefined();
    expect(fw({ Gemfile: 'gem "sinatra"\n', 'app.rb': 'require "sinatra"\n' })).toBe('sinatra');
    expect(fw({ Gemfile: 'gem "roda"\n', 'config.ru': 'run App\n' })).toBe('rack');
    expect(detect({ Gemfile: 'gem "roda"\n', 'config.ru': 'run App\n' })?.warnings).toEqual(['Roda is served as a Rack app, through config.ru']);
    expect(fw({ Gemfile: 'source "https://rubygems.org"\n', 'server.rb': 'server = TCPServer.new(8080)\n' })).toBe('ruby-stdlib');
  });

  it('entry points: config.ru, else the classic Sinatra file, else Procfile', () => {
    expect(detect({ Gemfile: 'gem "sinatra"\n', 'web.rb': 'require "sinatra"\n' })?.entrypoint?.value).toBe('web.rb');
    expect(detect({ Gemfile: 'gem "sinatra"\n', 'web.rb': 'require "sinatra"\n', 'config.ru': 'run Sinatra::Application\n' })?.entrypoint?.value).toBe('config.ru');
    expect(detect({ Gemfile: '', Procfile: 'web: bundle exec ruby bin/serve.rb -p 7000\n' })?.entrypoint?.value).toBe('bin/serve.rb');
    expect(detect({ Gemfile: '', Procfile: 'web: bundle exec ruby bin/serve.rb -p 7000\n' })?.port?.value).toBe(7000);
  });

  it('the Ruby line: .ruby-version (the app\'s, then the repository\'s), .tool-versions, the Gemfile\'s ruby line, RUBY VERSION; an old Ruby is a problem', () => {
    const rt = (files: Record<string, string>, repo?: Record<string, string>) => {
      const d = detect({ Gemfile: '', ...files }, repo);
      return d?.runtimeVersion?.value ?? d?.problems?.[0]?.message;
    };
    expect(rt({ '.ruby-version': 'ruby-3.3.5\n', Gemfile: 'ruby "~> 3.2"\n' })).toBe('3.3');
    expect(rt({}, { '.ruby-version': '3.2.6\n' })).toBe('3.2');
    expect(rt({ '.tool-versions': 'nodejs 22.1.0\nruby 3.4.1\n' })).toBe('3.4');
    expect(rt({ Gemfile: 'ruby "3.3.6"\n' })).toBe('3.3');
    // A range: the default line when it allows it, else the newest it allows.
    expect(rt({ Gemfile: 'ruby ">= 3.1"\n' })).toBe(ruby.runtime.default);
    expect(rt({ Gemfile: 'ruby "~> 3.2.0"\n' })).toBe('3.2');
    expect(rt({ Gemfile: 'ruby file: ".ruby-version"\n', '.ruby-version': '3.4.2' })).toBe('3.4');
    expect(rt({ 'Gemfile.lock': 'RUBY VERSION\n   ruby 3.3.1p55\n' })).toBe('3.3');
    expect(rt({ '.ruby-version': '2.7.8\n' })).toMatch(/^\.ruby-version asks for Ruby 2\.7\.8, which none of the Ruby images/);
    expect(rt({ Gemfile: 'ruby "~> 2.7"\n' })).toMatch(/^Gemfile: ruby "~> 2\.7" allows none of the Ruby images/);
  });

  it('services from gems (the Gemfile\'s and the locked ones, not development/test) and Rails\' database adapter', () => {
    const d = detect({ Gemfile: 'gem "sidekiq"\ngroup :test do\n  gem "mongoid"\nend\n', 'Gemfile.lock': lock(['sidekiq (7.3.9)', 'redis-client (0.23.2)', 'mongoid (9.0.0)']), 'config.ru': '' });
    expect(d?.packages.map((p) => p.name)).toEqual(['sidekiq', 'redis-client']);
    const mysql = detect({ ...rails, 'config/database.yml': 'default: &default\n  adapter: sqlite3\nproduction:\n  <<: *default\n  adapter: trilogy\n' });
    expect(mysql?.services).toEqual([{ value: 'mysql', evidence: 'config/database.yml: adapter: trilogy' }]);
    // Rails reads DATABASE_URL itself; its scheme must name the adapter.
    expect(mysql?.env?.find((e) => e.key === 'DATABASE_URL')?.example).toBe('trilogy://localhost/app');
  });

  it('health routes: Rails\' routes.rb, Sinatra blocks, Roda; the variables the code reads, with or without defaults', () => {
    expect(detect(rails)?.healthPath?.value).toBe('/up');
    expect(detect({ Gemfile: 'gem "sinatra"\n', 'app.rb': 'require "sinatra"\nget "/healthz" do\n  "ok"\nend\n' })?.healthPath?.value).toBe('/healthz');
    const d = detect({
      Gemfile: 'gem "sinatra"\n',
      'app.rb': 'require "sinatra"\nset :session_secret, ENV.fetch("SESSION_SECRET")\nDB = ENV["DATABASE_URL"]\nQ = ENV.fetch("QUEUE_URL") { "redis://localhost:6379/2" }\nLOG = ENV["LOG"] || "info"\npidfile ENV["PIDFILE"] if ENV["PIDFILE"]\n',
    });
    expect(d?.env?.map((e) => [e.key, e.hasDefault ?? false, e.defaultUrl ?? null])).toEqual([
      ['SESSION_SECRET', false, null],
      ['DATABASE_URL', false, null],
      ['QUEUE_URL', true, 'redis://localhost:6379/2'],
      ['LOG', true, null],
      ['PIDFILE', true, null],
    ]);
  });
});

describe('what real repositories showed', () => {
  it('a commented-out setting is no setting; the image\'s own variables and assignments are no reads', () => {
    const d = detect({
      Gemfile: 'gem "sinatra"\n',
      'config.ru': '',
      'config/puma.rb': '# port ENV.fetch("PORT") { 3000 }\nport ENV.fetch("PORT") { 4000 }\n',
      'app.rb': 'ENV["PATH"] = "bin:#{ENV["PATH"]}"\nENV["EXTRA"] = "1"\nA = ENV["HOME"]\nB = ENV["OPEN_SIGNUPS"] == "true"\n',
    });
    expect(d?.port?.value).toBe(4000);
    expect(d?.env?.map((e) => [e.key, e.hasDefault ?? false])).toEqual([
      ['OPEN_SIGNUPS', true],
      ['PORT', true],
    ]);
  });

  it(".bundle/config's build flags are kept (its other settings, which may be credentials, are not); libvips for ruby-vips", () => {
    const df = file({}, { ...rails, '.bundle/config': '---\nBUNDLE_BUILD__SQLITE3: "--with-sqlite-cflags=\'-DSQLITE_DQS=0\'"\nBUNDLE_GEMS__CONTRIBSYS__COM: "user:secret"\n', 'Gemfile.lock': lock(['pg (1.5.9)', 'puma (6.6.0)', 'ruby-vips (2.2.2)']) }, 'Dockerfile');
    expect(df).toContain("bundle config set --local build.sqlite3 '--with-sqlite-cflags='\\''-DSQLITE_DQS=0'\\'''");
    expect(df).not.toContain('secret');
    expect(df.split('# ---- Final stage')[1]).toMatch(/install -y --no-install-recommends libpq5 libvips42t64/);
  });
});

describe('the Ruby image', () => {
  it('Rails: build tools and headers in the build stage only, deployment-mode install with a cache mount, runtime libraries, non-root, /up', () => {
    const df = file({}, rails, 'Dockerfile');
    const [build, final] = df.split('# ---- Final stage');
    expect(build).toMatch(/apt-get install -y --no-install-recommends build-essential libyaml-dev libpq-dev/);
    expect(build).toContain('COPY Gemfile Gemfile.lock ./');
    expect(build).toMatch(/--mount=type=cache,target=\/usr\/local\/bundle\/ruby\/3\.4\.0\/cache[\s\S]*bundle config set --local deployment true[\s\S]*bundle config set --local without 'development test'[\s\S]*bundle install/);
    expect(final).not.toMatch(/build-essential|libpq-dev/);
    expect(final).toMatch(/install -y --no-install-recommends libpq5/);
    expect(final).toContain('COPY --from=build /usr/local/bundle /usr/local/bundle');
    expect(final).toContain('RAILS_ENV=production');
    expect(final).toMatch(/USER app\n/);
    expect(final).toContain("http.get('/up'");
    expect(final).toContain('CMD ["bin/rails", "server", "--binding", "0.0.0.0", "--port", "3000"]');
  });

  it('Rails: assets and bootsnap at build time, with a dummy key (Rails 7.1+) or a placeholder one', () => {
    const withAssets = { ...rails, 'Gemfile.lock': lock(['pg (1.5.9)', 'puma (6.6.0)', 'railties (7.2.2.1)', 'propshaft (1.1.0)', 'bootsnap (1.18.4)']), 'app/models/x.rb': '' };
    const df = file({}, withAssets, 'Dockerfile');
    expect(df).toContain('RUN bundle exec bootsnap precompile --gemfile');
    expect(df).toContain('RUN bundle exec bootsnap precompile app/');
    expect(df).toMatch(/RUN RAILS_ENV=production SECRET_KEY_BASE_DUMMY=1 .*bin\/rails assets:precompile/s);
    expect(df).toContain('COPY --from=build /app /app');
    const old = { ...withAssets, 'Gemfile.lock': lock(['pg (1.5.9)', 'puma (6.6.0)', 'railties (7.0.8)', 'sprockets-rails (3.4.2)']) };
    expect(file({}, old, 'Dockerfile')).toMatch(/SECRET_KEY_BASE=assets-precompile-only .*bin\/rails assets:precompile/s);
  });

  it('Rails: SECRET_KEY_BASE is a random secret in .env, never in the image; db:prepare runs once; Sidekiq beside Redis', () => {
    const p = plan({ services: ['postgres', 'redis'] }, { ...rails, Gemfile: `${rails.Gemfile}gem "sidekiq"\n` });
    const env = p.files.find((f) => f.path === '.env')?.content ?? '';
    expect(env).toMatch(/^SECRET_KEY_BASE=[A-Za-z0-9]{64}$/m);
    expect(p.files.find((f) => f.path === 'Dockerfile')?.content).not.toContain('SECRET_KEY_BASE=');
    expect(p.processes.map((x) => [x.name, x.command.join(' '), x.lifecycle])).toEqual([
      ['migrate', 'bin/rails db:prepare', 'once'],
      ['worker', 'bundle exec sidekiq', 'always'],
    ]);
    expect(plan({ services: [] }, rails).processes).toEqual([]);
  });

  it('Rack and Sinatra on Puma when the bundle has it, else rackup; classic Sinatra with its -o/-p', () => {
    const cmd = (files: Record<string, string>) => plan({}, files).command;
    const rackLock = lock(['puma (6.6.0)', 'rack (3.1.12)', 'roda (3.88.0)']);
    expect(cmd({ Gemfile: 'gem "roda"\ngem "puma"\n', 'Gemfile.lock': rackLock, 'config.ru': 'run App\n', 'config/puma.rb': 'workers 2\n' })).toEqual(['bundle', 'exec', 'puma', '--config', 'config/puma.rb', '--bind', 'tcp://0.0.0.0:9292', 'config.ru']);
    expect(cmd({ Gemfile: 'gem "rack"\ngem "rackup"\ngem "webrick"\n', 'config.ru': 'run App\n' })).toEqual(['bundle', 'exec', 'rackup', 'config.ru', '--host', '0.0.0.0', '--port', '9292']);
    expect(cmd({ Gemfile: 'gem "sinatra"\n', 'app.rb': 'require "sinatra"\n' })).toEqual(['bundle', 'exec', 'ruby', 'app.rb', '-o', '0.0.0.0', '-p', '4567']);
  });

  it('says what will go wrong: no Gemfile.lock, a lockfile without a Linux platform, force_ssl without assume_ssl', () => {
    const notes = (files: Record<string, string>) => plan({}, files).notes.join('\n');
    expect(notes({ ...rails, 'Gemfile.lock': undefined as unknown as string })).toMatch(/No Gemfile\.lock here/);
    expect(notes({ ...rails, 'Gemfile.lock': lock(['pg (1.5.9)', 'puma (6.6.0)']).replace('x86_64-linux', 'arm64-darwin-24') })).toMatch(/bundle lock --add-platform x86_64-linux aarch64-linux/);
    expect(notes({ ...rails, 'config/environments/production.rb': 'config.force_ssl = true\n' })).toMatch(/sets force_ssl/);
    expect(notes({ ...rails, 'config/environments/production.rb': 'config.assume_ssl = true\nconfig.force_ssl = true\n' })).not.toMatch(/sets force_ssl/);
  });

  it('an unsupported Ruby stops the run naming the file (exit 2), unless the answers set runtimeVersion', () => {
    const files = { Gemfile: 'gem "sinatra"\n', 'app.rb': 'require "sinatra"\n', '.ruby-version': '2.7.8\n' };
    expect(() => plan({}, files)).toThrow(InputError);
    expect(() => plan({}, files)).toThrow(/\.ruby-version asks for Ruby 2\.7\.8/);
    expect(plan({ runtimeVersion: '3.3' }, files).files.find((f) => f.path === 'Dockerfile')?.content).toContain('FROM ruby:3.3-slim-trixie');
  });

  it('the healthcheck runs ruby with net/http on the container\'s host name, 2xx/3xx or (fallback) below 500', () => {
    const hc = ruby.healthcheck(3000, '/up', false);
    expect(hc.slice(0, 4)).toEqual(['ruby', '-rnet/http', '-rsocket', '-e']);
    expect(hc[4]).toContain('Socket.gethostname, 3000');
    expect(hc[4]).toContain('< 400');
    expect(ruby.healthcheck(3000, '/', true)[4]).toContain('< 500');
  });

  it('.dockerignore keeps Rails\' master key out of the image', () => {
    expect(file({}, rails, '.dockerignore')).toMatch(/^config\/master\.key$/m);
  });
});

describe('the starter', () => {
  it('is the standard-library app whatever framework was asked for, with a Gemfile and lockfile of no gems', () => {
    const p = plan({ language: 'ruby', framework: 'rails', services: ['postgres', 'redis'] }, {});
    expect(p.files.filter((f) => f.kind === 'starter').map((f) => f.path)).toEqual(['Gemfile', 'Gemfile.lock', 'app.rb', 'health.rb']);
    expect(p.command).toEqual(['ruby', 'app.rb']);
    const health = p.files.find((f) => f.path === 'health.rb')?.content ?? '';
    expect(health).toContain('"postgres" => lambda do');
    expect(health).toContain('"redis" => lambda do');
    expect(p.files.find((f) => f.path === 'Dockerfile')?.content).not.toMatch(/apt-get|build-essential/);
    expect(plan({ language: 'ruby', framework: 'sinatra', services: ['mysql'] }, {}).files.find((f) => f.path === 'health.rb')?.content).not.toContain('lambda do');
  });

  it('keeps its health helper apart from an entry file named health.rb', () => {
    expect(healthFile('health.rb')).toBe('service_health.rb');
    expect(healthFile('lib/server.rb')).toBe('lib/health.rb');
    const p = plan({ language: 'ruby', framework: 'ruby-stdlib', entrypoint: 'lib/health.rb' }, {});
    expect(p.files.find((f) => f.path === 'lib/health.rb')?.content).toContain('require_relative "service_health"');
  });

  // Ruby itself checks the syntax of every starter file, when it is on this machine.
  const hasRuby = spawnSync('ruby', ['--version']).status === 0;
  it.skipIf(!hasRuby)('every starter file passes ruby -c', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockerize-ruby-'));
    try {
      for (const services of [[], ['postgres', 'redis']]) {
        for (const f of plan({ language: 'ruby', framework: 'ruby-stdlib', services }, {}).files.filter((x) => x.path.endsWith('.rb'))) {
          const path = join(dir, services.join('-') || 'none', f.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, f.content);
          const r = spawnSync('ruby', ['-wc', path], { encoding: 'utf8' });
          expect(r.status, `${f.path}: ${r.stderr}`).toBe(0);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
