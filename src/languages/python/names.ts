import type { EntrypointSpec } from '../../core/provider.js';

/** Python names: what an import statement accepts, for entry points. */

/** Python's reserved words can't be module or attribute names in an import. */
export const PYTHON_KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
] as const;

const IDENT = `(?!(?:${PYTHON_KEYWORDS.join('|')})(?![A-Za-z0-9_]))[A-Za-z_][A-Za-z0-9_]*`;
const DOTTED = `${IDENT}(?:\\.${IDENT})*`;

/** `package.module:attribute`, an ASGI/WSGI application object; `factory()` when the app comes from a function. */
export const APP_PATTERN = `^${DOTTED}:${IDENT}(?:\\(\\))?$`;
/** A dotted package name (a Django project). */
export const PACKAGE_PATTERN = `^${DOTTED}$`;

export const APP_EXAMPLE = 'package.module:attribute (Python names, not reserved words; "module:create_app()" for an app factory), for example "app.main:app"';
export const PACKAGE_EXAMPLE = 'a dotted Python package name (not a reserved word), for example "config"';

/** `app.main:app` -> the module file, the __init__.py of each package above it, its folder and the attribute. */
export function moduleLayout(entrypoint: string): { moduleFile: string; packageInits: string[]; dir: string; attribute: string; factory: boolean } {
  const [modulePath = '', target = 'app'] = entrypoint.split(':');
  const parts = modulePath.split('.');
  const dirParts = parts.slice(0, -1);
  const packageInits = dirParts.map((_, i) => [...dirParts.slice(0, i + 1), '__init__.py'].join('/'));
  const factory = target.endsWith('()');
  return { moduleFile: `${parts.join('/')}.py`, packageInits, dir: dirParts.join('/'), attribute: target.replace(/\(\)$/, ''), factory };
}

/** The entry point spec of an app-object framework (FastAPI, Flask) and of a project-package one (Django). */
export const appEntry = (defaultValue: string, help: string): EntrypointSpec => ({ default: defaultValue, help, rules: [{ pattern: APP_PATTERN, must: `${APP_EXAMPLE} (${help})` }] });
export const packageEntry = (defaultValue: string, help: string): EntrypointSpec => ({ default: defaultValue, help, rules: [{ pattern: PACKAGE_PATTERN, must: `${PACKAGE_EXAMPLE} (${help})` }] });
