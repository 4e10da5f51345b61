/**
 * The image's way to a registry: where the answers' image reference points,
 * and the CI workflows (answers' `ci`) that build it, start the stack, and
 * push it.
 */
import type { ResolvedAnswers } from './answers.js';
import { composeImage, type BuildSpec } from './compose.js';
import { toYaml } from './yaml.js';
import { versions } from '../versions.js';

/** The registry host an image reference names (ghcr.io, registry.example.com:5000, localhost:5000), or null for Docker Hub. */
export function registryOf(image: string): string | null {
  const slash = image.indexOf('/');
  if (slash < 0) return null;
  const first = image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : null;
}

/** The reference without its tag: ghcr.io/acme/shop:1.2 -> ghcr.io/acme/shop. */
export function repositoryOf(image: string): string {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(0, colon) : image;
}

/**
 * What a CI run writes as its .env (never committed, so CI makes its own):
 * every line as a run of the generator would write it, each secret a fresh
 * random value made on the runner. `lines` holds tokens where the secrets go
 * (letters and digits, so they survive URLs), `tokens` each token with the
 * command that makes its replacement.
 */
export interface CiEnv {
  lines: string[];
  tokens: ReadonlyArray<{ token: string; random: string }>;
}

/** The shell lines that write .env on the runner: the lines as data, then each token replaced with `openssl rand`. */
function envScript(env: CiEnv): string {
  return [
    "cat > .env <<'EOF'",
    ...env.lines,
    'EOF',
    // | as the delimiter: base64 values hold / and +.
    ...env.tokens.map((t) => `sed -i "s|${t.token}|$(${t.random})|g" .env`),
  ].join('\n');
}

/** The image the workflow pushes: the answers' when it names a registry (or a Docker Hub account), else the CI's own registry. */
function pushTarget(r: ResolvedAnswers, ci: 'github' | 'gitlab'): { image: string; registry: string | null; own: boolean } {
  if (r.image.includes('/')) return { image: repositoryOf(r.image), registry: registryOf(r.image), own: false };
  return ci === 'github' ? { image: 'ghcr.io/${{ github.repository }}', registry: 'ghcr.io', own: true } : { image: '$CI_REGISTRY_IMAGE', registry: '$CI_REGISTRY', own: true };
}

const PUSHES = "github.event_name == 'push' && (github.ref == format('refs/heads/{0}', github.event.repository.default_branch) || startsWith(github.ref, 'refs/tags/'))";

