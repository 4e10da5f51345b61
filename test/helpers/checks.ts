/**
 * Checks that parse what the generator wrote and hold it to the rules users
 * rely on. Each returns a list of problems (empty = fine), so the unit tests,
 * the golden tests and the fuzz tests share them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { parse as parseDotenv } from 'dotenv';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Service } from 'kubernetes-models/v1/Service';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import type { Plan } from '../../src/core/index.js';
import { envSpecs } from '../../src/core/env.js';
import { processImage } from '../../src/core/provider.js';
import { services as serviceEntries } from '../../src/core/registry.js';

const require = createRequire(import.meta.url);

/** The Compose Specification's JSON schema, as shipped by dclint (a current copy of compose-spec/schema). */
export const composeSchema = JSON.parse(
  readFileSync(require.resolve('dclint/package.json').replace(/package\.json$/, 'schemas/compose.schema.json'), 'utf8'),
) as Record<string, unknown>;

const ajv = new Ajv({ strict: false, allErrors: true });
// The file names draft-07 by an https URL Ajv doesn't know; Ajv's default dialect is draft-07.
const { $schema: _dialect, ...composeSchemaBody } = composeSchema;
const validateCompose = ajv.compile(composeSchemaBody);

export function file(plan: Plan, path: string): string | undefined {
  return plan.files.find((f) => f.path === path)?.content;
}

/** The compose file, under whichever name docker compose reads (the user's compose.yaml keeps its name). */
export function composeText(plan: Plan): string | undefined {
  return plan.files.find((f) => /^(docker-)?compose\.ya?ml$/.test(f.path))?.content;
}

/** A file of the app's own folder (the Dockerfile and its context), which is the root unless `app` says otherwise. */
export function appFile(plan: Plan, path: string): string | undefined {
  return file(plan, plan.answers.app === '.' ? path : `${plan.answers.app}/${path}`);
}

// -- Dockerfile ----------------------------------------------------------------

export interface Stage {
  name: string | undefined;
  image: string;
  instructions: Instruction[];
}

/** An instruction's arguments as written, flags included (`--from=...`, `--mount=...`), continuations joined. */
const raw = new WeakMap<Instruction, string>();
export const text = (i: Instruction): string => raw.get(i) ?? i.getArgumentsContent() ?? '';

export function stages(dockerfile: string): Stage[] {
  const ast = DockerfileParser.parse(dockerfile);
  const lines = dockerfile.split('\n');
  const out: Stage[] = [];
  for (const ins of ast.getInstructions()) {
    const r = ins.getRange();
    const body = lines
      .slice(r.start.line, r.end.line + 1)
      .map((l, n) => (n === 0 ? l.slice(r.start.character) : l))
      .join('\n')
      .replace(/\s*\\\n\s*/g, ' ')
      .replace(/^\S+\s*/, '')
      .trim();
    raw.set(ins, body);
    if (ins.getKeyword() === 'FROM') {
      const args = ins.getArguments().map((a) => a.getValue());
      const asIndex = args.findIndex((a) => a.toUpperCase() === 'AS');
      out.push({ name: asIndex >= 0 ? args[asIndex + 1] : undefined, image: args.find((a) => !a.startsWith('--')) ?? '', instructions: [ins] });
    } else {
      out[out.length - 1]?.instructions.push(ins);
    }
  }
  return out;
}

/** Installing the installer (a pinned Poetry, Pipenv or PDM in a venv of its own) is not installing the app's dependencies. */
const isToolInstall = (i: Instruction) => /\/opt\/(poetry|pipenv|pdm)\/bin\/pip install/.test(text(i));
const isInstall = (i: Instruction) =>
  i.getKeyword() === 'RUN' &&
  !isToolInstall(i) &&
  /\b(pip( --python \S+)? install|npm (ci|install)|yarn(@\S+)? (install|workspaces focus)|pnpm(@\S+)? install|uv sync|uv pip install|poetry install|pipenv install|pdm sync|go mod download|cargo build|dotnet restore|bundle install|composer install)\b/.test(text(i));
/** Files that declare dependencies (what a build copies before installing). */
const MANIFEST = /^(requirements[\w.-]*\.txt|requirements\/[\w.-]+\.txt|[\w./-]*\/?requirements[\w.-]*\.txt|pyproject\.toml|uv\.lock|poetry\.lock|pdm\.lock|Pipfile|Pipfile\.lock|package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|\.npmrc|\.yarnrc(\.yml)?|\.pnpmfile\.cjs|go\.mod|go\.sum|([\w.-]+\/)*Cargo\.(toml|lock)|Gemfile|Gemfile\.lock|\.ruby-version|([\w.-]+\/)*([\w.-]+\.(csproj|fsproj|sln|slnx)|Directory\.(Build|Packages)\.(props|targets)|[Nn]u[Gg]et\.[Cc]onfig|global\.json|packages\.lock\.json)|composer\.(json|lock))$/;
const isManifestCopy = (i: Instruction) => {
  if (i.getKeyword() !== 'COPY' || /--from=/.test(text(i))) return false;
  const args = text(i).split(/\s+/);
  return args.length >= 2 && args.slice(0, -1).every((a) => MANIFEST.test(a));
};
/** The one install that may follow the code: a setup.py project, whose dependencies only its own code declares. */
const isProjectInstall = (i: Instruction) => i.getKeyword() === 'RUN' && /pip --python \S+ install --disable-pip-version-check \.$/.test(text(i));
const isDependencyCopy = (i: Instruction) =>
  i.getKeyword() === 'COPY' && (/--from=\S+ (\/opt\/venv|\/app\/node_modules|\/usr\/local\/bundle) /.test(text(i)) || /^--from=build \/out\/(lib|layers\/dependencies|quarkus-app\/lib)\/ \.\/\S*$/.test(text(i)));
const isAppCopy = (i: Instruction) =>
  // Go: the binary the build stage compiled, into /app.
  i.getKeyword() === 'COPY' && (text(i) === '. .' || /^--from=(build|prod) \/app(\/\S+)? /.test(text(i)) || /^--from=build \/out\/\S+ \/app\/\S+$/.test(text(i)) || /^--from=build \/var\/www\/html \/var\/www\/html$/.test(text(i)) || /^--from=build \/out\/(app\.jar|layers\/application\/|quarkus-app\/quarkus\/) \.\/\S*$/.test(text(i)));

