import { providers, services } from './registry.js';

/** Every image tag the generator can write, one per line with --list-images (for pre-pulling). */
export function allImages(): string[] {
  const runtimes = providers.flatMap((p) => [...p.runtime.supported.map((v) => p.runtime.tag.replace('{version}', v)), ...(p.extraImages ?? [])]);
  return [...runtimes, ...services.map((s) => s.image)];
}
