// Runs once when the Next.js server starts: connect to the services, retrying until they answer.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { closeServices, connectServices } = await import('./lib/health.js');
    connectServices();
    // `docker stop` sends SIGTERM: close the connections and exit 0.
    for (const signal of ['SIGTERM', 'SIGINT']) {
      process.once(signal, async () => {
        console.log(`${signal}: shutting down`);
        setTimeout(() => process.exit(0), 5000).unref();
        await closeServices();
        process.exit(0);
      });
    }
  }
}