/** The recipe order, asserted per stage: FROM -> WORKDIR -> COPY manifests -> RUN install -> COPY app -> CMD. */
export function checkDockerfileOrder(dockerfile: string): string[] {
  const problems: string[] = [];
  const all = stages(dockerfile);
  if (all.length === 0) return ['no FROM'];
  const final = all[all.length - 1] as Stage;
  const index = (s: Stage, pred: (i: Instruction) => boolean) => s.instructions.findIndex(pred);
  const before = (s: Stage, a: number, b: number, what: string) => {
    if (a < 0 || b < 0 || a >= b) problems.push(`stage ${s.name ?? 'final'}: ${what}`);
  };
  const names = new Set(all.map((x) => x.name));
  for (const s of all) {
    const workdir = index(s, (i) => i.getKeyword() === 'WORKDIR');
    // A stage built FROM another stage inherits its WORKDIR.
    if (names.has(s.image)) continue;
    if (workdir !== 1 && !(workdir > 0 && s.instructions.slice(1, workdir).every((i) => ['ENV', 'ARG', 'LABEL'].includes(i.getKeyword())))) {
      problems.push(`stage ${s.name ?? 'final'}: WORKDIR must follow FROM (only ENV/ARG/LABEL between)`);
    }
    const manifest = index(s, isManifestCopy);
    const install = index(s, isInstall);
    if (install >= 0 && !isProjectInstall(s.instructions[install] as Instruction)) {
      before(s, workdir, manifest, 'WORKDIR before COPY of the dependency manifests');
      before(s, manifest, install, 'COPY of the manifests before RUN install');
      const appCopy = index(s, (i) => i.getKeyword() === 'COPY' && text(i) === '. .');
      if (appCopy >= 0) before(s, install, appCopy, 'RUN install before COPY . .');
    }
  }
  const deps = index(final, (i) => isDependencyCopy(i) || isManifestCopy(i));
  const app = index(final, isAppCopy);
  const cmd = index(final, (i) => i.getKeyword() === 'CMD');
  const workdir = index(final, (i) => i.getKeyword() === 'WORKDIR');
  if (deps >= 0) {
    before(final, workdir, deps, 'WORKDIR before the dependencies');
    before(final, deps, app, 'dependencies before the app');
  } else {
    before(final, workdir, app, 'WORKDIR before the app');
  }
  before(final, app, cmd, 'COPY of the app before CMD');
  if (cmd !== final.instructions.length - 1) problems.push('CMD must be the last instruction');
  return problems;
}

/** Parse, lint (dockerfile-utils: no diagnostics at all), order, and the secure-default rules. */
export function checkDockerfile(plan: Plan): string[] {
  const dockerfile = appFile(plan, 'Dockerfile');
  if (dockerfile === undefined) return ['no Dockerfile'];
  const problems: string[] = [];
  for (const d of lintDockerfile(dockerfile)) problems.push(`lint line ${d.range.start.line + 1}: ${d.message}`);
  problems.push(...checkDockerfileOrder(dockerfile));
  if (/^#\s*syntax\s*=/im.test(dockerfile)) problems.push('has a # syntax= directive');
  const all = stages(dockerfile);
  const stageNames = new Set(all.map((s) => s.name));
  for (const s of all) {
    if (stageNames.has(s.image)) continue;
    const [repo, tag] = s.image.split(':');
    if (!tag || tag === 'latest') problems.push(`FROM ${s.image} is not pinned to a version tag`);
    if (plan.answers.language === 'go') {
      // Compiled: the official Go image (Debian) builds, distroless runs; no Alpine (musl) anywhere.
      const isFinal = s === all[all.length - 1];
      if (isFinal && !/^gcr\.io\/distroless\/(static|base)-debian\d+:nonroot$/.test(s.image)) problems.push(`final FROM ${s.image} is not distroless static or base, :nonroot`);
      if (!isFinal && !/^golang:\d+\.\d+-(trixie|bookworm)$/.test(s.image)) problems.push(`FROM ${s.image} is not an official Debian Go image`);
      continue;
    }
    if (plan.answers.language === 'dotnet') {
      // Microsoft's images: the SDK builds, the ASP.NET Core runtime runs; Debian or Ubuntu, never Alpine.
      const isFinal = s === all[all.length - 1];
      if (isFinal && !/^mcr\.microsoft\.com\/dotnet\/aspnet:\d+\.0-(bookworm-slim|noble)$/.test(s.image)) problems.push(`final FROM ${s.image} is not the aspnet runtime image (Debian slim or Ubuntu)`);
      if (!isFinal && !/^mcr\.microsoft\.com\/dotnet\/sdk:\d+\.\d+(\.\d+)?-(bookworm-slim|noble)$/.test(s.image)) problems.push(`FROM ${s.image} is not the .NET SDK image (Debian slim or Ubuntu)`);
      continue;
    }
    if (plan.answers.language === 'php') {
      // The official PHP image with Apache (Debian): one stage, no slim variant exists; never Alpine.
      if (!/^php:\d+\.\d+-apache-(trixie|bookworm)$/.test(s.image)) problems.push(`FROM ${s.image} is not an official Debian php:X-apache image`);
      continue;
    }
    if (plan.answers.language === 'java') {
      // The official Maven/Gradle/Temurin JDK images (Ubuntu noble) build, the Temurin JRE runs; never Alpine.
      const isFinal = s === all[all.length - 1];
      if (isFinal && !/^eclipse-temurin:\d+-jre-noble$/.test(s.image)) problems.push(`final FROM ${s.image} is not the Eclipse Temurin JRE (noble)`);
      if (!isFinal && !/^(maven:3\.\d+-eclipse-temurin-\d+-noble|eclipse-temurin:\d+-jdk-noble|gradle:\d+\.\d+-jdk\d+-noble)$/.test(s.image)) problems.push(`FROM ${s.image} is not an official Maven, Gradle or Temurin JDK image (noble)`);
      continue;
    }
    if (plan.answers.language === 'rust') {
      // Compiled: the official Rust image (Debian slim) builds, distroless cc of the same Debian release runs.
      const isFinal = s === all[all.length - 1];
      if (isFinal && s.image !== 'gcr.io/distroless/cc-debian13:nonroot') problems.push(`final FROM ${s.image} is not distroless cc-debian13:nonroot (the builder's trixie glibc)`);
      if (!isFinal && !/^rust:\d+\.\d+-slim-trixie$/.test(s.image)) problems.push(`FROM ${s.image} is not an official Debian slim Rust image`);
      continue;
    }
    if (!/slim/.test(tag ?? '') || /alpine/.test(tag ?? '')) problems.push(`FROM ${s.image} is not a Debian slim image`);
    if (!['python', 'node', 'ruby'].includes(repo ?? '')) problems.push(`FROM ${s.image} is not an official runtime image`);
  }
  const final = all[all.length - 1] as Stage;
  const users = final.instructions.filter((i) => i.getKeyword() === 'USER').map(text);
  const user = users[users.length - 1];
  if (!user || ['root', '0', '0:0', 'root:root'].includes(user)) problems.push(`final stage runs as ${user ?? 'root (no USER)'}`);
  const userAt = final.instructions.findIndex((i) => i.getKeyword() === 'USER');
  if (userAt < final.instructions.findLastIndex((i) => ['COPY', 'RUN'].includes(i.getKeyword()))) problems.push('USER must come after the last COPY/RUN');
  const kw = (k: string) => final.instructions.filter((i) => i.getKeyword() === k);
  if (kw('HEALTHCHECK').length !== 1) problems.push('final stage needs exactly one HEALTHCHECK');
  if (!kw('EXPOSE').some((i) => text(i) === String(plan.answers.port))) problems.push(`no EXPOSE ${plan.answers.port}`);
  const cmd = kw('CMD')[0];
  if (cmd) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text(cmd));
    } catch {
      problems.push('CMD is not exec form (a JSON array)');
    }
    if (parsed !== undefined && JSON.stringify(parsed) !== JSON.stringify(plan.command)) problems.push(`CMD ${text(cmd)} is not the start command`);
  }
  const hc = kw('HEALTHCHECK')[0];
  if (hc) {
    const json = /CMD\s+(\[.*\])\s*$/s.exec(text(hc))?.[1];
    try {
      const args = JSON.parse(json ?? 'null') as string[];
      if (!Array.isArray(args) || !args.join(' ').includes(plan.answers.healthPath)) problems.push('HEALTHCHECK does not call the health path');
      if (['curl', 'wget'].includes(args[0] ?? '')) problems.push('HEALTHCHECK uses a tool slim images lack');
    } catch {
      problems.push('HEALTHCHECK CMD is not exec form');
    }
  }
  if (plan.answers.language === 'python') {
    for (const v of ['PYTHONDONTWRITEBYTECODE=1', 'PYTHONUNBUFFERED=1']) if (!dockerfile.includes(v)) problems.push(`final stage lacks ${v}`);
  }
  if (plan.answers.language === 'go') {
    const build = all.find((st) => st.name === 'build');
    const compile = build?.instructions.find((i) => i.getKeyword() === 'RUN' && /\bgo build\b/.test(text(i)));
    if (!compile) problems.push('no go build in the build stage');
    else {
      const t = text(compile);
      if (!/--mount=type=cache,target=\/go\/pkg\/mod/.test(t) || !/--mount=type=cache,target=\/root\/\.cache\/go-build/.test(t)) problems.push('go build without the module and build cache mounts');
      if (!/-trimpath/.test(t) || !/-ldflags="-s -w"/.test(t)) problems.push('go build without -trimpath -ldflags="-s -w"');
      const cgo = /CGO_ENABLED=1/.test(t);
      if (!cgo && !/CGO_ENABLED=0/.test(t)) problems.push('go build does not set CGO_ENABLED');
      if (!cgo && !final.image.includes('/static-')) problems.push('a static binary on a final image other than distroless static');
    }
    const probe = final.instructions.find((i) => i.getKeyword() === 'COPY' && /healthcheck/.test(text(i)));
    if (!probe) problems.push('the final stage lacks the health probe its HEALTHCHECK runs');
  }
  if (plan.answers.language === 'rust') {
    // A dependency layer (stub sources, manifests only) before the code; the real build in a cache-mounted target/.
    const deps = all.find((st) => st.name === 'deps');
    const depsBuild = deps?.instructions.find((i) => i.getKeyword() === 'RUN' && /\bcargo build --release\b/.test(text(i)));
    if (!deps || !depsBuild) problems.push('no deps stage that runs cargo build --release');
    if (deps?.instructions.some((i) => i.getKeyword() === 'COPY' && text(i) === '. .')) problems.push('the deps stage copies the code');
    const build = all.find((st) => st.name === 'build');
    const compile = build?.instructions.find((i) => i.getKeyword() === 'RUN' && /\bcargo build --release\b/.test(text(i)));
    if (!compile) problems.push('no cargo build --release in the build stage');
    else {
      const t = text(compile);
      if (!/--mount=type=cache,target=\/usr\/local\/cargo\/registry/.test(t) || !/--mount=type=cache,[^ ]*target=\/app\/target/.test(t)) problems.push('cargo build without the registry and target cache mounts');
      // The binary must leave the cache mount in the same RUN.
      if (!new RegExp(`cp target/release/${plan.answers.entrypoint} /out/`).test(t)) problems.push('the binary is not copied out of the cache-mounted target/ in the same RUN');
      const locked = plan.files.some((f) => f.path === 'Cargo.lock') || /--locked/.test(text(depsBuild ?? compile));
      if (locked && !/--locked/.test(t)) problems.push('cargo build without --locked');
    }
    const probe = final.instructions.find((i) => i.getKeyword() === 'COPY' && /healthcheck/.test(text(i)));
    if (!probe) problems.push('the final stage lacks the health probe its HEALTHCHECK runs');
  }
  if (plan.answers.language === 'dotnet') {
    // A restore from the project files alone (NuGet folder cache-mounted), then publish; the runtime image's own non-root user; the probe.
    const build = all.find((st) => st.name === 'build');
    const restore = build?.instructions.find((i) => i.getKeyword() === 'RUN' && /\bdotnet restore\b/.test(text(i)));
    if (!restore || !/--mount=type=cache,[^ ]*target=\/root\/\.nuget\/packages/.test(text(restore))) problems.push('no dotnet restore with the NuGet cache mount in the build stage');
    const publish = build?.instructions.find((i) => i.getKeyword() === 'RUN' && /\bdotnet publish\b/.test(text(i)));
    if (!publish || !/-c Release -o \/app\b/.test(text(publish)) || !/UseAppHost=false/.test(text(publish))) problems.push('no dotnet publish -c Release -o /app -p:UseAppHost=false in the build stage');
    if (build && restore && publish && build.instructions.indexOf(restore) > build.instructions.indexOf(publish)) problems.push('dotnet publish before the restore layer');
    if (user !== '$APP_UID') problems.push(`the final stage runs as ${user}, not the image's APP_UID`);
    const probe = final.instructions.find((i) => i.getKeyword() === 'COPY' && /--from=probe /.test(text(i)));
    if (!probe) problems.push('the final stage lacks the health probe its HEALTHCHECK runs');
  }
  if (plan.answers.language === 'node' && plan.answers.framework !== 'nextjs') {
    if (!/--omit=dev|--production|--prod\b/.test(dockerfile)) problems.push('no production-only install');
  }
  return problems;
}

