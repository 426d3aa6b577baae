// Writing and correcting comments under published reports. A comment that fails validation comes back on its
// own small page with the text as typed.
import { Router } from 'express';
import { z } from 'zod';
import { requiredLongText } from '../../lib/fields.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { requireIdParam, submitForm } from '../../lib/http.js';
import { requireLogin } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { reportPage } from '../reports/page.js';
import { addComment, canEditComment, editComment, findComment } from './service.js';

export const commentSchema = z.object({ text: requiredLongText('einen Kommentar', 5000) });

export function commentRoutes(deps: Services): Router {
  const router = Router();

  router.post('/berichte/:slug/kommentare', requireLogin, async (req, res) => {
    const page = await reportPage(deps, String(req.params.slug), req.user);
    await submitForm(
      res,
      'comments/form',
      () => ({ title: 'Kommentar schreiben', report: page, values: formValues(req.body), action: `/berichte/${page.slug}/kommentare` }),
      async () => {
        const { text } = parseForm(commentSchema, req.body);
        const id = await addComment(deps, req.user!, page.id, text, req.ip ?? 'unknown');
        req.flash('success', 'Dein Kommentar ist veröffentlicht. In den nächsten 15 Minuten kannst du ihn noch ändern.');
        res.redirect(303, `/berichte/${page.slug}#kommentar-${id}`);
      },
    );
  });

  const commentPage = async (id: number) => {
    const comment = await findComment(deps, id);
    return { comment, slug: comment.report!.slug };
  };

  router.get('/kommentare/:id/bearbeiten', requireLogin, async (req, res) => {
    const { comment, slug } = await commentPage(requireIdParam(req, 'Diesen Kommentar gibt es nicht.'));
    if (!canEditComment(req.user, comment)) {
      req.flash('info', 'Diesen Kommentar kannst du nicht mehr ändern: Das geht nur in den ersten 15 Minuten.');
      return res.redirect(303, `/berichte/${slug}#kommentar-${comment.id}`);
    }
    res.render('comments/form', {
      title: 'Kommentar ändern',
      report: { slug, content: { title: comment.report!.title } },
      values: { text: comment.body },
      errors: {},
      action: `/kommentare/${comment.id}/bearbeiten`,
    });
  });

  router.post('/kommentare/:id/bearbeiten', requireLogin, async (req, res) => {
    const { comment, slug } = await commentPage(requireIdParam(req, 'Diesen Kommentar gibt es nicht.'));
    await submitForm(
      res,
      'comments/form',
      () => ({
        title: 'Kommentar ändern',
        report: { slug, content: { title: comment.report!.title } },
        values: formValues(req.body),
        action: `/kommentare/${comment.id}/bearbeiten`,
      }),
      async () => {
        const { text } = parseForm(commentSchema, req.body);
        await editComment(deps, req.user!, comment.id, text);
        req.flash('success', 'Dein Kommentar ist geändert.');
        res.redirect(303, `/berichte/${slug}#kommentar-${comment.id}`);
      },
    );
  });

  return router;
}
