// Pages whose text the operators maintain as Markdown in content/ (Impressum, Datenschutz), and the
// sections of the navigation that later work fills in.
import fs from 'node:fs/promises';
import { Router } from 'express';
import { CONTENT_DIR } from '../../paths.js';
import { renderMarkdown } from '../../lib/markdown.js';


const CONTENT_PAGES = { '/impressum': ['Impressum', 'impressum.md'], '/datenschutz': ['Datenschutz', 'datenschutz.md'] } as const;

const SECTIONS_IN_PREPARATION = {
  '/berichte': 'Erfahrungsberichte',
  '/antraege': 'Musteranträge und Anfragen',
  '/treffen': 'KOG-Treffen und Ratschläge',
  '/suche': 'Suche',
} as const;

export function pageRoutes(): Router {
  const router = Router();
  for (const [path, [title, file]] of Object.entries(CONTENT_PAGES)) {
    router.get(path, async (_req, res) => {
      const html = renderMarkdown(await fs.readFile(`${CONTENT_DIR}/${file}`, 'utf8'));
      res.render('pages/content', { title, html });
    });
  }
  for (const [path, title] of Object.entries(SECTIONS_IN_PREPARATION)) {
    router.get(path, (_req, res) => res.render('pages/in-preparation', { title }));
  }
  return router;
}
