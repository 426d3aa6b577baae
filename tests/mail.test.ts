import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/lib/logger.js';
import { createMailer } from '../src/lib/mail.js';
import { useTestContext } from './support/context.js';
import { freePort } from './support/global-setup.js';

const ctx = useTestContext();

const logger = createLogger('silent');

describe('mail', () => {
  it('without SMTP_URL stores the mail in the outbox only', async () => {
    const mailer = createMailer({ prisma: ctx.db.prisma, logger, from: 'keb@example.org' });
    await mailer.send({ to: 'nur-gespeichert@example.org', subject: 'Hallo', text: 'Text' });
    const stored = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: 'nur-gespeichert@example.org' } });
    expect(stored.status).toBe('STORED');
  });

  it('with SMTP_URL delivers through SMTP and marks the mail as sent', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const mailer = createMailer({ prisma: ctx.db.prisma, logger, smtpUrl: `smtp://127.0.0.1:${port}`, from: 'KEB <keb@example.org>' });
      await mailer.send({ to: 'empfang@example.org', subject: 'Grüße aus dem Rathaus', text: 'Umlaute: äöüß' });
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('To: empfang@example.org');
      const stored = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: 'empfang@example.org' } });
      expect(stored.status).toBe('SENT');
      expect(stored.sentAt).toBeInstanceOf(Date);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('records a failed delivery in the outbox instead of failing the action', async () => {
    const port = await freePort(); // nothing listens there
    const mailer = createMailer({ prisma: ctx.db.prisma, logger, smtpUrl: `smtp://127.0.0.1:${port}`, from: 'keb@example.org' });
    await mailer.send({ to: 'unzustellbar@example.org', subject: 'Test', text: 'Text' });
    const stored = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: 'unzustellbar@example.org' } });
    expect(stored.status).toBe('FAILED');
    expect(stored.error).toMatch(/ECONNREFUSED/);
  });
});
