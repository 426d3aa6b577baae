// The view engine: includes see the page's names and their own parameters, and nothing leaks between templates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutEngine } from '../src/lib/views.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keb-views-'));
const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
};
write('layout.ejs', '<main><%- body %></main><p>layout sees: <%= typeof note === "undefined" ? "no note" : note %></p>');
write('partials/greeting.ejs', '<b><%= greeting %>, <%= name %><%= locals.suffix || "" %></b>');
write('partials/outer.ejs', '[<%- include("/partials/greeting", { greeting: "Hallo", suffix: "!" }) %>]');
write(
  'page.ejs',
  '<% note = "set in the view" %><%- include("/partials/greeting", { greeting: "Guten Tag" }) %>' +
    '<%- include("/partials/outer") %><%= locals.suffix === undefined ? "no suffix" : "suffix leaked" %>' +
    '<%= typeof locals.toString %><i><%= String(Math.max(1, 3)) %> <%= typeof notPassed %></i>',
);
write('broken.ejs', '<p>\n<%= missingName.length %></p>');
write('relative.ejs', '<%- include("partials/greeting") %>');
// Names Node (not the language) has as globals are the page's names in a template, on every Node version.
write('node-names.ejs', '<%= process %> <%= typeof Buffer %> <%= navigator %>');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function render(file: string, locals: object, cache = true): Promise<string> {
  const engine = layoutEngine(dir, { cache });
  return new Promise((resolve, reject) => engine(path.join(dir, file), locals, (error, html) => (error ? reject(error) : resolve(html!))));
}

describe('view engine', () => {
  it('gives includes the page names plus their own parameters, without leaking them back', async () => {
    for (const cache of [true, false]) {
      const html = await render('page.ejs', { name: 'Anna', note: undefined }, cache);
      expect(html).toContain('<b>Guten Tag, Anna</b>');
      expect(html).toContain('[<b>Hallo, Anna!</b>]');
      expect(html).toContain('no suffix');
      // Object.prototype's names are not template names.
      expect(html).toContain('undefined<i>');
      // A name the view assigns stays in the view.
      expect(html).toContain('layout sees: no note');
      // Globals stay globals; a name the page does not pass is undefined.
      expect(html).toContain('<i>3 undefined</i>');
    }
  });

  it('takes names from the page even where Node has a global of that name', async () => {
    const html = await render('node-names.ejs', { process: 'Verfahren', navigator: 'Lotse', layout: false });
    expect(html).toBe('Verfahren undefined Lotse');
  });

  it('renders a view without the layout when asked to', async () => {
    expect(await render('partials/greeting.ejs', { greeting: 'Moin', name: 'Ben', layout: false })).toBe('<b>Moin, Ben</b>');
  });

  it('reports template errors with the file and line, and include paths that do not start at views/', async () => {
    await expect(render('broken.ejs', {})).rejects.toThrow(/broken\.ejs:2[\s\S]*reading 'length'/);
    await expect(render('relative.ejs', {})).rejects.toThrow(/mit \/ am Anfang/);
  });
});
