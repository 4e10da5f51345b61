/**
 * A Worker service (Microsoft.NET.Sdk.Worker, or a console host of
 * BackgroundServices): it serves no port, so it is not a framework of the
 * image's server. Beside a web project it runs from the same image as a
 * process of its own (a `worker` service); alone, the generator says it can't
 * serve it yet (every stack it writes publishes a port and checks it over HTTP).
 */
export const WORKER_SDK = 'Microsoft.NET.Sdk.Worker';

/** Where the image keeps a published worker, and how it starts. */
export const workerDir = (name: string) => `/app/workers/${name}`;
export const workerCommand = (name: string, assembly: string) => ['dotnet', `${workerDir(name)}/${assembly}`];

/** The compose service name of a worker project (Shop.Worker -> worker, Shop.EmailSender -> worker-emailsender). */
export function workerService(project: string, all: readonly string[]): string {
  if (all.length === 1) return 'worker';
  const last = project.split('.').pop() ?? project;
  return `worker-${last.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
