// A minimal Fastify app for fastify-app, written by generator-dockerize: build yours from here.
import Fastify from 'fastify';
import { closeServices, connectServices, runChecks } from './health.js';

const port = Number(process.env.PORT) || 3000;
const app = Fastify({ logger: true });

app.get('/', async () => ({ app: 'fastify-app', health: '/health' }));

app.get('/health', async (_request, reply) => {
  const { status, body } = await runChecks();
  return reply.code(status).send(body);
});

await app.listen({ port, host: '0.0.0.0' });
connectServices();

// `docker stop` sends SIGTERM: stop accepting requests, finish the open ones, exit 0.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, async () => {
    app.log.info(`${signal}: shutting down`);
    setTimeout(() => process.exit(0), 5000).unref();
    await app.close();
    await closeServices();
    process.exit(0);
  });
}
