// All mail goes through here. Handlers only write to the outbox (Postausgang, readable by admins); with
// SMTP_URL a job is queued in the same statement and the worker delivers it (jobs/queue.ts), so a slow or
// broken mail server never slows a page.
//
// A mail may carry one secret link (password reset, address confirmation). The outbox shows a placeholder
// instead; the link is kept apart, put in only at delivery and deleted as soon as the mail is sent or given
// up. Without SMTP_URL the link is not stored at all: such mails cannot reach anyone (see README).
import type { Transporter } from 'nodemailer';
import { Prisma, type PrismaClient } from '../db/database.js';
import type { JobHandler } from '../jobs/queue.js';
import { looksLikeLink } from './fields.js';
import type { Logger } from './logger.js';

/** Stands in the stored text where the secret link goes. */
export const HIDDEN_LINK = '[persönlicher Link – steht nur in der zugestellten E-Mail]';

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; contains HIDDEN_LINK where `secretLink` belongs. */
  text: string;
  /** Where the recipient's reply goes (e.g. the member who used the contact form). */
  replyTo?: string;
  secretLink?: string;
}

type Db = Pick<PrismaClient, '$executeRaw'>;

export interface Mailer {
  /** Whether mails are delivered (SMTP_URL) or only kept in the outbox. */
  readonly delivers: boolean;
  /** Writes the mail to the outbox and, when delivering, queues it; pass a transaction client to tie it to a change. */
  send(message: MailMessage, db?: Db): Promise<void>;
  /**
   * The same mail (no secret link) to everyone `recipients` selects (a query with an `email` column): one outbox
   * row per recipient in one statement, and when delivering one job per row. For mails to all members, which a
   * loop over send() would make slow. Returns how many mails were written.
   */
  sendToMany(recipients: Prisma.Sql, mail: { subject: string; text: string }, db?: Db): Promise<number>;
}

export function createMailer(deps: { prisma: PrismaClient; delivers: boolean; onQueued?: () => void }): Mailer {
  return {
    delivers: deps.delivers,
    async send(message, db = deps.prisma) {
      if (message.secretLink && !message.text.includes(HIDDEN_LINK)) throw new Error('secretLink without HIDDEN_LINK in the text');
      const replyTo = message.replyTo ?? null;
      if (deps.delivers) {
        await db.$executeRaw`
          WITH mail AS (
            INSERT INTO outbox_mails (recipient, reply_to, subject, body, secret_link, status)
            VALUES (${message.to}, ${replyTo}, ${message.subject}, ${message.text}, ${message.secretLink ?? null}, 'QUEUED')
            RETURNING id)
          INSERT INTO jobs (kind, payload) SELECT 'mail', jsonb_build_object('mailId', id) FROM mail`;
        deps.onQueued?.();
      } else {
        await db.$executeRaw`
          INSERT INTO outbox_mails (recipient, reply_to, subject, body, status)
          VALUES (${message.to}, ${replyTo}, ${message.subject}, ${message.text}, 'STORED')`;
      }
    },
    async sendToMany(recipients, mail, db = deps.prisma) {
      const rows = (status: string) => Prisma.sql`
        INSERT INTO outbox_mails (recipient, subject, body, status)
        SELECT r.email, ${mail.subject}, ${mail.text}, ${status}::outbox_status FROM (${recipients}) r`;
      if (!deps.delivers) return db.$executeRaw(rows('STORED'));
      const queued = await db.$executeRaw`
        WITH mail AS (${rows('QUEUED')} RETURNING id)
        INSERT INTO jobs (kind, payload) SELECT 'mail', jsonb_build_object('mailId', id) FROM mail`;
      if (queued > 0) deps.onQueued?.();
      return queued;
    },
  };
}

/** The worker's handler for 'mail' jobs: delivers through SMTP and records the outcome in the outbox. */
export function mailDelivery(deps: { prisma: PrismaClient; smtpUrl: string; from: string; logger: Logger }): JobHandler {
  // nodemailer is loaded with the first mail, not at every start.
  let transport: Transporter | undefined;
  return {
    async run(payload) {
      transport ??= (await import('nodemailer')).default.createTransport(deps.smtpUrl);
      const mail = await deps.prisma.outboxMail.findUnique({ where: { id: Number(payload.mailId) } });
      if (!mail || mail.status === 'SENT') return;
      await transport.sendMail({
        from: deps.from,
        to: mail.recipient,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text: mail.secretLink ? mail.body.replace(HIDDEN_LINK, mail.secretLink) : mail.body,
      });
      await deps.prisma.outboxMail.update({ where: { id: mail.id }, data: { status: 'SENT', sentAt: new Date(), error: null, secretLink: null } });
    },
    async giveUp(payload, error) {
      deps.logger.error({ outboxId: payload.mailId, error: error.message }, 'mail delivery failed for good');
      await deps.prisma.outboxMail.update({
        where: { id: Number(payload.mailId) },
        data: { status: 'FAILED', error: error.message.slice(0, 1000), secretLink: null },
      });
    },
  };
}

/** A name as it may appear in a mail: anything a mail program would turn into a link is broken up. */
export function nameForMail(name: string): string {
  return looksLikeLink(name) ? name.replace(/[.:/@]+/g, ' ') : name;
}
