import { parse as parseDotenv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { allCases, compatible, matrix, planOf, serviceSets } from '../helpers/cases.js';
import { checkCompose, checkDevOverride, checkDockerfile, checkEnv, checkIgnores, checkKubernetes, checkStack, file, parseCompose, stages, text } from '../helpers/checks.js';

describe.each(allCases)('$name', (c) => {
  const plan = planOf(c);

  it('Dockerfile parses, lints clean, follows the recipe order and the secure defaults', () => {
    expect(checkDockerfile(plan)).toEqual([]);
  });

  it('docker-compose.yml parses (YAML 1.1 and 1.2 alike) and validates against the Compose Specification', () => {
    expect(checkCompose(plan)).toEqual([]);
  });

  it('.env parses and holds every variable compose references; secrets are long, random and nowhere else', () => {
    expect(checkEnv(plan, c.project?.['.env'] === undefined ? {} : parseDotenv(c.project['.env']))).toEqual([]);
  });

  it('.dockerignore and .gitignore keep .env and every other secret file out', () => {
    expect(checkIgnores(plan)).toEqual([]);
  });

  it('docker-stack.yml (when asked) validates against the Compose Specification and uses only what docker stack deploy accepts', () => {
    expect(checkStack(plan)).toEqual([]);
  });

  it('k8s/ (when asked) validates against the Kubernetes schemas and its references resolve', () => {
    expect(checkKubernetes(plan)).toEqual([]);
  });

  it('docker-compose.override.yml (when "dev") validates, builds a stage that exists, and never copies .env in', () => {
    expect(checkDevOverride(plan)).toEqual([]);
  });
});

describe('the matrix', () => {
  it('covers every framework with every service, alone and in each full stack', () => {
    // none, 8 alone, postgres+redis, and 3 databases x 2 Redis-likes in full stacks
    expect(serviceSets).toHaveLength(1 + 8 + 1 + 6);
    expect(serviceSets.every((set) => compatible(set).length === set.length)).toBe(true);
    // Python 3, Node.js 4, Go 5, Rust 4, .NET 2, Ruby 4, PHP 3, Java 3 frameworks.
    expect(matrix).toHaveLength(28 * serviceSets.length);
  });

  it('writes the files a user expects for each language', () => {
    for (const c of matrix) {
      const paths = planOf(c).files.map((f) => f.path);
      expect(paths).toEqual(expect.arrayContaining(['Dockerfile', '.dockerignore', 'docker-compose.yml', '.env', '.env.example', '.gitignore', 'README.Docker.md']));
      expect(paths.includes('requirements.txt')).toBe(c.answers.language === 'python');
    }
  });

  it('uses multi-stage builds whose final stage holds no build tooling', () => {
    for (const c of matrix) {
      const all = stages(file(planOf(c), 'Dockerfile') as string);
      expect(all.length).toBeGreaterThan(1);
      const final = all[all.length - 1]!;
      const finalText = final.instructions.map((i) => `${i.getKeyword()} ${text(i)}`).join('\n');
      expect(finalText).not.toMatch(/pip install|npm ci|npm run build|yarn|pnpm/);
    }
  });

  it('publishes no database or cache port unless asked, and then only on 127.0.0.1', () => {
    for (const c of matrix) {
      const compose = parseCompose(planOf(c))!;
      for (const s of c.answers.services ?? []) expect(compose.services[s].ports).toBeUndefined();
      const exposed = parseCompose(planOf({ ...c, answers: { ...c.answers, exposeServices: true } }))!;
      for (const s of c.answers.services ?? []) expect(exposed.services[s].ports.every((p: string) => p.startsWith('127.0.0.1:'))).toBe(true);
    }
  });
});
