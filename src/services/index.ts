/**
 * The services the generator writes, in the order compose files list them
 * (databases, then caches, then queues).
 * Adding one: a file beside this one exporting a ServiceEntry, and a line here.
 */
import type { ResolvedAnswers } from '../core/answers.js';
import type { ServiceEntry, ServiceRecognition } from '../core/provider.js';
import { mariadb } from './mariadb.js';
import { memcached } from './memcached.js';
import { mongodb } from './mongodb.js';
import { mysql } from './mysql.js';
import { postgres } from './postgres.js';
import { rabbitmq } from './rabbitmq.js';
import { recognisedOnly } from './recognised.js';
import { redis } from './redis.js';
import { valkey } from './valkey.js';

export const services: readonly ServiceEntry[] = [postgres, mysql, mariadb, mongodb, redis, valkey, memcached, rabbitmq];

/** Every service detection knows: the ones we write, then the ones we only recognise. */
export const recognisable: readonly ServiceRecognition[] = [...services, ...recognisedOnly];

/**
 * The answers' services a starter app of this language connects to (those
 * with starter client packages for it), in catalogue order. The others are in
 * the stack and in .env, and the starter leaves them to the user's code.
 */
export function starterServices(r: Pick<ResolvedAnswers, 'services'>, language: string): string[] {
  return services.filter((s) => r.services.includes(s.id) && (s.clients[language]?.starter.length ?? 0) > 0).map((s) => s.id);
}
