import { runChecks } from '../../lib/health.js';

// Check the services on every request, on the Node.js runtime.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET() {
  const { status, body } = await runChecks();
  return Response.json(body, { status });
}
