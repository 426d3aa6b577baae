// Writing and correcting comments under published reports and model motions. A comment that fails validation comes back on its
// own small page with the text as typed.
import { Router } from 'express';
import { z } from 'zod';
import { requiredLongText } from '../../lib/fields.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { requireIdParam, submitForm } from '../../lib/http.js';
import { requireLogin } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { contributionHref, kindOf, type ContributionType } from '../reports/kinds.js';
import { reportPage } from '../reports/page.js';
import { addComment, canEditComment, editComment, findComment } from './service.js';

export const commentSchema = z.object({ text: requiredLongText('einen Kommentar', 5000) });

export function commentRoutes(deps: Services): Router {
  const router = Router();

  for (const type of ['REPORT', 'MOTION'] as ContributionType[]) {
    router.post(`${kindOf(type).path}/:slug/kommentare`, requireLogin, async (req, res) => {
      const page = await reportPage(deps, String(req.params.slug), req.user, type);
      const href = contributionHref(type, page.slug);
      await submitForm(
        res,
        'comments/form',
        () => ({ title: 'Kommentar schreiben', report: page, href, values: formValues(req.body), action: `${href}/kommentare` }),
        async () => {
          const { text } = parseForm(commentSchema, req.body);
          const id = await addComment(deps, req.user!, page.id, text, req.ip ?? 'unknown');
          req.flash('success', 'Dein Kommentar ist veröffentlicht. In den nächsten 15 Minuten kannst du ihn noch ändern.');
          res.redirect(303, `${href}#kommentar-${id}`);
        },
      );
    });
  }

  /** A comment and the page it belongs to. */
  const commentPage = async (id: number) => {
    const comment = await findComment(deps, id);
    return { comment, href: contributionHref(comment.report!.type, comment.report!.slug) };
  };

  router.get('/kommentare/:id/bearbeiten', requireLogin, async (req, res) => {
    const { comment, href } = await commentPage(requireIdParam(req, 'Diesen Kommentar gibt es nicht.'));
    if (!canEditComment(req.user, comment)) {
      req.flash('info', 'Diesen Kommentar kannst du nicht mehr ändern: Das geht nur in den ersten 15 Minuten.');
      return res.redirect(303, `${href}#kommentar-${comment.id}`);
    }
    res.render('comments/form', {
      title: 'Kommentar ändern',
      report: { content: { title: comment.report!.title } },
      href,
      values: { text: comment.body },
      errors: {},
      action: `/kommentare/${comment.id}/bearbeiten`,
    });
  });

  router.post('/kommentare/:id/bearbeiten', requireLogin, async (req, res) => {
    const { comment, href } = await commentPage(requireIdParam(req, 'Diesen Kommentar gibt es nicht.'));
    await submitForm(
      res,
      'comments/form',
      () => ({
        title: 'Kommentar ändern',
        report: { content: { title: comment.report!.title } },
        href,
        values: formValues(req.body),
        action: `/kommentare/${comment.id}/bearbeiten`,
      }),
      async () => {
        const { text } = parseForm(commentSchema, req.body);
        await editComment(deps, req.user!, comment.id, text);
        req.flash('success', 'Dein Kommentar ist geändert.');
        res.redirect(303, `${href}#kommentar-${comment.id}`);
      },
    );
  });

  return router;
}
