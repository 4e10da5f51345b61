// A minimal Express app for express-app, written by generator-dockerize: build yours from here.
import express from 'express';
import { closeServices, connectServices, runChecks } from './health.js';

const port = Number(process.env.PORT) || 3000;
const app = express();

app.get('/', (_req, res) => {
  res.json({ app: 'express-app', health: '/health' });
});

app.get('/health', async (_req, res) => {
  const { status, body } = await runChecks();
  res.status(status).json(body);
});

const server = app.listen(port, () => console.log(`express-app listening on port ${port}`));
connectServices();

// `docker stop` sends SIGTERM: stop accepting requests, finish the open ones, exit 0.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    console.log(`${signal}: shutting down`);
    server.close(async () => {
      await closeServices();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
