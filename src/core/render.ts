import ejs from 'ejs';

/** A template compiled ahead of time (the bundled front ends carry these). */
export type CompiledTemplate = (view: object) => string;

/**
 * Templates by name (their path under templates/): EJS text, or functions
 * precompiled from it by the build (scripts/bundle.mjs), plus data files such
 * as the captured lockfiles. The core gets them as data; src/node/templates.ts
 * reads them from the package once.
 */
export type TemplateStore = Readonly<Record<string, string | CompiledTemplate>>;

const compiled = new Map<string, ejs.TemplateFunction>();

/**
 * Renders a template with a view model. Templates only print values the view
 * model has already made safe for the target format (JSON arrays for exec-form
 * instructions, validated names and paths), so nothing is HTML-escaped.
 */
export function renderTemplate(store: TemplateStore, name: string, view: object): string {
  const source = store[name];
  if (source === undefined) throw new Error(`BUG: no template ${name}`);
  if (typeof source === 'function') return source(view);
  const key = `${name}\0${source}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = ejs.compile(source, { filename: name, strict: true, localsName: 'it', rmWhitespace: false });
    compiled.set(key, fn);
  }
  return fn(view);
}
