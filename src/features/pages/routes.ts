// Pages whose text the operators maintain as Markdown in content/ (Impressum, Datenschutz).
import fs from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import { renderMarkdown } from '../../lib/markdown.js';
import { CONTENT_DIR } from '../../paths.js';

const CONTENT_PAGES = { '/impressum': ['Impressum', 'impressum.md'], '/datenschutz': ['Datenschutz', 'datenschutz.md'] } as const;

export function pageRoutes(): Router {
  const router = Router();
  for (const [route, [title, file]] of Object.entries(CONTENT_PAGES)) {
    router.get(route, async (_req, res) => {
      const html = renderMarkdown(await fs.readFile(path.join(CONTENT_DIR, file), 'utf8'));
      res.render('pages/content', { title, html });
    });
  }
  return router;
}
