/** Makes a random string of `length` characters from `alphabet`. */
export type RandomSource = (length: number, alphabet: string) => string;

/** Letters and digits: safe in URLs (DATABASE_URL), .env, YAML and shells without quoting. */
export const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Every byte value as one character (Latin-1), for secrets that are raw bytes, base64-encoded (see EnvVarSpec.secretBase64Prefix). */
export const BYTE_ALPHABET = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');

/**
 * Uniform picks from node:crypto's CSPRNG (randomInt rejects biased draws).
 * node:crypto loads on the first secret: runs that make none (a re-run,
 * --help) don't pay for it.
 */
export const cryptoRandom: RandomSource = (length, alphabet) => {
  const { randomInt } = process.getBuiltinModule('node:crypto');
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
};

/**
 * A deterministic source for tests and golden files only (mulberry32). Never
 * used for real secrets: the front ends always pass cryptoRandom.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (length, alphabet) => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
}