// -- compose ---------------------------------------------------------------------

export function parseCompose(plan: Plan): Record<string, any> | undefined {
  const text = composeText(plan);
  return text === undefined ? undefined : (parseYaml(text) as Record<string, any>);
}

/** ${VAR}, ${VAR:?msg}, ${VAR:-default} references in a compose text; `$$` is an escaped dollar. */
export function composeVariables(text: string): Array<{ name: string; hasDefault: boolean }> {
  const out: Array<{ name: string; hasDefault: boolean }> = [];
  for (const m of text.replace(/\$\$/g, '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?[^}]*\}/g)) {
    out.push({ name: m[1] as string, hasDefault: m[2] === ':-' || m[2] === '-' });
  }
  return out;
}

export function checkCompose(plan: Plan): string[] {
  const text = composeText(plan);
  if (text === undefined) return plan.answers.deploy.includes('compose') ? ['no docker-compose.yml'] : [];
  const problems: string[] = [];
  let doc: Record<string, any>;
  try {
    doc = parseYaml(text) as Record<string, any>;
  } catch (err) {
    return [`docker-compose.yml is not YAML: ${(err as Error).message}`];
  }
  // YAML 1.1 readers (docker-compose v1, PyYAML) must read the same data as YAML 1.2 ones.
  const as11 = parseYaml(text, { version: '1.1' });
  if (JSON.stringify(as11) !== JSON.stringify(doc)) problems.push('docker-compose.yml reads differently as YAML 1.1');
  if (!validateCompose(doc)) problems.push(...(validateCompose.errors ?? []).map((e) => `compose schema: ${e.instancePath} ${e.message}`));
  if ('version' in doc) problems.push('obsolete version: key');
  const services = doc.services ?? {};
  const app = services.app;
  if (!app) return [...problems, 'no app service'];
  // The Dockerfile compose builds must be the app's, and a context above the app's folder needs the Dockerfile's own ignore file.
  const dockerfilePath = plan.answers.app === '.' ? 'Dockerfile' : `${plan.answers.app}/Dockerfile`;
  const ctx = String(typeof app.build === 'string' ? app.build : app.build?.context).replace(/^\.\/?/, '') || '.';
  const built = typeof app.build === 'string' ? (ctx === '.' ? 'Dockerfile' : `${ctx}/Dockerfile`) : ctx === '.' ? app.build?.dockerfile : `${ctx}/${app.build?.dockerfile}`;
  if (built !== dockerfilePath) problems.push(`app is built from ${built}, not ${dockerfilePath}`);
  if (file(plan, built ?? '') === undefined) problems.push(`compose builds ${built}, which is not written`);
  if (typeof app.build !== 'string' && file(plan, `${dockerfilePath}.dockerignore`) === undefined) problems.push(`the context ${ctx} has no ${dockerfilePath}.dockerignore`);
  if (app.env_file !== '.env') problems.push('app does not read .env');
  // A registry's reference names the image compose builds, so `docker compose push` pushes it; a bare name tags nothing.
  const named = plan.answers.image.includes('/');
  if (named && app.image !== plan.answers.image) problems.push(`app image is ${app.image}, not the answers' ${plan.answers.image}`);
  if (!named && app.image !== undefined) problems.push(`app names an image (${app.image}) though the answers name no registry`);
  if (!Array.isArray(app.ports) || !app.ports.some((p: string) => String(p).endsWith(`:${plan.answers.port}`))) problems.push('app port not published');
  for (const s of plan.answers.services) {
    const svc = services[s];
    if (!svc) {
      problems.push(`no ${s} service`);
      continue;
    }
    if (app.depends_on?.[s]?.condition !== 'service_healthy') problems.push(`app does not wait for ${s} to be healthy`);
    if (!svc.healthcheck?.test) problems.push(`${s} has no healthcheck`);
    // A service that keeps data has a named volume (a cache that keeps nothing, like Memcached, has none).
    const keeps = serviceEntries.find((x) => x.id === s)?.volume;
    if (keeps && (!Array.isArray(svc.volumes) || !svc.volumes.some((v: string) => String(v).includes('-data:')))) problems.push(`${s} has no named volume`);
    if (!keeps && svc.volumes !== undefined) problems.push(`${s} keeps nothing but mounts ${svc.volumes}`);
    if (!/^[a-z0-9]+(\/[a-z0-9-]+)?:[0-9]/.test(String(svc.image))) problems.push(`${s} image ${svc.image} is not pinned to a version`);
    for (const p of svc.ports ?? []) {
      if (!plan.answers.exposeServices) problems.push(`${s} publishes ${p} though exposeServices is off`);
      else if (!String(p).startsWith('127.0.0.1:')) problems.push(`${s} publishes ${p} beyond 127.0.0.1`);
    }
  }
  if (plan.answers.services.includes('postgres') && !JSON.stringify(services.postgres?.healthcheck?.test).includes('pg_isready')) problems.push('postgres healthcheck is not pg_isready');
  if (plan.answers.services.includes('redis')) {
    if (!JSON.stringify(services.redis?.healthcheck?.test).includes('redis-cli ping')) problems.push('redis healthcheck is not redis-cli ping');
    if (!(services.redis?.command ?? []).includes('--requirepass')) problems.push('redis does not require a password');
  }
  problems.push(...checkComposeServices(plan, services));
  for (const name of Object.keys(services)) if (!['app', ...plan.answers.services, ...plan.processes.map((p) => p.name)].includes(name)) problems.push(`unexpected service ${name}`);
  for (const p of plan.processes) {
    const svc = services[p.name];
    if (!svc) {
      problems.push(`no ${p.name} service`);
      continue;
    }
    // Compose reads `$$` as a literal `$`.
    const unescape = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x).replace(/\$\$/g, '$')) : v);
    if (JSON.stringify(unescape(svc.command)) !== JSON.stringify(p.command)) problems.push(`${p.name} does not run ${p.command.join(' ')}`);
    if (p.healthcheck && JSON.stringify(unescape(svc.healthcheck?.test)) !== JSON.stringify(['CMD', ...p.healthcheck])) problems.push(`${p.name}'s healthcheck is not ${p.healthcheck.join(' ')}`);
    if (!p.healthcheck && svc.healthcheck?.disable !== true) problems.push(`${p.name} keeps the app's HTTP healthcheck, which it cannot pass`);
    if (JSON.stringify(svc.command ?? []).match(/(^|[^$])\$[^$]/)) problems.push(`${p.name}: a single $ in its command (Compose would interpolate it)`);
    const build = p.target ? { context: app.build, target: p.target.stage } : app.build;
    if (JSON.stringify(svc.build) !== JSON.stringify(build)) problems.push(`${p.name} is not built as ${JSON.stringify(build)}`);
    if (p.target && !stages(appFile(plan, 'Dockerfile') ?? '').some((s) => s.name === p.target?.stage)) problems.push(`${p.name} builds a stage the Dockerfile lacks: ${p.target.stage}`);
    if (svc.env_file !== '.env') problems.push(`${p.name} does not read .env`);
    for (const s of plan.answers.services) if (svc.depends_on?.[s]?.condition !== 'service_healthy') problems.push(`${p.name} does not wait for ${s}`);
    if (p.lifecycle === 'once') {
      if (svc.restart !== 'no') problems.push(`${p.name} restarts`);
      if (app.depends_on?.[p.name]?.condition !== 'service_completed_successfully') problems.push(`the app does not wait for ${p.name} to finish`);
    }
  }
  return problems;
}

