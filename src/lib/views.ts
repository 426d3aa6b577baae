// EJS views rendered into views/layout.ejs, and fingerprinted asset URLs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';

type Locals = Record<string, unknown>;

/**
 * Express view engine: every view is rendered into the layout unless it sets `layout: false`. With `cache`, each
 * template (and every include) is compiled once per process; without it (development) edits show at once.
 *
 * Includes name their file from the views folder (`include('/partials/field', {...})`). They are served by our own
 * `include` rather than ejs's: ejs copies all of the page's locals (some fifty helpers and values) into a new object
 * for every include, which was a tenth of the CPU of a form page. Here an include's locals are a new object whose
 * prototype is the including template's locals, so it sees the same names at the cost of its own parameters only.
 * (Template code runs inside `with (locals)`, so the `include` found in the locals is the one that is called.)
 */
export function layoutEngine(viewsDir: string, options: { cache: boolean }) {
  const layoutFile = path.join(viewsDir, 'layout.ejs');
  // rmWhitespace: indentation and blank lines of the templates stay out of the pages (a third of their size).
  // unsafePrototypeLocals: ejs uses our locals object as it is instead of copying it once more; the object is ours
  // and has no Object.prototype (so `constructor`, `toString` … are not template names).
  const compileOptions = { rmWhitespace: true, unsafePrototypeLocals: true };
  const compiled = new Map<string, ejs.TemplateFunction>();
  const template = (file: string): ejs.TemplateFunction => {
    let fn = options.cache ? compiled.get(file) : undefined;
    if (!fn) {
      fn = ejs.compile(fs.readFileSync(file, 'utf8'), { ...compileOptions, filename: file }) as ejs.TemplateFunction;
      if (options.cache) compiled.set(file, fn);
    }
    return fn;
  };
  const includePaths = new Map<string, string>();
  const includePath = (name: string): string => {
    let file = includePaths.get(name);
    if (!file) {
      if (!name.startsWith('/')) throw new Error(`include('${name}'): Vorlagen werden ab dem Ordner views/ benannt, mit / am Anfang.`);
      file = path.join(viewsDir, path.extname(name) ? name : `${name}.ejs`);
      includePaths.set(name, file);
    }
    return file;
  };
  const render = (file: string, parentLocals: Locals, ownLocals?: object): string => {
    const locals = Object.assign(Object.create(parentLocals) as Locals, ownLocals);
    locals.include = (name: string, includeLocals?: object) => render(includePath(name), locals, includeLocals);
    return template(file)(locals) as string;
  };
  return (file: string, expressLocals: object, callback: (e: unknown, rendered?: string) => void): void => {
    let html: string;
    try {
      const pageLocals = Object.assign(Object.create(null) as Locals, expressLocals);
      // A body rendered before (a shared page body, middleware/shared-pages.ts) is put into the layout as it is.
      const body = typeof pageLocals.renderedBody === 'string' ? pageLocals.renderedBody : render(file, pageLocals);
      html = pageLocals.layout === false ? body : render(layoutFile, pageLocals, { body });
    } catch (error) {
      return callback(error);
    }
    callback(null, html);
  };
}

/**
 * URLs of the files in public/ with a content hash (`/assets/css/site.css?v=3f2a…`), so browsers may keep them for
 * a year and still get a changed file at once. Hashes are computed once per process.
 */
export function assetUrls(publicDir: string, options: { cache: boolean }) {
  const hashes = new Map<string, string>();
  return (file: string): string => {
    let hash = options.cache ? hashes.get(file) : undefined;
    if (!hash) {
      hash = createHash('sha256')
        .update(fs.readFileSync(path.join(publicDir, file)))
        .digest('hex')
        .slice(0, 12);
      hashes.set(file, hash);
    }
    return `/assets/${file}?v=${hash}`;
  };
}
