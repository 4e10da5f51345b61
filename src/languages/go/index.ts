/**
 * Go: net/http, chi, Gin, Echo and Fiber apps, built from go.mod/go.sum with
 * the module and build caches mounted, into a static binary (CGO_ENABLED=0)
 * on distroless static, or a glibc one on distroless base when the module
 * needs cgo. The final image holds the binary, a tiny health probe and the
 * folders the app reads at run time: no shell, no package manager.
 */
import type { ResolvedAnswers } from '../../core/answers.js';
import type { LanguageProvider } from '../../core/provider.js';
import type { ProjectSnapshot } from '../../core/project.js';
import { renderTemplate } from '../../core/render.js';
import { DISTROLESS_UID, distrolessReadme, entryContext, execForm, humanList } from '../../core/toolkit.js';
import { versions } from '../../versions.js';
import { detectGoWith, goSources, importsOf, mainPackages, type GoSource } from './detect.js';
import { binaryName, binaryPath, type GoFramework } from './framework.js';
import { chi } from './frameworks/chi.js';
import { echo } from './frameworks/echo.js';
import { fiber } from './frameworks/fiber.js';
import { gin } from './frameworks/gin.js';
import { nethttp } from './frameworks/nethttp.js';
import { parseGoMod, type GoMod } from './gomod.js';
import { probeWords } from './probe.js';
import { starterFiles } from './starter.js';

export const goFrameworks: readonly GoFramework[] = [nethttp, chi, gin, echo, fiber];

function frameworkOf(r: Pick<ResolvedAnswers, 'framework'>): GoFramework {
  const fw = goFrameworks.find((f) => f.id === r.framework);
  if (!fw) throw new Error(`BUG: ${r.framework} is not a Go framework`);
  return fw;
}

const runtime = versions.runtimes.go;
/** distroless's nonroot user. */
const UID = DISTROLESS_UID;

/** Modules that need cgo (a C library linked in): the binary then needs glibc at run time. */
const CGO_MODULES = ['github.com/mattn/go-sqlite3', 'github.com/confluentinc/confluent-kafka-go', 'github.com/confluentinc/confluent-kafka-go/v2', 'gopkg.in/gographics/imagick.v3', 'github.com/go-gl/glfw'];

/** Folders a Go app commonly reads from its working directory at run time (templates, static files, SQL migrations). */
const ASSET_DIRS = ['templates', 'static', 'public', 'views', 'assets', 'migrations', 'locales'];

interface GoView {
  mod: GoMod;
  sources: GoSource[];
  cgo?: string;
  vendored: boolean;
}

function inspect(project: ProjectSnapshot): GoView {
  const mod = parseGoMod(project.read('go.mod') ?? '');
  const sources = goSources(project);
  const byModule = mod.requires.find((r) => CGO_MODULES.includes(r.path));
  const byImport = sources.find((s) => importsOf(s.text).includes('C'));
  const cgo = byModule ? `go.mod: ${byModule.text}, a C library` : byImport ? `${byImport.path}: import "C"` : undefined;
  return { mod, sources, ...(cgo ? { cgo } : {}), vendored: project.read('vendor/modules.txt') !== undefined };
}