// -- .env --------------------------------------------------------------------------

/** `userEnv`: the .env the folder had (its values are the user's, kept as they are). */
export function checkEnv(plan: Plan, userEnv: Record<string, string> = {}): string[] {
  const problems: string[] = [];
  const envText = file(plan, '.env');
  const exampleText = file(plan, '.env.example');
  if (envText === undefined || exampleText === undefined) return ['no .env or .env.example'];
  const env = parseDotenv(envText);
  const example = parseDotenv(exampleText);
  const composeYaml = composeText(plan);
  const values = composeYaml === undefined ? '' : JSON.stringify(parseYaml(composeYaml));
  for (const v of composeVariables(values)) {
    if (!v.hasDefault && !(v.name in env)) problems.push(`compose references \${${v.name}} but .env lacks it`);
  }
  for (const k of envSpecs(plan.answers).flatMap((g) => g.specs.map((x) => x.key))) {
    if (!(k in env)) problems.push(`.env lacks ${k}`);
    if (!(k in example)) problems.push(`.env.example lacks ${k}`);
  }
  for (const [k, v] of Object.entries(env)) {
    // Laravel's .env.example says REDIS_PASSWORD=null: the word null is its "no value", no secret.
    if (/PASSWORD|SECRET/.test(k) && !(v === 'null' && example[k] === 'null')) {
      if (v.length < 24 && userEnv[k] !== v) problems.push(`${k} is shorter than 24 characters`);
      if (example[k] === v) problems.push(`.env.example holds the secret ${k}`);
      for (const f of plan.files) {
        // Only files that hold secrets by design (created 0600, git- and docker-ignored) may contain one.
        if (f.sensitive) continue;
        if (f.content.includes(v)) problems.push(`secret ${k} appears in ${f.path}`);
      }
    }
  }
  if (plan.answers.services.includes('postgres')) {
    const url = env.DATABASE_URL ?? '';
    // The scheme is ours (postgresql://) or the one the app's own example uses (postgres://, postgresql+asyncpg://).
    if (!/^postgres(ql)?(\+\w+)?:\/\//.test(url) || !url.includes(encodeURIComponent(env.POSTGRES_PASSWORD ?? '?'))) problems.push('DATABASE_URL does not use POSTGRES_PASSWORD');
  }
  if (plan.answers.services.includes('redis')) {
    if (!(env.REDIS_URL ?? '').includes(encodeURIComponent(env.REDIS_PASSWORD ?? '?'))) problems.push('REDIS_URL does not use REDIS_PASSWORD');
  }
  problems.push(...checkEnvServices(plan, env));
  for (const [k, v] of Object.entries(plan.answers.env)) if (env[k] !== v) problems.push(`.env ${k} reads back as ${JSON.stringify(env[k])}, not ${JSON.stringify(v)}`);
  return problems;
}

/**
 * Whether a .dockerignore excludes a path of the build context, as BuildKit
 * reads it: each line a pattern (`*` within a segment, `**` across them), a
 * folder's pattern covering what is inside, `!` re-including, the last match winning.
 */
export function dockerIgnores(text: string, path: string): boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const body = (negate ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '');
      const re = body
        .split('/')
        .map((seg) => (seg === '**' ? '.*' : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { negate, re: new RegExp(`^${re}(?:/.*)?$`) };
    });
  let excluded = false;
  for (const r of rules) if (r.re.test(path)) excluded = !r.negate;
  return excluded;
}

