// All mail goes through here. Every message is stored in the outbox (Postausgang, readable by admins);
// with SMTP_URL it is also delivered through nodemailer and marked as sent or failed.
import nodemailer from 'nodemailer';
import type { PrismaClient } from '../db/database.js';
import type { Logger } from './logger.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Where the recipient's reply goes (e.g. the member who used the contact form). */
  replyTo?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createMailer(deps: { prisma: PrismaClient; logger: Logger; smtpUrl?: string | undefined; from: string }): Mailer {
  const transport = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : undefined;
  return {
    async send(message) {
      const stored = await deps.prisma.outboxMail.create({
        data: { recipient: message.to, replyTo: message.replyTo ?? null, subject: message.subject, body: message.text },
      });
      if (!transport) return;
      try {
        await transport.sendMail({
          from: deps.from,
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
        });
        await deps.prisma.outboxMail.update({ where: { id: stored.id }, data: { status: 'SENT', sentAt: new Date() } });
      } catch (error) {
        // The action that sent the mail still succeeds; admins see the failure in the outbox.
        deps.logger.error({ err: error, outboxId: stored.id }, 'mail delivery failed');
        await deps.prisma.outboxMail.update({
          where: { id: stored.id },
          data: { status: 'FAILED', error: (error as Error).message.slice(0, 1000) },
        });
      }
    },
  };
}
