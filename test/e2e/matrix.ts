import type { Answers } from '../../src/core/index.js';

/**
 * The stacks the e2e tier builds and runs: every framework at least once,
 * every service combination at least once, one of each language without
 * services. Each starts from an empty folder, so with the starter app.
 */
export interface Stack {
  id: string;
  answers: Answers;
  /** The source file the rebuild measurement edits. */
  sourceFile: string;
}

const stack = (id: string, a: Omit<Answers, 'name'>, sourceFile: string): Stack => ({ id, answers: { name: `e2e-${id}`, ...a }, sourceFile });

export const stacks: Stack[] = [
  stack('fastapi-pg-redis', { language: 'python', framework: 'fastapi', services: ['postgres', 'redis'] }, 'app/main.py'),
  stack('flask-pg', { language: 'python', framework: 'flask', services: ['postgres'] }, 'app.py'),
  stack('django-pg-redis', { language: 'python', framework: 'django', services: ['postgres', 'redis'] }, 'config/views.py'),
  stack('fastapi-none', { language: 'python', framework: 'fastapi', services: [] }, 'app/main.py'),
  stack('express-pg-redis', { language: 'node', framework: 'express', services: ['postgres', 'redis'] }, 'src/server.js'),
  stack('fastify-redis', { language: 'node', framework: 'fastify', services: ['redis'] }, 'src/server.js'),
  stack('nestjs-pg', { language: 'node', framework: 'nestjs', services: ['postgres'] }, 'src/health.controller.ts'),
  stack('nextjs-none', { language: 'node', framework: 'nextjs', services: [] }, 'app/page.js'),
  stack('express-none', { language: 'node', framework: 'express', services: [] }, 'src/server.js'),
  // The compiled and the newer languages' starters, on the services their health checks talk to.
  stack('go-chi-pg-redis', { language: 'go', framework: 'chi', services: ['postgres', 'redis'] }, 'main.go'),
  stack('ruby-stdlib-pg-redis', { language: 'ruby', framework: 'ruby-stdlib', services: ['postgres', 'redis'] }, 'app.rb'),
  stack('php-pg-redis', { language: 'php', framework: 'php', services: ['postgres', 'redis'] }, 'public/index.php'),
];

/** Stacks the Swarm e2e deploys with `docker stack deploy` (two replicas each, passwords as Docker secrets). */
export const swarmStacks: Array<{ id: string; answers: Answers }> = [
  { id: 'swfastapi', answers: { name: 'swfastapi', language: 'python', framework: 'fastapi', services: ['postgres', 'redis'], deploy: ['swarm'], replicas: 2, image: 'dz-swfastapi:e2e' } },
  { id: 'swexpress', answers: { name: 'swexpress', language: 'node', framework: 'express', services: ['redis'], deploy: ['swarm'], replicas: 2, image: 'dz-swexpress:e2e' } },
  // The other services' Swarm shapes (passwords from secret files, a MySQL-compatible database, a queue, a cache without a volume).
  { id: 'swservices', answers: { name: 'swservices', language: 'python', framework: 'flask', services: ['mysql', 'valkey', 'memcached', 'rabbitmq'], deploy: ['swarm'], replicas: 1, image: 'dz-swservices:e2e' } },
];