export function checkIgnores(plan: Plan): string[] {
  const problems: string[] = [];
  // A workspace member's ignore rules sit next to its Dockerfile (the context is the workspace root).
  const own = appFile(plan, 'Dockerfile.dockerignore');
  const dockerignore = own ?? appFile(plan, '.dockerignore') ?? '';
  for (const p of ['.env', '.env.local', 'nested/folder/.env', '.git/config', 'secrets/postgres_password', 'k8s/app.yaml']) if (!dockerIgnores(dockerignore, p)) problems.push(`.dockerignore lets ${p} into the image`);
  for (const p of ['.env.example', 'package.json', 'src/main.py']) if (dockerIgnores(dockerignore, p)) problems.push(`.dockerignore keeps ${p} out`);
  const gitignore = (file(plan, '.gitignore') ?? '').split('\n').map((l) => l.trim());
  if (!gitignore.some((l) => ['.env', '/.env', '.env*', '*.env'].includes(l))) problems.push('.gitignore does not ignore .env');
  for (const f of plan.files.filter((x) => x.sensitive && x.path !== '.env')) {
    const dir = f.path.split('/')[0] as string;
    if (!gitignore.includes(f.path) && !gitignore.includes(`${dir}/`)) problems.push(`.gitignore does not ignore ${f.path}`);
  }
  return problems;
}

// -- Docker Swarm ------------------------------------------------------------------

/** Service keys `docker stack deploy` honours (build, depends_on, restart, container_name... are ignored or refused). */
export const STACK_SERVICE_KEYS = new Set([
  'image', 'command', 'entrypoint', 'environment', 'ports', 'volumes', 'secrets', 'configs', 'deploy', 'healthcheck', 'networks',
  'labels', 'user', 'working_dir', 'stop_grace_period', 'stop_signal', 'init', 'logging', 'hostname', 'extra_hosts', 'tmpfs', 'read_only', 'ulimits', 'sysctls', 'cap_add', 'cap_drop',
]);

export function checkStack(plan: Plan): string[] {
  const text = file(plan, 'docker-stack.yml');
  if (!plan.answers.deploy.includes('swarm')) return text === undefined ? [] : ['docker-stack.yml written without swarm'];
  if (text === undefined) return ['no docker-stack.yml'];
  const problems: string[] = [];
  const doc = parseYaml(text) as Record<string, any>;
  if (JSON.stringify(parseYaml(text, { version: '1.1' })) !== JSON.stringify(doc)) problems.push('docker-stack.yml reads differently as YAML 1.1');
  if (!validateCompose(doc)) problems.push(...(validateCompose.errors ?? []).map((e) => `stack schema: ${e.instancePath} ${e.message}`));
  if ('version' in doc) problems.push('obsolete version: key');
  const env = parseDotenv(file(plan, '.env') ?? '');
  const declared = doc.secrets ?? {};
  for (const [name, svc] of Object.entries<Record<string, any>>(doc.services ?? {})) {
    for (const key of Object.keys(svc)) if (!STACK_SERVICE_KEYS.has(key)) problems.push(`${name}.${key} is not used by docker stack deploy`);
    if (!svc.image) problems.push(`${name} has no image`);
    if (!svc.deploy?.restart_policy) problems.push(`${name} has no restart policy`);
    if (!svc.deploy?.resources?.limits) problems.push(`${name} has no resource limits`);
    // A job runs to completion: only what keeps running needs a healthcheck.
    const process = plan.processes.find((p) => p.name === name);
    if (name !== 'app' && svc.deploy?.mode !== 'replicated-job' && !svc.healthcheck?.test && !(process && !process.healthcheck && svc.healthcheck?.disable === true)) problems.push(`${name} has no healthcheck`);
    if (process && !process.healthcheck && svc.healthcheck?.disable !== true) problems.push(`${name} keeps the app's HTTP healthcheck`);
    for (const secret of svc.secrets ?? []) if (!(secret in declared)) problems.push(`${name} uses undeclared secret ${secret}`);
    for (const [k, v] of Object.entries<string>(svc.environment ?? {})) {
      if (k.endsWith('_FILE') && !String(v).startsWith('/run/secrets/')) problems.push(`${name}.environment.${k} does not point at a Docker secret`);
    }
  }
  const app = doc.services?.app ?? {};
  if (app.image !== plan.answers.image) problems.push(`app image ${app.image} is not ${plan.answers.image}`);
  for (const p of plan.processes) {
    const image = p.target ? processImage(plan.answers.image, p.target.stage) : plan.answers.image;
    if (doc.services?.[p.name]?.image !== image) problems.push(`${p.name} image is not ${image}`);
  }
  if (app.deploy?.replicas !== plan.answers.replicas) problems.push('app replicas differ from the answers');
  if (!app.deploy?.update_config) problems.push('app has no rolling update_config');
  for (const [name, def] of Object.entries<Record<string, string>>(declared)) {
    const path = String(def.file ?? '').replace(/^\.\//, '');
    const secretFile = plan.files.find((f) => f.path === path);
    if (!secretFile) problems.push(`secret ${name} reads ${def.file}, which is not written`);
    else {
      if (!secretFile.sensitive) problems.push(`${path} is not marked as holding a secret`);
      // Secret names are the .env keys lowercased (a .NET ConnectionStrings__Default is mixed case).
      const envKey = Object.keys(env).find((k) => k.toLowerCase() === name) ?? name.toUpperCase();
      if (secretFile.content !== env[envKey]) problems.push(`${path} differs from .env ${envKey}`);
    }
  }
  for (const s of plan.answers.services) {
    if (!doc.services?.[s]) problems.push(`no ${s} in the stack`);
    if (serviceEntries.find((x) => x.id === s)?.volume && !(doc.volumes ?? {})[`${s}-data`]) problems.push(`no named volume for ${s}`);
  }
  problems.push(...checkStackServices(plan, doc));
  return problems;
}

// -- Kubernetes ------------------------------------------------------------------------

const K8S_MODELS: Record<string, { validate(): void } & (new (data: object) => { validate(): void })> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
} as never;

/** Every object of every k8s/*.yaml file except the kustomization, parsed. */
export function k8sObjects(plan: Plan): Array<{ path: string; obj: Record<string, any> }> {
  return plan.files
    .filter((f) => f.path.startsWith('k8s/') && f.path.endsWith('.yaml') && f.path !== 'k8s/kustomization.yaml')
    .flatMap((f) => parseAllDocuments(f.content).map((d) => ({ path: f.path, obj: d.toJS() as Record<string, any> })));
}

