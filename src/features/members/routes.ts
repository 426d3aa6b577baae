import { Router, type Request } from 'express';
import { NotFoundError } from '../../lib/errors.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { idParam, submitForm } from '../../lib/http.js';
import { FEDERAL_STATES } from '../../lib/states.js';
import { requireLogin } from '../../middleware/auth.js';
import { activeTopics } from '../topics/service.js';
import { contactSchema, MANDATE_LABELS, memberFilterSchema } from './schema.js';
import {
  alliancesWithListedMembers,
  contactMember,
  createContactLimits,
  findListedMember,
  listMembers,
  type MemberDeps,
} from './service.js';

export function memberRoutes(deps: MemberDeps): Router {
  const router = Router();
  const { prisma } = deps;
  const countMessage = createContactLimits(deps.pool);
  router.use('/mitglieder', requireLogin);

  router.get('/mitglieder', async (req, res) => {
    const filter = memberFilterSchema.parse(req.query);
    res.render('members/index', {
      title: 'Mitglieder und Kompetenzen',
      ...(await listMembers(prisma, filter)),
      filter,
      topics: await activeTopics(prisma),
      alliances: await alliancesWithListedMembers(prisma),
      states: FEDERAL_STATES,
      mandateLabels: MANDATE_LABELS,
    });
  });

  const recipientId = (req: Request) => {
    const id = idParam(req);
    if (id === undefined) throw new NotFoundError('Diese Person ist nicht (mehr) in der Mitgliederliste.');
    return id;
  };

  router.get('/mitglieder/:id/kontakt', async (req, res) => {
    const recipient = await findListedMember(prisma, recipientId(req));
    res.render('members/contact', { title: `Nachricht an ${recipient.name}`, recipient, values: {}, errors: {} });
  });

  router.post('/mitglieder/:id/kontakt', async (req, res) => {
    const recipient = await findListedMember(prisma, recipientId(req));
    await submitForm(
      res,
      'members/contact',
      () => ({ title: `Nachricht an ${recipient.name}`, recipient, values: formValues(req.body) }),
      async () => {
        const name = await contactMember({ ...deps, countMessage }, req.user!, recipient.id, parseForm(contactSchema, req.body));
        req.flash('success', `Deine Nachricht an ${name} ist unterwegs. Antworten kommen per E-Mail an dich.`);
        res.redirect(303, '/mitglieder');
      },
    );
  });

  return router;
}