/** The package folder of an entry point ("." -> "", "./cmd/api" -> "cmd/api"). */
const packageDir = (entrypoint: string) => (entrypoint === '.' ? '' : entrypoint.replace(/^\.\//, '').replace(/\/+$/, ''));

function hasApp(r: Pick<ResolvedAnswers, 'framework' | 'entrypoint'> & Partial<ResolvedAnswers>, project: ProjectSnapshot): boolean {
  if (project.read('go.mod') !== undefined) return true;
  const dir = packageDir(r.entrypoint);
  return (project.list(dir) ?? []).some((f) => f.endsWith('.go') && /^package\s+main\b/m.test(project.read(dir ? `${dir}/${f}` : f) ?? ''));
}

/** Folders read at run time that the binary does not embed: copied next to it. */
function assetsOf(project: ProjectSnapshot, sources: readonly GoSource[]): Array<{ dir: string; why: string }> {
  const root = project.list('') ?? [];
  const embedded = (d: string) => sources.some((s) => new RegExp(`^//go:embed\\s+.*\\b${d}\\b`, 'm').test(s.text));
  return ASSET_DIRS.filter((d) => root.includes(`${d}/`) && !embedded(d)).map((d) => ({ dir: d, why: `${d}/ is not embedded with //go:embed` }));
}

const startCommand = (r: ResolvedAnswers) => r.command ?? frameworkOf(r).command(entryContext(r));

export const go: LanguageProvider = {
  id: 'go',
  title: 'Go',
  runtime,
  manifests: 'go.mod',
  frameworks: goFrameworks,
  packageManagers: [],
  uid: UID,
  // The probe the Dockerfile builds (see probe.ts): distroless has no shell, curl or runtime.
  healthcheck: (port, path, anyResponse) => ['/usr/local/bin/healthcheck', String(port), path, anyResponse ? '500' : '400'],
  dockerignore: [
    {
      comment: 'Go build output and local tools (the image builds its own binary)',
      patterns: ['bin', 'dist', '*.exe', '*.test', '*.out', 'coverage.*', 'go.work', 'go.work.sum', 'tmp', '.air.toml'],
    },
  ],
  starterGitignore: () => ['/bin/', '*.test', '*.out'],
  detect: (project) => detectGoWith(goFrameworks, project),
  defaultPackageManager: () => null,
  extraImages: [versions.distroless.static, versions.distroless.base],
  hasApp,

  // The starter uses only the standard library (it builds with no go.sum to fetch): net/http, whatever framework was asked for.
  forStarter: (r) => ({ ...r, framework: nethttp.id, entrypoint: r.entrypoint }),

  command: ({ r }) => startCommand(r),

  dockerfile(input) {
    const { r, project, templates } = input;
    const fw = frameworkOf(r);
    const view = inspect(project);
    const hasSum = project.read('go.sum') !== undefined;
    const needsModules = view.mod.requires.length > 0;
    const manifests = view.vendored ? [] : ['go.mod', ...(hasSum ? ['go.sum'] : [])];
    const cgo = view.cgo !== undefined;
    const builderTag = runtime.tag.replace('{version}', r.runtimeVersion);
    // A cgo binary links the builder's glibc: bookworm's, the same as distroless base-debian12's.
    const builderImage = cgo ? builderTag.replace(/-trixie$/, '-bookworm') : builderTag;
    const binary = binaryName(r.entrypoint);
    return renderTemplate(templates, 'go/Dockerfile.ejs', {
      title: r.name,
      framework: fw.title,
      runtimeVersion: r.runtimeVersion,
      builderImage,
      finalImage: cgo ? versions.distroless.base : versions.distroless.static,
      cgo,
      probe: probeWords(),
      manifests,
      download: needsModules && !view.vendored,
      downloadSummary: view.vendored ? 'the vendored modules (vendor/)' : needsModules ? `the modules ${manifests.join(' and ')} pin${manifests.length > 1 ? '' : 's'}` : 'no modules to download (standard library only)',
      buildFlags: view.vendored ? '-mod=vendor' : '',
      binary,
      binaryPath: binaryPath(r),
      package: r.entrypoint,
      port: r.port,
      uid: UID,
      assets: input.starter ? [] : assetsOf(project, view.sources),
      healthcheck: execForm(go.healthcheck(r.port, r.healthPath, r.healthCheck === 'any-response')),
      command: execForm(startCommand(r)),
    });
  },

  readme(input) {
    const { r, project } = input;
    const view = inspect(project);
    const cgo = view.cgo !== undefined;
    const builder = runtime.tag.replace('{version}', r.runtimeVersion).replace(/-trixie$/, cgo ? '-bookworm' : '-trixie');
    const final = cgo ? versions.distroless.base : versions.distroless.static;
    return {
      image: [
        `Built with the official Go image (\`${builder}\`) and run on \`${final}\`:\n  the binary${cgo ? ', glibc' : ''}, CA certificates and tzdata; no shell, package manager or Go toolchain.`,
        view.vendored
          ? 'The vendored modules (vendor/) are used as they are (-mod=vendor): nothing is downloaded.'
          : view.mod.requires.length === 0
            ? 'The module needs only the standard library: nothing to download. A cache mount keeps the build cache\n  (/root/.cache/go-build) between builds, so a rebuild compiles only what changed.'
            : '`go.mod` and `go.sum` are copied and `go mod download` runs before the source code is copied,\n  so a code change skips the download; cache mounts keep the module cache (/go/pkg/mod) and the\n  build cache (/root/.cache/go-build) between builds, so a rebuild compiles only what changed.',
        cgo
          ? `CGO_ENABLED=1 (${view.cgo}), with -trimpath and -ldflags="-s -w" (no local paths, no symbol tables).`
          : 'CGO_ENABLED=0: a static binary, with -trimpath and -ldflags="-s -w" (no local paths, no symbol tables).',
        ...distrolessReadme(
          r,
          final,
          "a static probe (about 1.5 MB) that the Dockerfile's `probe` stage compiles from the standard library (nothing\n  is added to your repository; the stage depends on nothing of the app, so it stays cached)",
        ),
      ],
      shell: null,
    };
  },

  files(input) {
    return input.starter ? starterFiles(input) : [];
  },

  notes(input) {
    const { r, project, starter } = input;
    const notes: string[] = [];
    const probe = 'The image is distroless (no shell, no curl): its HEALTHCHECK runs /usr/local/bin/healthcheck, a small static HTTP probe the Dockerfile\'s probe stage builds from the standard library (not added to your repository; see README.Docker.md).';
    if (starter) return [`The starter is a net/http app: it uses only the standard library, so it builds without fetching a module.`, probe];
    const view = inspect(project);
    const mains = mainPackages(view.sources);
    if (mains.length > 1) {
      notes.push(`There are ${mains.length} main packages (${humanList(mains)}); the image builds ${r.entrypoint} and starts it. Set "entrypoint" to build another (a second image, or "command", for a worker).`);
    } else if (mains.length === 0 && r.command === null) {
      notes.push(`No main package (package main with func main) was found: the image builds ${r.entrypoint}; set "entrypoint" to the folder of yours.`);
    }
    if (view.mod.requires.length && project.read('go.sum') === undefined && !view.vendored) {
      notes.push('No go.sum here: `go mod download` cannot check the modules it fetches and the build stops on a missing go.sum entry. Run `go mod tidy` and commit go.sum.');
    }
    if (view.cgo) notes.push(`The module needs cgo (${view.cgo}): the binary is built with CGO_ENABLED=1 on bookworm and runs on distroless base (glibc), not static.`);
    else notes.push(`The binary is static (CGO_ENABLED=0, -trimpath, stripped) and runs on ${versions.distroless.static}, as uid ${UID}.`);
    if (view.vendored) notes.push('vendor/modules.txt is here: the build uses the vendored modules (-mod=vendor) and downloads nothing.');
    for (const target of view.mod.localReplaces) notes.push(`go.mod replaces a module with ${target}, outside this folder: the build context (this folder) does not include it, so the build fails until it does (vendor it, or build from the folder above).`);
    // godotenv.Load() reads .env from the working directory: the image has none (it holds the secrets), so a fatal error there stops the container.
    const dotenv = view.sources.find((s) => /godotenv\.(?:Load|Overload)\(\s*(?:"\.env")?\s*\)/.test(s.text));
    if (dotenv) {
      const fatal = /godotenv\.(?:Load|Overload)\([^)]*\)[\s\S]{0,160}?(?:log\.Fatal|panic\(|os\.Exit)/.test(dotenv.text);
      notes.push(`${dotenv.path} loads .env with godotenv, but the image has no .env (it holds the secrets, so .dockerignore leaves it out; Compose passes its values as variables)${fatal ? ': the error it treats as fatal there stops the container at start. Ignore a missing file (the variables are already set)' : ': the call fails there and the variables come from the container'}.`);
    }
    const readsPort = view.sources.some((s) => /"PORT"/.test(s.text));
    if (!readsPort) notes.push(`The app does not read PORT: it must listen on ${r.port} by itself (the image sets PORT=${r.port} and publishes ${r.port}).`);
    const assets = assetsOf(project, view.sources);
    if (assets.length) notes.push(`${humanList(assets.map((a) => `${a.dir}/`))} ${assets.length > 1 ? 'are' : 'is'} copied next to the binary (/app), since the code does not embed ${assets.length > 1 ? 'them' : 'it'}; embed ${assets.length > 1 ? 'them' : 'it'} with //go:embed to drop the copy.`);
    notes.push(probe);
    return notes;
  },
};