export function checkKubernetes(plan: Plan): string[] {
  const files = plan.files.filter((f) => f.path.startsWith('k8s/'));
  if (!plan.answers.deploy.includes('kubernetes')) return files.length ? ['k8s/ written without kubernetes'] : [];
  const problems: string[] = [];
  for (const f of files.filter((x) => x.path.endsWith('.yaml'))) {
    for (const d of parseAllDocuments(f.content)) if (d.errors.length) problems.push(`${f.path}: ${d.errors[0]?.message}`);
    const v11 = parseAllDocuments(f.content, { version: '1.1' }).map((d) => d.toJS());
    if (JSON.stringify(v11) !== JSON.stringify(parseAllDocuments(f.content).map((d) => d.toJS()))) problems.push(`${f.path} reads differently as YAML 1.1`);
  }
  const objects = k8sObjects(plan);
  for (const { path, obj } of objects) {
    const Model = K8S_MODELS[`${obj.apiVersion}/${obj.kind}`];
    if (!Model) {
      problems.push(`${path}: no schema for ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (err) {
      problems.push(`${path} ${obj.kind}/${obj.metadata?.name}: ${(err as Error).message.slice(0, 300)}`);
    }
  }
  const kustomization = parseYaml(file(plan, 'k8s/kustomization.yaml') ?? '{}') as Record<string, any>;
  const resources: string[] = kustomization.resources ?? [];
  const written = files.map((f) => f.path.replace(/^k8s\//, '')).filter((p) => p.endsWith('.yaml') && p !== 'kustomization.yaml');
  if (JSON.stringify([...resources].sort()) !== JSON.stringify([...written].sort())) problems.push(`kustomization resources ${resources} != files ${written}`);
  const ns = objects.find((o) => o.obj.kind === 'Namespace')?.obj.metadata?.name;
  if (!ns || kustomization.namespace !== ns) problems.push('kustomization namespace is not the Namespace written');
  const generated = new Map<string, Set<string>>();
  for (const g of kustomization.secretGenerator ?? []) {
    const keys = new Set<string>();
    for (const envFile of g.envs ?? []) {
      const text = file(plan, `k8s/${envFile}`);
      if (text === undefined) problems.push(`secretGenerator reads k8s/${envFile}, which is not written`);
      else for (const line of text.split('\n')) if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(line)) keys.add(line.split('=')[0] as string);
    }
    generated.set(g.name, keys);
  }
  const configMaps = new Map(objects.filter((o) => o.obj.kind === 'ConfigMap').map((o) => [o.obj.metadata.name, new Set(Object.keys(o.obj.data ?? {}))]));
  const env = parseDotenv(file(plan, '.env') ?? '');
  const secretsEnv = parseDotenv((file(plan, 'k8s/secrets.env') ?? '').replace(/^(\w+)=(.*)$/gm, (_m, k, v) => `${k}='${v}'`));
  for (const [k, v] of Object.entries(secretsEnv)) if (env[k] !== v) problems.push(`k8s/secrets.env ${k} differs from .env`);
  const podLabels: Array<Record<string, string>> = [];
  for (const { path, obj } of objects) {
    const pod = obj.spec?.template;
    if (!pod) continue;
    podLabels.push(pod.metadata?.labels ?? {});
    const selector = obj.spec.selector?.matchLabels ?? {};
    for (const [k, v] of Object.entries(selector)) if (pod.metadata?.labels?.[k] !== v) problems.push(`${path}: selector ${k} does not match the pod labels`);
    for (const c of pod.spec.containers ?? []) {
      const image = String(c.image);
      for (const e of c.env ?? []) {
        const sk = e.valueFrom?.secretKeyRef;
        if (sk && !generated.get(sk.name)?.has(sk.key)) problems.push(`${path}: secret ${sk.name} has no key ${sk.key}`);
        const ck = e.valueFrom?.configMapKeyRef;
        if (ck && !configMaps.get(ck.name)?.has(ck.key)) problems.push(`${path}: ConfigMap ${ck.name} has no key ${ck.key}`);
      }
      for (const ef of c.envFrom ?? []) if (ef.configMapRef && !configMaps.has(ef.configMapRef.name)) problems.push(`${path}: no ConfigMap ${ef.configMapRef.name}`);
      if (!c.resources?.requests || !c.resources?.limits) problems.push(`${path}: ${c.name} has no requests and limits`);
      // A Job runs to completion and a worker serves no port: only the app and the services need readiness.
      const process = plan.processes.find((p) => p.name === c.name);
      if (!process && (!c.readinessProbe || !c.livenessProbe)) problems.push(`${path}: ${c.name} lacks probes`);
      if (process && JSON.stringify(c.command) !== JSON.stringify(process.command)) problems.push(`${path}: ${c.name} does not run ${process.command.join(' ')}`);
      if (process && image !== (process.target ? processImage(plan.answers.image, process.target.stage) : plan.answers.image)) problems.push(`${path}: ${c.name} runs ${image}, not its image`);
      if (c.name === 'app') {
        if (image !== plan.answers.image) problems.push(`${path}: app image ${image} is not ${plan.answers.image}`);
        if (pod.spec.securityContext?.runAsNonRoot !== true || typeof pod.spec.securityContext?.runAsUser !== 'number') problems.push(`${path}: the app pod is not runAsNonRoot with a numeric user`);
        if (c.securityContext?.readOnlyRootFilesystem !== true || c.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${path}: the app container is not read-only / no-escalation`);
        for (const p of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
          // A health route of the app's own is called; without one, the probes connect to the port (Kubernetes takes only 2xx/3xx as healthy).
          if (plan.answers.healthCheck === 'route' ? p?.httpGet?.path !== plan.answers.healthPath : p?.tcpSocket?.port !== 'http') problems.push(`${path}: a probe does not check ${plan.answers.healthCheck === 'route' ? plan.answers.healthPath : 'the port'}`);
        }
        if (obj.spec.replicas !== plan.answers.replicas) problems.push(`${path}: replicas differ from the answers`);
        if (!c.volumeMounts?.some((m: { mountPath: string }) => m.mountPath === '/tmp')) problems.push(`${path}: no writable /tmp for a read-only root`);
      } else if (!process && !/:[0-9]/.test(image)) problems.push(`${path}: ${image} is not pinned`);
    }
  }
  for (const { path, obj } of objects.filter((o) => o.obj.kind === 'Service')) {
    const sel = obj.spec.selector ?? {};
    if (!podLabels.some((l) => Object.entries(sel).every(([k, v]) => l[k] === v))) problems.push(`${path}: Service ${obj.metadata.name} selects no pod`);
  }
  for (const s of plan.answers.services) if (!objects.some((o) => o.obj.metadata?.name === s && o.obj.kind !== 'Service')) problems.push(`no ${s} workload`);
  problems.push(...checkKubernetesServices(plan, objects));
  if (objects.some((o) => o.obj.kind === 'Secret')) problems.push('a Secret manifest holds values in a committed file');
  return problems;
}

/** Everything above, for one plan. */
/** Every check; `project` is what the folder held before (its .env values are the user's). */
export function checkPlan(plan: Plan, project: Record<string, string> = {}): string[] {
  const userEnv = project['.env'] === undefined ? {} : parseDotenv(project['.env']);
  return [...checkDockerfile(plan), ...checkCompose(plan), ...checkDevOverride(plan), ...checkEnv(plan, userEnv), ...checkIgnores(plan), ...checkStack(plan), ...checkKubernetes(plan)];
}

// -- the development override ------------------------------------------------------

/** The development override (answers' `dev`), under the name docker compose merges by itself. */
export function devOverrideText(plan: Plan): { path: string; text: string } | undefined {
  const f = plan.files.find((x) => /^(docker-)?compose\.override\.ya?ml$/.test(x.path));
  return f && { path: f.path, text: f.content };
}