/** .github/workflows/docker.yml */
export function renderGithubWorkflow(r: ResolvedAnswers, spec: BuildSpec, env: CiEnv): string {
  const a = versions.ci.actions;
  const target = pushTarget(r, 'github');
  const dockerfile = spec.dockerfile ? `${spec.context === '.' ? '' : `${spec.context}/`}${spec.dockerfile}` : `${spec.context === '.' ? '' : `${spec.context}/`}Dockerfile`;
  const login = target.own
    ? { registry: 'ghcr.io', username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' }
    : { ...(target.registry ? { registry: target.registry } : {}), username: '${{ secrets.REGISTRY_USERNAME }}', password: '${{ secrets.REGISTRY_PASSWORD }}' };
  const cache = 'type=registry,ref=${{ env.IMAGE }}:buildcache';
  const build = { context: spec.context, file: dockerfile, 'cache-from': cache };
  const doc = {
    name: 'Docker',
    on: { push: { branches: ['**'], tags: ['v*'] }, pull_request: {} },
    permissions: { contents: 'read' },
    concurrency: { group: 'docker-${{ github.ref }}', 'cancel-in-progress': true },
    env: { IMAGE: target.image },
    jobs: {
      image: {
        'runs-on': 'ubuntu-latest',
        permissions: { contents: 'read', ...(target.own ? { packages: 'write' } : {}) },
        'timeout-minutes': 30,
        steps: [
          { uses: a.checkout },
          { uses: a.setupBuildx },
          { name: 'Image names and labels', id: 'meta', uses: a.metadata, with: { images: '${{ env.IMAGE }}', tags: ['type=ref,event=branch', 'type=ref,event=pr', 'type=semver,pattern={{version}}', 'type=sha'].join('\n') } },
          { name: 'Log in to the registry', if: PUSHES, uses: a.login, with: login },
          {
            name: 'Build the image (unchanged layers come from the registry cache)',
            uses: a.buildPush,
            with: { ...build, load: true, tags: `\${{ steps.meta.outputs.tags }}\n${composeImage(r)}`, labels: '${{ steps.meta.outputs.labels }}' },
          },
          { name: 'A .env for this run: random secrets, never committed', run: envScript(env) },
          { name: 'Start the stack and wait until the app is healthy', run: 'docker compose up --detach --wait --wait-timeout 300 app' },
          { name: 'What the containers said', if: 'failure()', run: 'docker compose ps --all\ndocker compose logs --no-color' },
          { name: 'Stop the stack', if: 'always()', run: 'docker compose down --volumes' },
          {
            name: 'Push the image (default branch and tags)',
            if: PUSHES,
            uses: a.buildPush,
            with: { ...build, push: true, tags: '${{ steps.meta.outputs.tags }}', labels: '${{ steps.meta.outputs.labels }}', 'cache-to': `${cache},mode=max` },
          },
        ],
      },
    },
  };
  return toYaml(doc, {
    header: [
      `CI for ${r.name}, written by generator-dockerize: builds the image, starts the stack`,
      'and waits for the app to be healthy, then pushes the image on the default branch and on tags.',
      target.own
        ? 'It pushes to GitHub Container Registry (ghcr.io) with the workflow\'s own token: no secret to set.'
        : `It pushes to ${target.image}: set the repository secrets REGISTRY_USERNAME and REGISTRY_PASSWORD (a token).`,
    ],
    comments: [
      [['permissions'], 'Least privilege: the job below asks only for what it needs'],
      [['jobs', 'image', 'permissions'], target.own ? 'packages: write lets the workflow\'s token push to ghcr.io' : 'Read only: the registry credentials come from the repository secrets'],
    ],
  });
}

/** .gitlab-ci.yml */
export const GITLAB_INCLUDED = '.gitlab/docker-image.gitlab-ci.yml';

/** .gitlab-ci.yml, or (beside a pipeline of the user's own) a file that pipeline includes, whose job runs in the `.post` stage every pipeline has: after the user's own stages pass. */
export function renderGitlabCi(r: ResolvedAnswers, spec: BuildSpec, env: CiEnv, included = false): string {
  const target = pushTarget(r, 'gitlab');
  const context = spec.context;
  const file = spec.dockerfile ? `${context === '.' ? '' : `${context}/`}${spec.dockerfile}` : `${context === '.' ? '' : `${context}/`}Dockerfile`;
  const login = target.own ? 'echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"' : `echo "$REGISTRY_PASSWORD" | docker login -u "$REGISTRY_USERNAME" --password-stdin${target.registry ? ` ${target.registry}` : ''}`;
  const job = {
    stage: included ? '.post' : 'image',
    image: versions.ci.gitlabDocker,
    services: [versions.ci.gitlabDind],
    variables: { DOCKER_TLS_CERTDIR: '/certs', IMAGE: target.image },
    timeout: '30m',
    script: [
      login,
      // A builder that can read and write a registry cache.
      'docker buildx create --use --driver docker-container',
      `docker buildx build --cache-from "type=registry,ref=$IMAGE:buildcache" --load -t ${composeImage(r)} -t "$IMAGE:$CI_COMMIT_SHORT_SHA" -f ${file} ${context}`,
      envScript(env),
      'docker compose up --detach --wait --wait-timeout 300 app || { docker compose ps --all; docker compose logs --no-color; exit 1; }',
      'docker compose down --volumes',
      [
        'if [ "$CI_COMMIT_BRANCH" = "$CI_DEFAULT_BRANCH" ] || [ -n "$CI_COMMIT_TAG" ]; then',
        `  docker buildx build --cache-from "type=registry,ref=$IMAGE:buildcache" --cache-to "type=registry,ref=$IMAGE:buildcache,mode=max" --push -t "$IMAGE:$CI_COMMIT_SHORT_SHA" -t "$IMAGE:\${CI_COMMIT_TAG:-latest}" -f ${file} ${context}`,
        'fi',
      ].join('\n'),
    ],
  };
  return toYaml(included ? { 'docker-image': job } : { stages: ['image'], 'docker-image': job }, {
    header: [
      `GitLab CI for ${r.name}, written by generator-dockerize: builds the image, starts the stack`,
      'and waits for the app to be healthy, then pushes the image on the default branch and on tags.',
      ...(included
        ? ['Your .gitlab-ci.yml runs it once it says', `  include:`, `    - local: ${GITLAB_INCLUDED}`, "Its job is in the .post stage (every pipeline has it): it runs after your own stages pass."]
        : []),
      target.own ? "It pushes to this project's container registry with the job's own credentials." : `It pushes to ${target.image}: set the CI/CD variables REGISTRY_USERNAME and REGISTRY_PASSWORD (masked).`,
    ],
  });
}
