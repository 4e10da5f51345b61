import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../core/project.js';
import { findWorkspace, workspacePatterns } from './workspace.js';

const pkg = (p: Record<string, unknown>) => JSON.stringify(p);

describe('workspaces', () => {
  it('reads the member patterns of package.json (array or packages) and pnpm-workspace.yaml', () => {
    expect(workspacePatterns(snapshotOf({ 'package.json': pkg({ workspaces: ['apps/*'] }) }))).toEqual(['apps/*']);
    expect(workspacePatterns(snapshotOf({ 'package.json': pkg({ workspaces: { packages: ['libs/**'] } }) }))).toEqual(['libs/**']);
    const yaml = "packages:\n  - 'apps/*'\n  # the libraries\n  - \"packages/*\"\n  - '!**/test/**'\ncatalog:\n  react: ^19\n";
    expect(workspacePatterns(snapshotOf({ 'pnpm-workspace.yaml': yaml }))).toEqual(['apps/*', 'packages/*', '!**/test/**']);
  });

  const repo = {
    'package.json': pkg({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/**', '!packages/legacy'], packageManager: 'yarn@4.6.0' }),
    'yarn.lock': '',
    'apps/api/package.json': pkg({ name: '@acme/api', dependencies: { '@acme/db': 'workspace:*', express: '5' }, scripts: { build: 'tsc' } }),
    'apps/web/package.json': pkg({ name: '@acme/web', dependencies: { '@acme/ui': '*' } }),
    'packages/db/package.json': pkg({ name: '@acme/db', dependencies: { '@acme/config': '*' }, scripts: { build: 'tsc' } }),
    'packages/config/package.json': pkg({ name: '@acme/config' }),
    'packages/ui/package.json': pkg({ name: '@acme/ui' }),
    'packages/nested/deep/package.json': pkg({ name: '@acme/deep' }),
    'packages/legacy/package.json': pkg({ name: '@acme/legacy' }),
  };

  it('finds the members, the ones the app uses (dependencies first) and the package manager the root pins', () => {
    const ws = findWorkspace(snapshotOf(repo), 'apps/api');
    expect(ws?.root).toBe('.');
    expect(ws?.app).toBe('apps/api');
    expect(ws?.members.map((m) => m.dir)).toEqual(['apps/api', 'apps/web', 'packages/config', 'packages/db', 'packages/nested/deep', 'packages/ui']);
    expect(ws?.closure.map((m) => m.name)).toEqual(['@acme/config', '@acme/db', '@acme/api']);
    expect(ws?.packageManager).toBe('yarn');
    expect(ws?.pin).toBe('4.6.0');
  });

  it('is nothing for a folder the patterns do not name, an app with its own lockfile, or a root without a lockfile or packageManager', () => {
    expect(findWorkspace(snapshotOf({ ...repo, 'tools/x/package.json': pkg({ name: 'x' }) }), 'tools/x')).toBeUndefined();
    expect(findWorkspace(snapshotOf({ ...repo, 'apps/api/package-lock.json': '{}' }), 'apps/api')).toBeUndefined();
    const bare = { ...repo, 'package.json': pkg({ workspaces: ['apps/*'] }) } as Record<string, string>;
    delete bare['yarn.lock'];
    expect(findWorkspace(snapshotOf(bare), 'apps/api')).toBeUndefined();
    expect(findWorkspace(snapshotOf(repo), '.')).toBeUndefined();
  });

  it('finds a workspace root below the repository root, and survives a dependency cycle', () => {
    const nested = Object.fromEntries(Object.entries(repo).map(([k, v]) => [`frontend/${k}`, v]));
    expect(findWorkspace(snapshotOf(nested), 'frontend/apps/api')?.root).toBe('frontend');
    const cycle = { ...repo, 'packages/config/package.json': pkg({ name: '@acme/config', dependencies: { '@acme/db': '*' } }) };
    expect(findWorkspace(snapshotOf(cycle), 'apps/api')?.closure.map((m) => m.name)).toEqual(['@acme/config', '@acme/db', '@acme/api']);
  });
});