/**
 * docker-compose.override.yml: valid Compose on its own, merged under the main file's
 * name, only services the main file has, a build target the Dockerfile defines, watch
 * rules that never copy .env in, no bind mounts (they would bring .env and hide the image's
 * packages), and a debugger published on 127.0.0.1 only.
 */
export function checkDevOverride(plan: Plan): string[] {
  const dev = devOverrideText(plan);
  if (!plan.answers.dev || !plan.answers.deploy.includes('compose')) return dev ? [`${dev.path} written without "dev"`] : [];
  if (!dev) return ['"dev" is set, but no compose override file is written'];
  const problems: string[] = [];
  let doc: Record<string, any>;
  try {
    doc = parseYaml(dev.text, { version: '1.1' }) as Record<string, any>;
  } catch (err) {
    return [`${dev.path} is not YAML: ${(err as Error).message}`];
  }
  if (!validateCompose(doc)) problems.push(...(validateCompose.errors ?? []).map((e) => `${dev.path} compose schema: ${e.instancePath} ${e.message}`));
  const mainPath = plan.files.find((f) => /^(docker-)?compose\.ya?ml$/.test(f.path))?.path;
  if (mainPath && dev.path !== mainPath.replace(/\.(ya?ml)$/, '.override.$1')) problems.push(`${dev.path} is not the override docker compose merges into ${mainPath}`);
  const main = parseCompose(plan);
  const dockerfileStages = new Set(stages(appFile(plan, 'Dockerfile') ?? '').map((s) => s.name));
  for (const [name, svc] of Object.entries<Record<string, any>>(doc.services ?? {})) {
    if (!main?.services?.[name]) problems.push(`${dev.path}: service ${name} is not in ${mainPath}`);
    const target = svc.build?.target;
    if (target !== undefined && !dockerfileStages.has(target)) problems.push(`${dev.path}: ${name} builds stage ${target}, which the Dockerfile lacks`);
    for (const v of svc.volumes ?? []) if (typeof v === 'string' ? /^[.~/]/.test(v) : v?.type === 'bind') problems.push(`${dev.path}: ${name} bind-mounts ${JSON.stringify(v)}`);
    for (const p of svc.ports ?? []) if (!String(p).startsWith('127.0.0.1:')) problems.push(`${dev.path}: ${name} publishes ${p} beyond this machine`);
    const watch: Array<Record<string, any>> = svc.develop?.watch ?? [];
    if (name === 'app' && watch.length === 0) problems.push(`${dev.path}: the app has no watch rules`);
    for (const w of watch) {
      if (String(w.action).startsWith('sync')) {
        if (!w.target) problems.push(`${dev.path}: ${name}'s sync of ${w.path} has no target`);
        if (!(w.ignore ?? []).includes('.env')) problems.push(`${dev.path}: ${name}'s sync of ${w.path} would copy .env into the container`);
      }
      if (w.action === 'rebuild' && svc.command === undefined && name === 'app' && watch.some((x) => String(x.action).startsWith('sync'))) problems.push(`${dev.path}: the app syncs code but runs no reloading command`);
    }
  }
  return problems;
}

// -- the services, one by one --------------------------------------------------------

/** What the MySQL-family services share: their settings' prefix and the healthcheck each image has. */
const MYSQL_FAMILY = {
  mysql: { prefix: 'MYSQL', check: 'mysqladmin ping -h 127.0.0.1' },
  mariadb: { prefix: 'MARIADB', check: 'healthcheck.sh --connect --innodb_initialized' },
} as const;

/** Every compose healthcheck as one string (CMD-SHELL's, or exec form joined). */
const testOf = (svc: Record<string, any> | undefined) => (Array.isArray(svc?.healthcheck?.test) ? svc.healthcheck.test.join(' ') : String(svc?.healthcheck?.test ?? ''));
/** A compose environment value read from .env (`${KEY:?...}`), never written into the file. */
const fromEnv = (svc: Record<string, any> | undefined, name: string, key = name) => new RegExp(`^\\$\\{${key}:\\?`).test(String(svc?.environment?.[name] ?? ''));

