/**
 * The services the generator writes, in the order compose files list them.
 * Adding one: a file beside this one exporting a ServiceEntry, and a line here.
 */
import type { ServiceEntry, ServiceRecognition } from '../core/provider.js';
import { postgres } from './postgres.js';
import { recognisedOnly } from './recognised.js';
import { redis } from './redis.js';

export const services: readonly ServiceEntry[] = [postgres, redis];

/** Every service detection knows: the ones we write, then the ones we only recognise. */
export const recognisable: readonly ServiceRecognition[] = [...services, ...recognisedOnly];
