// EJS views rendered into views/layout.ejs, and fingerprinted asset URLs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';

/**
 * Express view engine: every view is rendered into the layout unless it sets `layout: false`. With `cache`, each
 * template (and every include) is compiled once per process; without it (development) edits show at once.
 */
export function layoutEngine(viewsDir: string, options: { cache: boolean }) {
  const layoutFile = path.join(viewsDir, 'layout.ejs');
  // rmWhitespace: indentation and blank lines of the templates stay out of the pages (a third of their size).
  // Includes name their file from the views folder (`include('/partials/field')`, resolved against `root`): a
  // relative include costs a file-system lookup on every render, even with the compiled templates cached.
  const ejsOptions = { cache: options.cache, rmWhitespace: true, root: viewsDir };
  return (file: string, locals: object, callback: (e: unknown, rendered?: string) => void): void => {
    const data = locals as Record<string, unknown>;
    // With a callback, ejs renders synchronously and calls back before returning.
    ejs.renderFile(file, data, ejsOptions, (error, body) => {
      if (error) return callback(error);
      if (data.layout === false) return callback(null, body);
      ejs.renderFile(layoutFile, { ...data, body }, ejsOptions, callback);
    });
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
