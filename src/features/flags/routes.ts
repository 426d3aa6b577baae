// "Melden": a logged-in person flags a report or a comment with a reason from the movement's principles.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../lib/errors.js';
import { choice, longText } from '../../lib/fields.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { requireIdParam, submitForm } from '../../lib/http.js';
import { requireLogin } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { findComment } from '../comments/service.js';
import { contributionHref, kindOf } from '../reports/kinds.js';
import { notFoundMessage, reportPage } from '../reports/page.js';
import { FLAG_REASONS, flagItem, type FlagReason, type FlagSubject } from './service.js';

const REASON_KEYS = Object.keys(FLAG_REASONS) as [FlagReason, ...FlagReason[]];

export const flagSchema = z
  .object({
    reason: choice(REASON_KEYS, 'Bitte einen Grund wählen.'),
    note: longText(1000),
  })
  .refine((v) => v.reason !== 'OTHER' || v.note.length >= 5, { path: ['note'], message: 'Bitte beschreibe bei „Sonstiges“ kurz, worum es geht.' });

interface FlagTarget {
  subject: FlagSubject;
  /** "den Bericht „…“" / "den Kommentar von …" */
  what: string;
  backHref: string;
}

export function flagRoutes(deps: Services): Router {
  const router = Router();

  /** Only what the person can see can be flagged: a published report, a visible comment under one. */
  async function target(req: Request, type: FlagSubject['type'] | 'motion'): Promise<FlagTarget> {
    if (type !== 'comment') {
      const contribution = type === 'motion' ? 'MOTION' : 'REPORT';
      const page = await reportPage(deps, String(req.params.slug), req.user, contribution);
      if (page.unpublished) throw new NotFoundError(notFoundMessage(contribution));
      const kind = kindOf(contribution);
      return { subject: { type: 'report', id: page.id }, what: `${kind.theAcc} „${page.content.title}“`, backHref: contributionHref(contribution, page.slug) };
    }
    const comment = await findComment(deps, requireIdParam(req, 'Diesen Kommentar gibt es nicht.'));
    const page = await reportPage(deps, comment.report!.slug, req.user, undefined);
    if (page.unpublished || comment.hiddenAt) throw new NotFoundError('Diesen Kommentar gibt es nicht (mehr).');
    const author = await deps.prisma.user.findUniqueOrThrow({ where: { id: comment.authorId }, select: { name: true } });
    return {
      subject: { type, id: comment.id },
      what: `den Kommentar von ${author.name}`,
      backHref: `${contributionHref(page.type, page.slug)}#kommentar-${comment.id}`,
    };
  }

  const locals = (found: FlagTarget, action: string, values: Record<string, unknown>) => ({
    title: 'Melden',
    ...found,
    action,
    values,
    reasons: Object.entries(FLAG_REASONS),
  });

  for (const [type, path] of [
    ['report', '/berichte/:slug/melden'],
    ['motion', '/antraege/:slug/melden'],
    ['comment', '/kommentare/:id/melden'],
  ] as const) {
    router.get(path, requireLogin, async (req, res) => {
      res.render('flags/form', { ...locals(await target(req, type), req.originalUrl, {}), errors: {} });
    });

    router.post(path, requireLogin, async (req, res) => {
      const found = await target(req, type);
      await submitForm(
        res,
        'flags/form',
        () => locals(found, req.originalUrl, formValues(req.body)),
        async () => {
          const { reason, note } = parseForm(flagSchema, req.body);
          const outcome = await flagItem(deps, req.user!, found.subject, reason, note || undefined, req.ip ?? 'unknown');
          req.flash(
            outcome === 'flagged' ? 'success' : 'info',
            outcome === 'flagged' ? 'Danke für deine Meldung. Die Moderation sieht sie sich an.' : 'Du hast das schon gemeldet. Die Moderation kümmert sich darum.',
          );
          res.redirect(303, found.backHref);
        },
      );
    });
  }

  return router;
}
