// A minimal NestJS app for nestjs-app, written by generator-dockerize: build yours from here.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { closeServices, connectServices } from './health.js';

const port = Number(process.env.PORT) || 3000;
const app = await NestFactory.create(AppModule);
await app.listen(port, '0.0.0.0');
console.log(`nestjs-app listening on port ${port}`);
void connectServices();

// `docker stop` sends SIGTERM: close the server and connections, exit 0.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    console.log(`${signal}: shutting down`);
    setTimeout(() => process.exit(0), 5000).unref();
    await app.close();
    await closeServices();
    process.exit(0);
  });
}
