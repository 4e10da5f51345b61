// Health checks behind /health: one real round trip to each service the app uses.
// Written by generator-dockerize. The clients reconnect by themselves, so the
// app starts before its services are up and recovers when they come back.
import { createClient } from 'redis';

const TIMEOUT_MS = 3000;

const redis = createClient({
  url: process.env.REDIS_URL,
  // While disconnected, fail commands at once instead of queueing them.
  disableOfflineQueue: true,
  socket: {
    connectTimeout: TIMEOUT_MS,
    reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, 5000),
  },
});
redis.on('error', (err) => console.warn(`redis: ${err.message}`));

const checks = {
  redis: async () => {
    if (!redis.isOpen) await redis.connect();
    if ((await redis.ping()) !== 'PONG') throw new Error('no PONG');
  },
};

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** { status, body }: 200 when every check passes, else 503 naming the failing ones. */
export async function runChecks() {
  const results = {};
  for (const [name, check] of Object.entries(checks)) {
    try {
      await withTimeout(check(), 3000);
      results[name] = 'ok';
    } catch (err) {
      console.warn(`health check ${name} failed: ${err.message}`);
      results[name] = 'error';
    }
  }
  const healthy = Object.values(results).every((result) => result === 'ok');
  return { status: healthy ? 200 : 503, body: { status: healthy ? 'ok' : 'error', checks: results } };
}

/** Retry at start-up until every service answers, logging progress, instead of crashing. */
export async function connectServices({ attempts = 60, delayMs = 1000 } = {}) {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const { status, body } = await runChecks();
    if (status === 200) {
      console.log(`services ready: ${Object.keys(checks).join(', ') || 'none'}`);
      return true;
    }
    console.log(`waiting for services (attempt ${attempt}/${attempts}): ${JSON.stringify(body.checks)}`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  console.error(`services still unavailable after ${attempts} attempts; /health keeps answering 503`);
  return false;
}

/** Close the connections, for a clean exit on SIGTERM. */
export async function closeServices() {
  if (redis.isOpen) await redis.close().catch(() => {});
}
