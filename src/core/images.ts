import { LANGUAGES, services, versions } from '../catalogue/index.js';

/** Every image tag the generator can write, one per line with --list-images (for pre-pulling). */
export function allImages(): string[] {
  const runtimes = LANGUAGES.flatMap((l) => versions.runtimes[l].supported.map((v) => versions.runtimes[l].tag.replace('{version}', v)));
  return [...runtimes, ...Object.values(services).map((s) => s.image)];
}
