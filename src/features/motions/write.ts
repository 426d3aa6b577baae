// Writing model motions: the checks a motion needs, then the shared workflow of reports (drafts, submission,
// new versions of published ones) in reports/write.ts.
import type { StoredAttachment } from '../../lib/attachments.js';
import { ValidationError } from '../../lib/errors.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { knownTopicIds } from '../topics/service.js';
import { saveContribution, type SaveAction, type SaveResult } from '../reports/write.js';
import { scanPlaceholders } from './placeholders.js';
import type { MotionInput } from './schema.js';

/** What a version stores from the motion form. */
export function motionVersionData(input: MotionInput) {
  return {
    title: input.title,
    motionKind: input.motionKind,
    summary: input.summary,
    body: input.body,
    reasoning: input.reasoning,
    councilLevel: input.councilLevel ?? null,
    states: input.states,
    allianceId: input.allianceId ?? null,
    visibility: input.visibility,
    authorDisplay: input.authorDisplay,
  };
}

/** A submission must be complete and its placeholders well-formed; a draft may be anything with a title. */
function checkComplete(input: MotionInput): void {
  const errors: Record<string, string> = {};
  if (input.summary.length < 20)
    errors.summary = 'Bitte eine Kurzfassung mit mindestens 20 Zeichen schreiben: Sie erscheint in den Listen.';
  if (input.body.length < 20) errors.body = 'Bitte den Text der Vorlage eintragen (mindestens 20 Zeichen).';
  const { malformed } = scanPlaceholders(input.title, input.body, input.reasoning);
  if (malformed.length)
    errors.body = `Diese Platzhalter sind nicht richtig geschlossen: ${malformed.join(', ')}. Ein Platzhalter sieht so aus: {{Gemeinde}}.`;
  if (!input.principles) errors.principles = 'Bitte bestätige, dass die Vorlage auf der Grundlage der Prinzipien steht.';
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

export async function saveMotion(
  deps: Pick<Services, 'prisma' | 'nudgeWorker'>,
  author: CurrentUser,
  motionId: number | undefined,
  input: MotionInput,
  action: SaveAction,
  attachments: StoredAttachment[],
): Promise<SaveResult> {
  if (action === 'einreichen') checkComplete(input);
  if (
    input.allianceId !== undefined &&
    !(await deps.prisma.alliance.findUnique({ where: { id: input.allianceId }, select: { id: true } }))
  ) {
    throw new ValidationError({ allianceId: 'Dieses Bündnis gibt es nicht (mehr). Bitte neu wählen.' });
  }
  const topicIds = await knownTopicIds(deps.prisma, input.topicIds, 'topicIds');
  return saveContribution(deps, author, 'MOTION', motionId, { fields: motionVersionData(input), topicIds }, action, attachments);
}
