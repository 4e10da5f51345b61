/**
 * Ruby apps for the e2e tier: written by us, shaped like real projects (a
 * Rails API with its migrations and a Sidekiq worker, a modular Sinatra app on
 * Puma, a service on Ruby's standard library alone), with no Docker files. The
 * e2e tier runs `dockerize --yes` in each, so detection decides everything.
 *
 * The rig's ruby stand-in (see ../shared/docker-rig/stand-ins/families/ruby.sh)
 * is Debian's Ruby 3.3 with Bundler 2.6.7 and no gem source: `bundle install`
 * works there only for a bundle with no gems. The standard-library app runs
 * everywhere; the Rails and Sinatra apps need rubygems.org (their Gemfile.lock
 * is made by `bundle lock` in the Ruby image when the test runs, the way the
 * app's author made theirs) and are skipped, with the reason, where the Ruby
 * image can't reach it.
 */
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { versions } from '../../src/versions.js';
import { must, run } from './docker.js';
import type { App } from './python-apps.js';

export interface RubyApp extends App {
  /** Writes Gemfile.lock (and sets the executable bits git would keep) in the app's folder. */
  lock?(dir: string): void;
  /** Why the app can't run here (undefined: it can). */
  unavailable?(): string | undefined;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const image = versions.runtimes.ruby.tag.replace('{version}', versions.runtimes.ruby.default);

let reach: string | undefined | null = null;
/** Whether the Ruby image reaches rubygems.org (asked once, from a container, as `bundle install` would). */
function rubygemsUnavailable(): string | undefined {
  if (reach !== null) return reach;
  const probe = run('docker', ['run', '--rm', image, 'ruby', '-rnet/http', '-e', 'exit(Net::HTTP.get_response(URI("https://index.rubygems.org/versions")).is_a?(Net::HTTPSuccess) ? 0 : 1)'], { timeoutMs: 60_000 });
  reach = probe.status === 0 ? undefined : `rubygems.org can't be reached from ${image} here (the docker-rig has no gem source), so its gems can't be installed: only the standard-library apps run`;
  return reach;
}

/** `bundle lock` in the Ruby image the Dockerfile names, and bin/* executable (as git checks them out). */
const bundleLock = (dir: string) => {
  for (const f of ['bin/rails', 'bin/jobs']) if (existsSync(join(dir, f))) chmodSync(join(dir, f), 0o755);
  must(
    run('docker', ['run', '--rm', '--user', `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`, '-e', 'HOME=/tmp', '-v', `${dir}:/w`, '-w', '/w', image, 'bundle', 'lock'], { timeoutMs: 300_000 }),
    `bundle lock in ${dir}`,
  );
};

export const rubyApps: RubyApp[] = [
  {
    // Standard library only, Redis over a plain socket (RESP): detection finds Redis from .env.example's URL, the server from Procfile.
    id: 'ruby-stdlib-redis-counter',
    route: '/api/visits',
    expect: { visits: 1 },
    services: ['redis'],
    migrates: false,
    files: {
      Gemfile: lines('# The counter uses only the standard library.', 'source "https://rubygems.org"'),
      'Gemfile.lock': lines('GEM', '  remote: https://rubygems.org/', '  specs:', '', 'PLATFORMS', '  ruby', '  x86_64-linux', '', 'DEPENDENCIES', '', 'BUNDLED WITH', '   2.6.7'),
      Procfile: lines('web: ruby server.rb'),
      '.env.example': lines('REDIS_URL=redis://localhost:6379/0', 'PORT=5000'),
      'lib/resp.rb': lines(
        'require "socket"',
        'require "uri"',
        '',
        '# A minimal Redis client: one connection per call, RESP over TCP.',
        'class Resp',
        '  def initialize(url)',
        '    @url = URI.parse(url)',
        '  end',
        '',
        '  def call(*args)',
        '    socket = Socket.tcp(@url.host, @url.port || 6379, connect_timeout: 2)',
        '    begin',
        '      socket.write(encode("AUTH", @url.user || "default", unescape(@url.password))) if @url.password',
        '      socket.write(encode(*args))',
        '      read(socket) if @url.password',
        '      read(socket)',
        '    ensure',
        '      socket.close',
        '    end',
        '  end',
        '',
        '  private',
        '',
        '  def encode(*args)',
        '    "*#{args.size}\\r\\n" + args.map { |a| "$#{a.to_s.bytesize}\\r\\n#{a}\\r\\n" }.join',
        '  end',
        '',
        '  def unescape(part)',
        '    part.gsub(/%\\h\\h/) { |h| h[1..].hex.chr }',
        '  end',
        '',
        '  def read(socket)',
        '    line = socket.gets or raise IOError, "redis closed the connection"',
        '    case line[0]',
        '    when "+" then line[1..].strip',
        '    when ":" then Integer(line[1..])',
        '    when "-" then raise IOError, line[1..].strip',
        '    when "$" then (n = Integer(line[1..])) < 0 ? nil : socket.read(n + 2)[0, n]',
        '    else raise IOError, "unexpected reply #{line.inspect}"',
        '    end',
        '  end',
        'end',
      ),
      'server.rb': lines(
        'require "json"',
        'require "socket"',
        'require_relative "lib/resp"',
        '',
        'REDIS = Resp.new(ENV.fetch("REDIS_URL"))',
        'port = Integer(ENV.fetch("PORT", "5000"))',
        'server = TCPServer.new("0.0.0.0", port)',
        '$stdout.sync = true',
        'puts "counter on #{port}"',
        'trap("TERM") { exit }',
        '',
        'def reply(client, status, body)',
        '  json = JSON.generate(body)',
        '  client.write("HTTP/1.1 #{status} #{status == 200 ? "OK" : "Error"}\\r\\nContent-Type: application/json\\r\\nContent-Length: #{json.bytesize}\\r\\nConnection: close\\r\\n\\r\\n#{json}")',
        'end',
        '',
        'loop do',
        '  Thread.new(server.accept) do |client|',
        '    _verb, path = client.gets.to_s.split',
        '    while (line = client.gets) && !line.strip.empty?; end',
        '    case path',
        '    when "/healthz"',
        '      begin',
        '        reply(client, REDIS.call("PING") == "PONG" ? 200 : 503, { status: "ok" })',
        '      rescue StandardError => e',
        '        reply(client, 503, { status: "error", redis: e.message })',
        '      end',
        '    when "/api/visits" then reply(client, 200, { visits: REDIS.call("INCR", "visits") })',
        '    else reply(client, 404, { error: "not found" })',
        '    end',
        '  rescue StandardError => e',
        '    warn e.message',
        '  ensure',
        '    client.close',
        '  end',
        'end',
      ),
    },
  },
  {
    // Rails 7.2 API + PostgreSQL + Sidekiq: db:prepare runs the migration (which seeds two rows), the route reads them.
    id: 'ruby-rails-pg-sidekiq',
    route: '/api/books',
    expect: [
      { id: 1, title: 'Eloquent Ruby' },
      { id: 2, title: 'Practical Object-Oriented Design' },
    ],
    services: ['postgres', 'redis'],
    migrates: true,
    workers: ['worker'],
    lock: bundleLock,
    unavailable: rubygemsUnavailable,
    files: {
      Gemfile: lines(
        'source "https://rubygems.org"',
        '',
        'gem "rails", "~> 7.2.2"',
        'gem "pg", "~> 1.5"',
        'gem "puma", ">= 6.0"',
        'gem "sidekiq", "~> 7.3"',
        'gem "bootsnap", require: false',
        '',
        'group :development, :test do',
        '  gem "debug", require: "debug/prelude"',
        'end',
      ),
      Rakefile: lines('require_relative "config/application"', '', 'Rails.application.load_tasks'),
      'config.ru': lines('require_relative "config/environment"', '', 'run Rails.application', 'Rails.application.load_server'),
      'bin/rails': lines('#!/usr/bin/env ruby', 'APP_PATH = File.expand_path("../config/application", __dir__)', 'require_relative "../config/boot"', 'require "rails/commands"'),
      'config/boot.rb': lines('ENV["BUNDLE_GEMFILE"] ||= File.expand_path("../Gemfile", __dir__)', '', 'require "bundler/setup"', 'require "bootsnap/setup"'),
      'config/environment.rb': lines('require_relative "application"', '', 'Rails.application.initialize!'),
      'config/application.rb': lines(
        'require_relative "boot"',
        '',
        'require "rails"',
        'require "active_model/railtie"',
        'require "active_job/railtie"',
        'require "active_record/railtie"',
        'require "action_controller/railtie"',
        '',
        'Bundler.require(*Rails.groups)',
        '',
        'module Library',
        '  class Application < Rails::Application',
        '    config.load_defaults 7.2',
        '    config.api_only = true',
        '    config.active_job.queue_adapter = :sidekiq',
        '  end',
        'end',
      ),
      'config/environments/production.rb': lines(
        'Rails.application.configure do',
        '  config.enable_reloading = false',
        '  config.eager_load = true',
        '  config.consider_all_requests_local = false',
        '  config.logger = ActiveSupport::TaggedLogging.logger($stdout)',
        '  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info")',
        '  config.active_record.dump_schema_after_migration = false',
        'end',
      ),
      'config/database.yml': lines(
        'default: &default',
        '  adapter: postgresql',
        '  encoding: unicode',
        '  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>',
        '',
        'development:',
        '  <<: *default',
        '  database: library_development',
        '',
        'production:',
        '  <<: *default',
        '  database: library_production',
      ),
      'config/puma.rb': lines('threads_count = ENV.fetch("RAILS_MAX_THREADS", 3)', 'threads threads_count, threads_count', 'port ENV.fetch("PORT", 3000)'),
      'config/routes.rb': lines('Rails.application.routes.draw do', '  get "up" => "rails/health#show", as: :rails_health_check', '  get "api/books" => "books#index"', 'end'),
      'app/controllers/application_controller.rb': lines('class ApplicationController < ActionController::API', 'end'),
      'app/controllers/books_controller.rb': lines('class BooksController < ApplicationController', '  def index', '    render json: Book.order(:id).select(:id, :title)', '  end', 'end'),
      'app/models/application_record.rb': lines('class ApplicationRecord < ActiveRecord::Base', '  primary_abstract_class', 'end'),
      'app/models/book.rb': lines('class Book < ApplicationRecord', 'end'),
      'app/jobs/application_job.rb': lines('class ApplicationJob < ActiveJob::Base', 'end'),
      'db/migrate/20250301100000_create_books.rb': lines(
        'class CreateBooks < ActiveRecord::Migration[7.2]',
        '  def up',
        '    create_table :books do |t|',
        '      t.string :title, null: false',
        '      t.timestamps',
        '    end',
        '    execute "INSERT INTO books (title, created_at, updated_at) VALUES (\'Eloquent Ruby\', now(), now()), (\'Practical Object-Oriented Design\', now(), now())"',
        '  end',
        '',
        '  def down',
        '    drop_table :books',
        '  end',
        'end',
      ),
      'log/.keep': '',
      'tmp/.keep': '',
    },
  },
  {
    // Modular Sinatra on Puma (config.ru) + PostgreSQL: the table and its rows are made at start.
    id: 'ruby-sinatra-pg',
    route: '/api/items',
    expect: [
      { id: 1, name: 'kettle' },
      { id: 2, name: 'teapot' },
    ],
    services: ['postgres'],
    migrates: false,
    lock: bundleLock,
    unavailable: rubygemsUnavailable,
    files: {
      Gemfile: lines('source "https://rubygems.org"', '', 'gem "sinatra", "~> 4.1"', 'gem "puma", "~> 6.5"', 'gem "pg", "~> 1.5"', '', 'group :test do', '  gem "rack-test"', 'end'),
      'config.ru': lines('require_relative "app"', '', 'run Shop'),
      'app.rb': lines(
        'require "sinatra/base"',
        'require "json"',
        'require "pg"',
        '',
        'class Shop < Sinatra::Base',
        '  DB = PG.connect(ENV.fetch("DATABASE_URL"))',
        '  DB.exec("CREATE TABLE IF NOT EXISTS items (id integer PRIMARY KEY, name text NOT NULL)")',
        '  DB.exec("INSERT INTO items VALUES (1, \'kettle\'), (2, \'teapot\') ON CONFLICT DO NOTHING")',
        '',
        '  get "/health" do',
        '    DB.exec("SELECT 1")',
        '    json_body(status: "ok")',
        '  end',
        '',
        '  get "/api/items" do',
        '    json_body(DB.exec("SELECT id, name FROM items ORDER BY id").map { |r| { id: r["id"].to_i, name: r["name"] } })',
        '  end',
        '',
        '  helpers do',
        '    def json_body(data)',
        '      content_type :json',
        '      JSON.generate(data)',
        '    end',
        '  end',
        'end',
      ),
    },
  },
];
