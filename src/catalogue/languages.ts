import type { Language, LanguageEntry } from './types.js';

/** Kept out of every build context: secrets, version control, the Docker files themselves. */
const common = [
  {
    comment: 'Secrets stay out of the image: compose passes .env to the container at run time',
    patterns: ['.env', '.env.*', '!.env.example', 'secrets'],
  },
  {
    comment: 'Version control and editor settings',
    patterns: ['.git', '.gitignore', '.vscode', '.idea', '**/.DS_Store'],
  },
  {
    comment: 'Docker and deployment files: editing them should not invalidate the app layer',
    patterns: ['Dockerfile', '.dockerignore', 'docker-compose*.yml', 'compose*.yaml', 'docker-stack.yml', 'k8s', 'README.Docker.md', '.yo-rc.json'],
  },
] as const;

export const languages: Record<Language, LanguageEntry> = {
  python: {
    id: 'python',
    title: 'Python',
    uid: 10001,
    // urllib is in the standard library: slim images have no curl or wget.
    healthcheck: (url) => ['python', '-c', `import urllib.request; urllib.request.urlopen('${url}', timeout=4)`],
    dockerignore: [
      ...common,
      {
        comment: 'Python caches, virtual environments and build output (the image makes its own)',
        patterns: ['**/__pycache__', '**/*.py[cod]', '.venv', 'venv', 'env', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.coverage', 'htmlcov', 'build', 'dist', '*.egg-info'],
      },
    ],
  },
  node: {
    id: 'node',
    title: 'Node.js',
    uid: 1000,
    // fetch is built into Node 18+: slim images have no curl or wget.
    healthcheck: (url) => [
      'node',
      '-e',
      `fetch('${url}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
    ],
    dockerignore: [
      ...common,
      {
        comment: 'Dependencies and build output: the image installs and builds its own',
        patterns: ['**/node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', '.pnpm-store', '.npm', '.next', 'dist', 'build', 'out', 'coverage', '.turbo'],
      },
    ],
  },
};
