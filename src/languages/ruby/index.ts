/**
 * Ruby: Rails, Sinatra, any Rack app (config.ru) and standard-library
 * servers. Gems are installed by Bundler in a build stage (deployment mode,
 * without the development and test groups, the compiler and C headers their
 * extensions need, a cache mount for the downloads) into /usr/local/bundle,
 * which the final stage copies onto the same slim Ruby image with only the
 * C libraries the gems load at run time.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { LanguagePlanInput, LanguageProvider, Process } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { renderTemplate } from '../../core/render.js';
import { aptInstall, entryContext, execForm, humanList, shellQuote } from '../../core/toolkit.js';
import { services } from '../../services/index.js';
import { versions } from '../../versions.js';
import { detectRubyWith, railsAdapter, readRuby, type RubyProject } from './detect.js';
import { puma, type RubyFramework } from './framework.js';
import { plainRuby } from './frameworks/plain.js';
import { rack } from './frameworks/rack.js';
import { rails } from './frameworks/rails.js';
import { sinatra } from './frameworks/sinatra.js';
import { installsOnLinux } from './gemfile.js';
import { starterFiles } from './starter.js';

export const rubyFrameworks: readonly RubyFramework[] = [rails, sinatra, rack, plainRuby];

function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): RubyFramework {
  const fw = rubyFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a Ruby framework`);
  return fw;
}

const runtime = versions.runtimes.ruby;
const UID = 10001;
const image = (r: ResolvedAnswers) => runtime.tag.replace('{version}', r.runtimeVersion);

interface Step {
  comment: string;
  instruction: string;
}

/** C libraries of gems with native extensions: the headers to build them (build stage), the libraries they load (final stage). */
const NATIVE: ReadonlyArray<{ gem: string; build: readonly string[]; runtime: readonly string[] }> = [
  { gem: 'pg', build: ['libpq-dev'], runtime: ['libpq5'] },
  { gem: 'mysql2', build: ['default-libmysqlclient-dev', 'pkg-config'], runtime: ['libmariadb3'] },
  { gem: 'trilogy', build: ['libssl-dev'], runtime: [] },
  // ruby-vips (image_processing, Active Storage variants) loads libvips through FFI: nothing to compile.
  { gem: 'ruby-vips', build: [], runtime: ['libvips42t64'] },
];

const has = (rb: RubyProject, gem: string) => rb.gems.has(gem);
const railsVersion = (rb: RubyProject) => rb.lock?.specs.get('railties') ?? rb.lock?.specs.get('rails');
/** Rails 7.1 and later accept SECRET_KEY_BASE_DUMMY for tasks that need no real key. */
const dummyKey = (rb: RubyProject) => {
  const v = railsVersion(rb)?.split('.').map(Number) ?? [8];
  return (v[0] ?? 0) > 7 || ((v[0] ?? 0) === 7 && (v[1] ?? 0) >= 1);
};

/** Whether the bundle has gems at all (a Gemfile with none needs no install). */
const hasGems = (rb: RubyProject) => (rb.lock ? rb.lock.specs.size > 0 : (rb.gemfile?.gems.some((g) => !g.dev) ?? false));

function startCommand(r: ResolvedAnswers, project: ProjectSnapshot): string[] {
  if (r.command) return r.command;
  const fw = frameworkOf(r);
  const rb = readRuby(project);
  if ((fw.id === 'rack' || fw.id === 'sinatra') && r.entrypoint.endsWith('.ru') && has(rb, 'puma')) {
    return puma(r.entrypoint, r.port, project.read('config/puma.rb') !== undefined ? 'config/puma.rb' : undefined);
  }
  if (fw.id === 'ruby-stdlib' && hasGems(rb)) return ['bundle', 'exec', 'ruby', r.entrypoint];
  return fw.command(entryContext(r));
}

function hasApp(r: Pick<ResolvedAnswers, 'framework' | 'entrypoint'> & Partial<ResolvedAnswers>, project: ProjectSnapshot): boolean {
  // Any Ruby app (a Gemfile, a rackup file, the entry file, a Rails app): a starter never goes over one.
  return ['Gemfile', 'config.ru', 'config/application.rb', r.entrypoint].some((f) => project.read(f) !== undefined);
}

/** Rails' folders the app writes at run time that hold data: storage/ (Active Storage's disk service, SQLite databases). */
function dataDirsOf({ r, project, starter }: LanguagePlanInput): Array<{ dir: string; evidence: string }> {
  if (starter || frameworkOf(r).id !== 'rails' || project.list('storage') === undefined) return [];
  return [{ dir: 'storage', evidence: 'storage/: Active Storage files and SQLite databases' }];
}

