/** The test helpers' own matchers: a check that can't fail checks nothing. */
import { describe, expect, it } from 'vitest';
import { dockerIgnores } from '../helpers/checks.js';

describe('dockerIgnores (BuildKit .dockerignore semantics)', () => {
  it('matches at the root unless ** says any depth, covers folders, and lets the last matching line win', () => {
    expect(dockerIgnores('.env\n', '.env')).toBe(true);
    expect(dockerIgnores('.env\n', 'api/.env')).toBe(false);
    expect(dockerIgnores('**/.env\n', 'api/.env')).toBe(true);
    expect(dockerIgnores('**/.env.*\n!**/.env.example\n', '.env.local')).toBe(true);
    expect(dockerIgnores('**/.env.*\n!**/.env.example\n', 'web/.env.example')).toBe(false);
    expect(dockerIgnores('.git\n', '.git/config')).toBe(true);
    expect(dockerIgnores('apps/web/**\n!apps/web/package.json\n', 'apps/web/src/x.js')).toBe(true);
    expect(dockerIgnores('apps/web/**\n!apps/web/package.json\n', 'apps/web/package.json')).toBe(false);
    expect(dockerIgnores('# .env\n*.log\n', '.env')).toBe(false);
    expect(dockerIgnores('*.log\n', 'logs/a.log')).toBe(false);
  });
});