/** The compose services of MySQL, MariaDB, MongoDB, RabbitMQ, Valkey and Memcached: their healthcheck tools, volumes and credentials from .env. */
export function checkComposeServices(plan: Plan, services: Record<string, any>): string[] {
  const problems: string[] = [];
  const uses = (s: string) => plan.answers.services.includes(s);
  for (const [id, f] of Object.entries(MYSQL_FAMILY)) {
    if (!uses(id)) continue;
    const svc = services[id];
    if (!testOf(svc).includes(f.check)) problems.push(`${id} healthcheck is not ${f.check}`);
    if (!(svc?.volumes ?? []).includes(`${id}-data:/var/lib/mysql`)) problems.push(`${id} does not keep /var/lib/mysql in ${id}-data`);
    for (const k of ['USER', 'PASSWORD', 'DATABASE', 'ROOT_PASSWORD']) if (!fromEnv(svc, `${f.prefix}_${k}`)) problems.push(`${id} does not read ${f.prefix}_${k} from .env`);
  }
  if (uses('mongodb')) {
    const svc = services.mongodb;
    if (!/mongosh .*ping/.test(testOf(svc))) problems.push('mongodb healthcheck is not a mongosh ping');
    if (!(svc?.volumes ?? []).includes('mongodb-data:/data/db')) problems.push('mongodb does not keep /data/db in mongodb-data');
    for (const k of ['MONGO_INITDB_ROOT_USERNAME', 'MONGO_INITDB_ROOT_PASSWORD', 'MONGO_INITDB_DATABASE']) if (!fromEnv(svc, k)) problems.push(`mongodb does not read ${k} from .env`);
  }
  if (uses('rabbitmq')) {
    const svc = services.rabbitmq;
    if (!testOf(svc).includes('rabbitmq-diagnostics')) problems.push('rabbitmq healthcheck is not rabbitmq-diagnostics');
    // Its data is keyed by node name (rabbit@<hostname>): a random container hostname loses it on re-create.
    if (svc?.hostname !== 'rabbitmq') problems.push('rabbitmq has no fixed hostname');
    if (!(svc?.volumes ?? []).includes('rabbitmq-data:/var/lib/rabbitmq')) problems.push('rabbitmq does not keep /var/lib/rabbitmq in rabbitmq-data');
    for (const k of ['RABBITMQ_DEFAULT_USER', 'RABBITMQ_DEFAULT_PASS']) if (!fromEnv(svc, k)) problems.push(`rabbitmq does not read ${k} from .env`);
  }
  if (uses('valkey')) {
    const svc = services.valkey;
    if (!testOf(svc).includes('valkey-cli ping')) problems.push('valkey healthcheck is not valkey-cli ping');
    const command: string[] = svc?.command ?? [];
    if (!command.includes('--requirepass') || !/^\$\{VALKEY_PASSWORD:\?/.test(command[command.indexOf('--requirepass') + 1] ?? '')) problems.push('valkey does not require the password from .env');
    for (const k of ['VALKEYCLI_AUTH', 'REDISCLI_AUTH']) if (!fromEnv(svc, k, 'VALKEY_PASSWORD')) problems.push(`valkey's healthcheck has no ${k}`);
    if (!(svc?.volumes ?? []).includes('valkey-data:/data')) problems.push('valkey does not keep /data in valkey-data');
  }
  if (uses('memcached')) {
    const test = testOf(services.memcached);
    // The image has no nc or telnet.
    if (/\b(nc|telnet|curl|wget)\b/.test(test) || !test.includes('/dev/tcp/127.0.0.1/11211')) problems.push('memcached healthcheck does not use bash /dev/tcp');
  }
  return problems;
}

/** The URLs the app gets: built from the generated passwords, naming the compose service. */
export function checkEnvServices(plan: Plan, env: Record<string, string>): string[] {
  const problems: string[] = [];
  const uses = (s: string) => plan.answers.services.includes(s);
  const has = (key: string, parts: Array<string | undefined>) => {
    const v = env[key] ?? '';
    for (const p of parts) if (p === undefined || !v.includes(p)) problems.push(`${key} lacks ${p ?? 'a value from .env'}`);
  };
  for (const [id, f] of Object.entries(MYSQL_FAMILY)) {
    if (!uses(id)) continue;
    // mysql://, or the driver's scheme the app's own settings use (Rails: mysql2://, trilogy://).
    if (!/^(mysql|mysql2|trilogy):\/\//.test(env.DATABASE_URL ?? '')) problems.push(`DATABASE_URL for ${id} is not mysql:// (or mysql2://, trilogy://)`);
    has('DATABASE_URL', [`${env[`${f.prefix}_USER`]}:${encodeURIComponent(env[`${f.prefix}_PASSWORD`] ?? '?')}@${id}:3306/${env[`${f.prefix}_DATABASE`]}`]);
    if (env[`${f.prefix}_USER`] === 'root') problems.push(`${f.prefix}_USER is root, which the image refuses`);
    if (env[`${f.prefix}_ROOT_PASSWORD`] === env[`${f.prefix}_PASSWORD`]) problems.push(`${id}: the root password is the app's`);
  }
  if (uses('mongodb')) has('MONGODB_URI', [`mongodb://${env.MONGO_INITDB_ROOT_USERNAME}:${encodeURIComponent(env.MONGO_INITDB_ROOT_PASSWORD ?? '?')}@mongodb:27017/`, 'authSource=admin']);
  if (uses('rabbitmq')) has('AMQP_URL', [`amqp://${env.RABBITMQ_DEFAULT_USER}:${encodeURIComponent(env.RABBITMQ_DEFAULT_PASS ?? '?')}@rabbitmq:5672/`]);
  if (uses('valkey')) has('REDIS_URL', [`redis://default:${encodeURIComponent(env.VALKEY_PASSWORD ?? '?')}@valkey:6379/`]);
  if (uses('memcached') && env.MEMCACHED_SERVERS !== 'memcached:11211') problems.push('MEMCACHED_SERVERS is not memcached:11211');
  return problems;
}

/** In the stack, the services read their passwords from Docker secrets: a *_FILE variable, or a command that reads the file. */
export function checkStackServices(plan: Plan, doc: Record<string, any>): string[] {
  const problems: string[] = [];
  const uses = (s: string) => plan.answers.services.includes(s);
  const svcs = doc.services ?? {};
  const fileVar = (id: string, key: string) => {
    const environment = svcs[id]?.environment ?? {};
    if (environment[`${key}_FILE`] !== `/run/secrets/${key.toLowerCase()}`) problems.push(`${id} in the stack does not read ${key} from its Docker secret`);
    if (key in environment) problems.push(`${id} in the stack has ${key} in plain text`);
  };
  for (const [id, f] of Object.entries(MYSQL_FAMILY)) if (uses(id)) for (const k of ['PASSWORD', 'ROOT_PASSWORD']) fileVar(id, `${f.prefix}_${k}`);
  if (uses('mongodb')) fileVar('mongodb', 'MONGO_INITDB_ROOT_PASSWORD');
  for (const [id, key] of [['rabbitmq', 'RABBITMQ_DEFAULT_PASS'], ['valkey', 'VALKEY_PASSWORD']] as const) {
    if (!uses(id)) continue;
    if (!JSON.stringify(svcs[id]?.command ?? []).includes(`$$(cat /run/secrets/${key.toLowerCase()})`)) problems.push(`${id} in the stack does not read ${key} from its Docker secret`);
    if (key in (svcs[id]?.environment ?? {})) problems.push(`${id} in the stack has ${key} in plain text`);
  }
  if (uses('rabbitmq') && svcs.rabbitmq?.hostname !== 'rabbitmq') problems.push('rabbitmq in the stack has no fixed hostname');
  if (uses('memcached') && svcs.memcached?.volumes !== undefined) problems.push('memcached in the stack mounts a volume');
  return problems;
}

/** Databases and RabbitMQ (a stable node name) are StatefulSets with a claim template and a headless Service; Valkey has its claim; Memcached keeps nothing. */
export function checkKubernetesServices(plan: Plan, objects: Array<{ path: string; obj: Record<string, any> }>): string[] {
  const problems: string[] = [];
  const uses = (s: string) => plan.answers.services.includes(s);
  const find = (kind: string, name: string) => objects.find((o) => o.obj.kind === kind && o.obj.metadata?.name === name)?.obj;
  for (const id of ['mysql', 'mariadb', 'mongodb', 'rabbitmq']) {
    if (!uses(id)) continue;
    const set = find('StatefulSet', id);
    if (!set) {
      problems.push(`${id} is not a StatefulSet`);
      continue;
    }
    if (!set.spec?.volumeClaimTemplates?.length) problems.push(`${id} StatefulSet has no volumeClaimTemplate`);
    if (set.spec?.serviceName !== id || find('Service', id)?.spec?.clusterIP !== 'None') problems.push(`${id} has no headless Service of its name`);
    const c = set.spec?.template?.spec?.containers?.[0] ?? {};
    const target = serviceEntries.find((x) => x.id === id)?.volume?.target;
    if (!(c.volumeMounts ?? []).some((m: Record<string, string>) => m.name === 'data' && m.mountPath === target)) problems.push(`${id} does not mount its claim at ${target}`);
  }
  // A new volume's root may hold lost+found, which MySQL's and MariaDB's first start refuse.
  for (const id of Object.keys(MYSQL_FAMILY)) {
    if (!uses(id)) continue;
    const c = find('StatefulSet', id)?.spec?.template?.spec?.containers?.[0] ?? {};
    if (!(c.volumeMounts ?? []).some((m: Record<string, string>) => m.mountPath === '/var/lib/mysql' && m.subPath)) problems.push(`${id} keeps its data at the volume's root`);
    if (!c.startupProbe) problems.push(`${id} has no startupProbe: liveness could kill its first start`);
  }
  if (uses('valkey')) {
    const pod = find('Deployment', 'valkey')?.spec?.template?.spec;
    if (!find('PersistentVolumeClaim', 'valkey-data') || !(pod?.volumes ?? []).some((v: Record<string, any>) => v.persistentVolumeClaim?.claimName === 'valkey-data')) problems.push('valkey does not keep its data in a claim');
    const env = (pod?.containers?.[0]?.env ?? []).map((e: Record<string, string>) => e.name);
    for (const k of ['VALKEY_PASSWORD', 'VALKEYCLI_AUTH', 'REDISCLI_AUTH']) if (!env.includes(k)) problems.push(`valkey's pod has no ${k}`);
  }
  if (uses('memcached')) {
    const pod = find('Deployment', 'memcached')?.spec?.template?.spec;
    if (!pod) problems.push('memcached is not a Deployment');
    else if (pod.volumes?.length || pod.containers?.[0]?.volumeMounts?.length) problems.push('memcached mounts a volume');
    if (objects.some((o) => o.obj.kind === 'PersistentVolumeClaim' && String(o.obj.metadata?.name).startsWith('memcached'))) problems.push('memcached has a volume claim');
  }
  return problems;
}