function buildView(input: LanguagePlanInput, rb: RubyProject) {
  const { r, project } = input;
  const fw = frameworkOf(r);
  const lock = rb.lock;
  const abi = `${r.runtimeVersion}.0`;
  const setup: Step[] = [];
  const native = NATIVE.filter((n) => has(rb, n.gem));
  const gems = hasGems(rb);
  const aptBuild = ['build-essential', 'libyaml-dev', ...native.flatMap((n) => n.build), ...(lock?.git.length ? ['git'] : [])];
  if (gems) {
    setup.push({
      comment: `A compiler and headers for gems with C extensions${native.length ? ` (${humanList(native.map((n) => n.gem))} among them)` : ''}${lock?.git.length ? `, and git for the gems Gemfile.lock takes from git (${humanList(lock.git)})` : ''}: this stage only`,
      instruction: aptInstall([...new Set(aptBuild)]),
    });
  }
  if (lock?.bundler) {
    const v = shellQuote(lock.bundler);
    setup.push({
      comment: `Bundler ${lock.bundler}, as Gemfile.lock pins it (BUNDLED WITH), unless the image already has that version`,
      instruction: `RUN gem list --installed --exact bundler --version ${v} > /dev/null \\\n    || gem install bundler --version ${v} --no-document`,
    });
  }
  // `ruby file: ".ruby-version"`: Bundler reads that file too.
  const rubyFile = rb.gemfile?.ruby?.file?.replace(/^\.\//, '');
  const manifests = [`${['Gemfile', ...(lock ? ['Gemfile.lock'] : []), ...(rubyFile && project.read(rubyFile) !== undefined ? [rubyFile] : [])].join(' ')} ./`];
  // Local gems (`path:`) are part of the bundle: Bundler reads their gemspecs during the install.
  for (const g of rb.gemfile?.gems ?? []) if (g.path && !g.dev && !g.path.startsWith('..') && !g.path.startsWith('/')) manifests.push(`${g.path.replace(/\/+$/, '')} ./${g.path.replace(/\/+$/, '')}`);
  // Build flags the repository keeps for gems' extensions (.bundle/config's BUNDLE_BUILD__*, which BUNDLE_APP_CONFIG hides): nothing else of that file, which may hold credentials.
  const buildFlags = [...(project.read('.bundle/config') ?? '').matchAll(/^BUNDLE_BUILD__([A-Z0-9_]+):\s*"?(.*?)"?\s*$/gm)].map((m) => `bundle config set --local build.${(m[1] as string).toLowerCase().replace(/___/g, '-')} ${shellQuote((m[2] as string).replace(/\\"/g, '"'))}`);
  const config = [
    ...buildFlags,
    ...(lock ? ['bundle config set --local deployment true'] : []),
    "bundle config set --local without 'development test'",
    'bundle config set --local path /usr/local/bundle',
    'bundle install',
  ];
  const install: Step[] = [
    {
      comment: `${lock ? 'Production gems only, exactly as Gemfile.lock pins them (deployment mode)' : 'Production gems only (no Gemfile.lock: Bundler resolves them now)'}, into /usr/local/bundle;\n# the settings go there too (BUNDLE_APP_CONFIG), so bundle exec in the final stage reads them.\n# The cache mount keeps the downloaded .gem files between builds, out of the image.`,
      instruction: `RUN --mount=type=cache,target=/usr/local/bundle/ruby/${abi}/cache \\\n    ${config.join(' \\\n    && ')}`,
    },
  ];
  const bootsnap = has(rb, 'bootsnap') && fw.id === 'rails';
  if (bootsnap) install.push({ comment: "Bootsnap's cache of the gems' code: a faster boot", instruction: 'RUN bundle exec bootsnap precompile --gemfile' });
  const code: Step[] = [];
  if (bootsnap) {
    const dirs = ['app', 'lib'].filter((d) => project.list(d) !== undefined);
    if (dirs.length) code.push({ comment: "Bootsnap's cache of the app's own code", instruction: `RUN bundle exec bootsnap precompile ${dirs.map((d) => `${d}/`).join(' ')}` });
  }
  const assets = fw.id === 'rails' && (has(rb, 'sprockets-rails') || has(rb, 'propshaft') || has(rb, 'sprockets'));
  if (assets) {
    const key = dummyKey(rb) ? 'SECRET_KEY_BASE_DUMMY=1' : 'SECRET_KEY_BASE=assets-precompile-only';
    const placeholders = input.buildPlaceholders.map(([k, v]) => `${k}=${shellQuote(v)}`);
    code.push({
      comment: `The assets, compiled into public/assets (${has(rb, 'propshaft') ? 'Propshaft' : 'Sprockets'}). A placeholder key: compiling needs no real secret${placeholders.length ? ', and placeholder URLs: no database' : ''}`,
      instruction: `RUN RAILS_ENV=production ${key} ${placeholders.length ? `${placeholders.join(' ')} \\\n    ` : ''}bin/rails assets:precompile`,
    });
  }
  const summary = !gems ? 'Bundler, with no gems to install yet (the app uses the standard library)' : lock ? 'the gems Gemfile.lock pins, compiled with build tools that stay in this stage' : 'the gems the Gemfile lists, compiled with build tools that stay in this stage';
  return { setup, manifests, install, code, summary, native, assets, bootsnap };
}

export const ruby: LanguageProvider = {
  id: 'ruby',
  title: 'Ruby',
  runtime,
  manifests: 'Gemfile, config.ru',
  frameworks: rubyFrameworks,
  packageManagers: [],
  uid: UID,
  // net/http is in the standard library: slim images have no curl or wget. Host: localhost, which Rails' and Sinatra's host checks allow.
  healthcheck: (port, path, anyResponse) => [
    'ruby',
    '-rnet/http',
    '-rsocket',
    '-e',
    `res = Net::HTTP.start(Socket.gethostname, ${port}, open_timeout: 3, read_timeout: 4) { |http| http.get('${path}', 'Host' => 'localhost') }\nexit(res.code.to_i < ${anyResponse ? 500 : 400} ? 0 : 1)`,
  ],
  dockerignore: [
    {
      comment: 'Ruby and Rails: installed gems, local Bundler settings, logs, caches, uploaded files and compiled assets (the image makes its own)',
      patterns: ['.bundle', 'vendor/bundle', 'log/*', 'tmp/*', 'storage/*', 'public/assets', 'public/packs', 'coverage', '.byebug_history', '.rspec_status', 'spec/examples.txt'],
    },
    {
      comment: "Rails' master keys decrypt the credentials: never in an image (pass RAILS_MASTER_KEY instead)",
      patterns: ['config/master.key', 'config/credentials/*.key'],
    },
  ],
  starterGitignore: () => ['/.bundle/', '/vendor/bundle/'],
  detect: (project, repository) => detectRubyWith(rubyFrameworks, project, repository),
  defaultPackageManager: () => null,
  hasApp,

  // The starter uses only the standard library (no gems to fetch): a TCPServer app, whatever framework was asked for.
  forStarter: (r) => ({ ...r, framework: plainRuby.id, entrypoint: r.framework === plainRuby.id ? r.entrypoint : plainRuby.entrypoint.default }),

  command: ({ r, project }) => startCommand(r, project),

  dataPaths: (input) => dataDirsOf(input).map((d) => ({ path: `/app/${d.dir}`, evidence: d.evidence })),

  dockerfile(input) {
    const { r, project, templates } = input;
    const fw = frameworkOf(r);
    const rb = readRuby(project);
    // No Gemfile (a config.ru alone): nothing for Bundler, one stage.
    const build = rb.gemfile ? buildView(input, rb) : undefined;
    const env =
      fw.id === 'rails'
        ? ['RAILS_ENV=production', 'RAILS_LOG_TO_STDOUT=1', 'RAILS_SERVE_STATIC_FILES=1']
        : fw.id === 'sinatra'
          ? ['APP_ENV=production', 'RACK_ENV=production']
          : fw.id === 'rack'
            ? ['RACK_ENV=production']
            : [];
    const envComment =
      fw.id === 'rails'
        ? 'Production mode, logs on stdout (docker compose logs), static files served by the app (Rails < 7.1 needs telling)'
        : env.length
          ? 'Production mode for Rack (no debug pages, no code reloading)'
          : undefined;
    const runtimeLibs = build ? [...new Set(build.native.flatMap((n) => n.runtime))] : [];
    const runtimeSetup: Step[] = runtimeLibs.length
      ? [{ comment: `The C libraries ${humanList(build?.native.filter((n) => n.runtime.length).map((n) => n.gem) ?? [])} load${runtimeLibs.length > 1 ? '' : 's'} at run time`, instruction: aptInstall(runtimeLibs) }]
      : [];
    const finalSteps: Step[] = [];
    if (fw.id === 'rails') {
      const dirs = ['tmp', 'log', ...(project.list('storage') !== undefined ? ['storage'] : [])];
      finalSteps.push({
        comment: `Rails writes its pid file and caches under tmp/ and may log to log/${dirs.includes('storage') ? '; storage/ holds uploads (a volume in compose)' : ''}: the only folders its user may write`,
        instruction: `RUN mkdir -p ${dirs.join(' ')} && chown -R ${UID}:${UID} ${dirs.join(' ')}`,
      });
    }
    const fromBuild = build?.code.length ? humanList(build.code.map((s) => (/assets/.test(s.instruction) ? 'with its compiled assets' : "with Bootsnap's cache"))) : undefined;
    return renderTemplate(templates, 'ruby/Dockerfile.ejs', {
      title: r.name,
      framework: fw.title,
      runtimeVersion: r.runtimeVersion,
      image: image(r),
      port: r.port,
      uid: UID,
      build,
      env: [...env, `PORT=${r.port}`],
      envComment,
      runtimeSetup,
      fromBuild,
      finalSteps,
      healthcheck: execForm(ruby.healthcheck(r.port, r.healthPath, r.healthCheck === 'any-response')),
      command: execForm(startCommand(r, project)),
    });
  },

  files(input) {
    return input.starter ? starterFiles(input) : [];
  },

  processes(input) {
    const { r, project, starter } = input;
    if (starter) return [];
    const fw = frameworkOf(r);
    const rb = readRuby(project);
    const used = services.filter((s) => r.services.includes(s.id));
    const out: Process[] = [];
    const database = used.some((s) => s.kind === 'database');
    if (database && fw.id === 'rails' && project.read('bin/rails') !== undefined) {
      out.push({
        name: 'migrate',
        // db:prepare creates the database when it is missing, then runs the pending migrations (and seeds a new one).
        command: ['bin/rails', 'db:prepare'],
        lifecycle: 'once',
        purpose: 'Prepares the database (creates it and loads the schema the first time) and runs the pending migrations, then exits; the app starts after it succeeds',
        evidence: `${railsAdapter(project) ? `config/database.yml: adapter: ${railsAdapter(project)}` : 'config/database.yml'}; bin/rails`,
      });
    } else if (database && has(rb, 'sinatra-activerecord') && project.read('Rakefile') !== undefined) {
      out.push({ name: 'migrate', command: ['bundle', 'exec', 'rake', 'db:migrate'], lifecycle: 'once', purpose: 'Applies the database migrations, then exits; the app starts after it succeeds', evidence: 'sinatra-activerecord in the Gemfile, and a Rakefile' });
    }
    // Sidekiq needs Redis (or Valkey, which speaks its protocol); in a Rails app it loads the app by itself.
    if (has(rb, 'sidekiq') && fw.id === 'rails' && used.some((s) => s.id === 'redis' || s.id === 'valkey')) {
      out.push({
        name: 'worker',
        command: ['bundle', 'exec', 'sidekiq', ...(project.read('config/sidekiq.yml') !== undefined ? ['--config', 'config/sidekiq.yml'] : [])],
        lifecycle: 'always',
        purpose: 'Runs Sidekiq: the jobs the app queues in Redis',
        evidence: rb.gemfile?.gems.find((g) => g.name === 'sidekiq') ? `Gemfile: ${rb.gemfile.gems.find((g) => g.name === 'sidekiq')?.text}` : 'Gemfile.lock: sidekiq',
      });
    }
    return out;
  },

  notes(input) {
    const { r, project, starter } = input;
    if (starter) return ['The starter is a Ruby app of the standard library only (a small HTTP server on TCPServer): it needs no gem, so the image installs none. Its health route checks PostgreSQL (an SSLRequest round trip) and Redis (AUTH and PING) over plain sockets.'];
    const notes: string[] = [];
    const fw = frameworkOf(r);
    const rb = readRuby(project);
    const gems = hasGems(rb);
    if (!rb.gemfile) notes.push(`No Gemfile here: the image installs no gems, so \`${startCommand(r, project).join(' ')}\` finds no Rack or server to run. Add a Gemfile (rack, puma) and its Gemfile.lock (\`bundle lock\`), then run the generator again.`);
    if (gems && !rb.lock) notes.push('No Gemfile.lock here: the build resolves the gems when it runs, so two builds may get different versions. Run `bundle lock` and commit Gemfile.lock; the image then installs exactly what it pins (deployment mode).');
    if (rb.lock && !installsOnLinux(rb.lock)) {
      notes.push(`Gemfile.lock lists only the platforms ${humanList(rb.lock.platforms)}: Bundler in deployment mode refuses to install it on Linux. Run \`bundle lock --add-platform x86_64-linux aarch64-linux\` and commit Gemfile.lock.`);
    }
    const sources = [...(project.read('Gemfile') ?? '').matchAll(/^\s*source\s+["']([^"']+)["']/gm)].map((m) => m[1] as string).filter((s) => !/^https?:\/\/rubygems\.org\/?$/.test(s));
    if (sources.length) notes.push(`The Gemfile uses another gem source (${humanList(sources)}): if it needs credentials, pass them to the build as a secret (\`docker build --secret\`, read into BUNDLE_<HOST> in the install step), never in the image or the Dockerfile.`);
    if (rb.gemfile?.gemspec) notes.push("The Gemfile says `gemspec`: the gem's .gemspec (and the files it reads, such as lib/*/version.rb) must be copied before `bundle install`; add them to the Dockerfile's COPY of the Gemfile.");
    for (const g of rb.gemfile?.gems ?? []) if (g.path && (g.path.startsWith('..') || g.path.startsWith('/'))) notes.push(`Gemfile: ${g.text} is outside this folder, which is the build context: the build fails until the gem is inside it (or vendored).`);
    if (fw.id === 'rails') {
      if (!has(rb, 'puma')) notes.push('puma is not in the Gemfile: `bin/rails server` needs a server gem (Ruby 3 has no WEBrick). Add `gem "puma"`.');
      if (['jsbundling-rails', 'cssbundling-rails', 'shakapacker', 'webpacker', 'vite_rails'].some((g) => has(rb, g))) {
        notes.push('The app builds its JavaScript or CSS with Node (jsbundling-rails, cssbundling-rails, Shakapacker or Vite): `assets:precompile` needs Node and its packages in the build stage, which this Dockerfile does not install yet. Add them to the build stage before that step.');
      }
      if (project.read('config/credentials.yml.enc') !== undefined) {
        notes.push('config/credentials.yml.enc is here: SECRET_KEY_BASE in .env stands in for the credentials\' secret_key_base; if the app reads other credentials, add RAILS_MASTER_KEY to .env (config/master.key is never copied into the image: .dockerignore leaves it out).');
      }
      const production = project.read('config/environments/production.rb') ?? '';
      if (/^\s*config\.force_ssl\s*=\s*true/m.test(production) && !/^\s*config\.assume_ssl\s*=\s*true/m.test(production)) {
        notes.push('config/environments/production.rb sets force_ssl: plain HTTP requests are redirected to https, so the app needs a TLS proxy in front (the healthcheck accepts the redirect). Set `config.assume_ssl = true` when that proxy terminates TLS.');
      }
      const adapter = railsAdapter(project);
      if (adapter === 'sqlite3' && !services.some((s) => s.kind === 'database' && r.services.includes(s.id))) {
        notes.push(`config/database.yml uses SQLite${project.list('storage') !== undefined ? ', in storage/ (a volume)' : ''}, and no database service is in the stack: run \`docker compose run --rm app bin/rails db:prepare\` once, or add "postgres" to "services".`);
      }
      if (has(rb, 'sidekiq') && !r.services.some((s) => s === 'redis' || s === 'valkey')) notes.push('sidekiq is in the Gemfile, but Redis is not in the stack: no worker runs. Add "redis" to "services" for a Sidekiq worker.');
      if (has(rb, 'solid_queue') && project.read('bin/jobs') !== undefined) notes.push('Solid Queue is in the Gemfile: run its workers with `bin/jobs` (a service of the app\'s image with `command: ["bin/jobs"]`), or inside Puma with SOLID_QUEUE_IN_PUMA=1 in .env.');
    } else if (has(rb, 'sidekiq')) {
      notes.push('sidekiq is in the Gemfile: outside Rails it needs the file that loads the jobs (`bundle exec sidekiq --require ./worker.rb`); add that service to docker-compose.yml from the app\'s image.');
    }
    const cmd = startCommand(r, project);
    if (cmd.includes('rackup') && !has(rb, 'rackup') && Number(rb.lock?.specs.get('rack')?.split('.')[0] ?? 0) >= 3) {
      notes.push('Rack 3 moved the `rackup` command into the rackup gem, which the Gemfile lacks: add `gem "puma"` (the image then runs Puma) or `gem "rackup"` with a server.');
    }
    if (!hasApp(r, project) && r.command === null) notes.push(`No ${r.entrypoint} here: the image starts \`${cmd.join(' ')}\`; set "entrypoint" to your app's file, or "command".`);
    return notes;
  },
};
