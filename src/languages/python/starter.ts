import type { EntryContext } from '../../core/provider.js';
import { inDir } from '../../core/toolkit.js';
import type { PythonFramework, StarterFile } from './framework.js';
import { moduleLayout } from './names.js';

/** The starter's health helper sits beside the entry module, under another name if the entry itself is called health. */
export function healthModuleName(entryBase: string): string {
  return entryBase === 'health' ? 'service_health' : 'health';
}

/**
 * The starter of an app-object framework (FastAPI, Flask): files beside the
 * entry module, so `app.main:app` gives app/__init__.py, app/main.py and
 * app/health.py.
 */
export function appStarter(template: string): PythonFramework['starter'] {
  return {
    appMarkers: (ctx: EntryContext) => {
      const { moduleFile } = moduleLayout(ctx.entrypoint);
      return [moduleFile, moduleFile.replace(/\.py$/, '/__init__.py')];
    },
    files: (ctx: EntryContext): StarterFile[] => {
      const layout = moduleLayout(ctx.entrypoint);
      const base = layout.moduleFile.split('/').pop()!.replace(/\.py$/, '');
      return [
        ...layout.packageInits.map((path) => ({ path, template: 'common/__init__.py.ejs' })),
        { path: layout.moduleFile, template },
        { path: inDir(layout.dir, `${healthModuleName(base)}.py`), template: 'common/health.py.ejs' },
      ];
    },
    view: (ctx: EntryContext) => {
      const layout = moduleLayout(ctx.entrypoint);
      const helper = healthModuleName(layout.moduleFile.split('/').pop()!.replace(/\.py$/, ''));
      return {
        attribute: layout.attribute,
        // An app factory returns the app object, which then needs a name of its own.
        factory: layout.factory,
        appVar: layout.factory ? (layout.attribute === 'application' ? 'app' : 'application') : layout.attribute,
        healthImport: layout.dir ? `${layout.dir.split('/').join('.')}.${helper}` : helper,
      };
    },
  };
}
