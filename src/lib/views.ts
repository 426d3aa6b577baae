// EJS views rendered into views/layout.ejs, and fingerprinted asset URLs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import findGlobals from 'acorn-globals';
import ejs from 'ejs';

type Locals = Record<string, unknown>;

/**
 * The names a template may use as globals: the language's own (what a new V8 context has: Object, String, JSON,
 * Math, encodeURIComponent …) and the two web APIs templates build addresses with. Fixed, so that a name Node adds
 * to its globals in a later version does not hide a page's value of that name.
 */
const TEMPLATE_GLOBALS = new Set<string>([
  ...(vm.runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[]),
  'URL',
  'URLSearchParams',
]);

/** A compiled view: its locals, and the `include` its code calls. */
type ViewFunction = (locals: Locals, include: (name: string, includeLocals?: object) => string) => string;

/**
 * Compiles a view to a plain function, without ejs's `with (locals) { … }`.
 *
 * Inside `with`, V8 cannot optimise the code: every name the template uses (and ejs's own `__append`, `__line`,
 * `escapeFn`) is looked up on the locals object and its prototypes first. A form field rendered five times slower
 * that way, and templates were a quarter of the CPU of a form page. Instead, the names a template takes from its
 * locals are found once by parsing its code (acorn-globals lists the names it uses without declaring them) and read
 * into variables at its start. The language's globals (String, JSON, Math …) stay globals (TEMPLATE_GLOBALS). A name
 * the page does not pass is `undefined`, as with ejs's own `destructuredLocals`.
 */
function compileView(file: string, text: string): ViewFunction {
  // rmWhitespace: indentation and blank lines of the templates stay out of the pages (a third of their size).
  const template = new ejs.Template(text, { rmWhitespace: true, filename: file, _with: false, localsName: 'locals', compileDebug: true });
  template.compile();
  const code = template.source;
  const parameters = 'locals, escapeFn, include, rethrow';
  const names = findGlobals(`(function (${parameters}) { let __line; ${code} })`)
    .map((found) => found.name)
    .filter((name) => name !== 'this' && !TEMPLATE_GLOBALS.has(name));
  const taken = names.map((name) => `${name} = locals.${name}`).join(', ');
  // The template code, compiled once (as ejs itself does with new Function).
  const view = new Function(
    parameters,
    `let __line = 1${taken ? `, ${taken}` : ''};\ntry {\n${code}\n} catch (error) {\n  rethrow(error, __line);\n}`,
  ) as (locals: Locals, escapeFn: (text: unknown) => string, include: unknown, rethrow: (error: unknown, line: number) => never) => string;
  const rethrow = (error: unknown, line: number): never => {
    if (error instanceof Error && !error.message.startsWith(`${file}:`)) error.message = `${file}:${line}\n${error.message}`;
    throw error;
  };
  return (locals, include) => view(locals, ejs.escapeXML, include, rethrow);
}

/**
 * Express view engine: every view is rendered into the layout unless it sets `layout: false`. With `cache`, each
 * template (and every include) is compiled once per process; without it (development) edits show at once.
 *
 * Includes name their file from the views folder (`include('/partials/field', {...})`). An include's locals are a
 * new object whose prototype is the including template's locals, so it sees the same names at the cost of its own
 * parameters only (ejs would copy the page's fifty-odd names for every include).
 */
export function layoutEngine(viewsDir: string, options: { cache: boolean }) {
  const layoutFile = path.join(viewsDir, 'layout.ejs');
  const compiled = new Map<string, ViewFunction>();
  const template = (file: string): ViewFunction => {
    let fn = options.cache ? compiled.get(file) : undefined;
    if (!fn) {
      fn = compileView(file, fs.readFileSync(file, 'utf8'));
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
    return template(file)(locals, (name, includeLocals) => render(includePath(name), locals, includeLocals));
  };
  return (file: string, expressLocals: object, callback: (e: unknown, rendered?: string) => void): void => {
    let html: string;
    try {
      // No Object.prototype: `constructor`, `toString` … are not template names.
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
