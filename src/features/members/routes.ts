import { Router } from 'express';
import { formValues, parseForm, parseQuery } from '../../lib/forms.js';
import { requireIdParam, submitForm } from '../../lib/http.js';
import { FEDERAL_STATES } from '../../lib/states.js';
import { requireLogin } from '../../middleware/auth.js';
import { renderShared, type Personalize } from '../../middleware/shared-pages.js';
import { contentVersionOf } from '../../db/content-version.js';
import type { Services } from '../../services.js';
import { contactSchema, MANDATE_LABELS, memberFilterSchema } from './schema.js';
import { contactMember, findAllianceBySlug, findListedMember, listMembers } from './service.js';

const NOT_LISTED = 'Diese Person ist nicht (mehr) in der Mitgliederliste.';

const CONTACT_END = '<!--/kontakt-->';
/**
 * The members' list as kept for everyone shows a contact button on every card (views/members/index.ejs marks each
 * with comments); the person's own card loses it here.
 */
const withoutContactButtonOf =
  (memberId: number): Personalize =>
  (body) => {
    const start = body.indexOf(`<!--kontakt:${memberId}-->`);
    const end = start < 0 ? -1 : body.indexOf(CONTACT_END, start);
    return end < 0 ? [body] : [body.subarray(0, start), body.subarray(end + CONTACT_END.length)];
  };

export function memberRoutes(deps: Services): Router {
  const router = Router();
  const { prisma } = deps;

  router.get('/mitglieder', requireLogin, async (req, res) => {
    const filter = parseQuery(memberFilterSchema, req.query);
    // The same list for every member (middleware/shared-pages.ts), but for the button on their own card.
    await renderShared(
      req,
      res,
      'members/index',
      async () => {
        const [result, topics, alliance] = await Promise.all([
          listMembers(deps, filter, contentVersionOf(req)),
          deps.topics.active(),
          filter.buendnis ? findAllianceBySlug(prisma, filter.buendnis) : Promise.resolve(null),
        ]);
        return {
          title: 'Mitglieder und Kompetenzen',
          ...result,
          filter,
          topics,
          alliance,
          states: FEDERAL_STATES,
          mandateLabels: MANDATE_LABELS,
        };
      },
      { personalize: withoutContactButtonOf(req.user!.id) },
    );
  });

  router.get('/mitglieder/:id/kontakt', requireLogin, async (req, res) => {
    const recipient = await findListedMember(prisma, requireIdParam(req, NOT_LISTED));
    res.render('members/contact', { title: `Nachricht an ${recipient.name}`, recipient, values: {}, errors: {} });
  });

  router.post('/mitglieder/:id/kontakt', requireLogin, async (req, res) => {
    const recipient = await findListedMember(prisma, requireIdParam(req, NOT_LISTED));
    await submitForm(
      res,
      'members/contact',
      () => ({ title: `Nachricht an ${recipient.name}`, recipient, values: formValues(req.body) }),
      async () => {
        const input = parseForm(contactSchema, req.body);
        const name = await contactMember(deps, req.user!, recipient.id, input, req.ip ?? 'unknown');
        req.flash('success', `Deine Nachricht an ${name} ist unterwegs. Antworten kommen per E-Mail an dich.`);
        res.redirect(303, '/mitglieder');
      },
    );
  });

  return router;
}
