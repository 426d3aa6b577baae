import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, enqueue, retryDelayMs } from '../src/jobs/queue.js';
import { createLogger } from '../src/lib/logger.js';
import { createMailer, HIDDEN_LINK, mailDelivery } from '../src/lib/mail.js';
import { useTestContext } from './support/context.js';
import { freePort } from './support/global-setup.js';

const ctx = useTestContext();
const logger = createLogger('silent');

/** A real SMTP server on loopback that keeps what it receives. */
function smtpServer() {
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
  return { server, received };
}

describe('mail', () => {
  const smtp = smtpServer();
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    await new Promise<void>((resolve) => smtp.server.listen(port, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  const workerFor = (smtpUrl: string) =>
    createWorker({ pool: ctx.db.pool, logger, handlers: { mail: mailDelivery({ prisma: ctx.db.prisma, smtpUrl, from: 'KEB <keb@example.org>', logger }) } });

  it('without SMTP_URL stores the mail in the outbox only, and a secret link is not kept at all', async () => {
    const mailer = createMailer({ prisma: ctx.db.prisma, delivers: false });
    await mailer.send({ to: 'nur-gespeichert@example.org', subject: 'Hallo', text: `Link: ${HIDDEN_LINK}` });
    const stored = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: 'nur-gespeichert@example.org' } });
    expect(stored.status).toBe('STORED');
    expect(stored.secretLink).toBeNull();
    expect(await ctx.db.prisma.job.count({ where: { kind: 'mail' } })).toBe(0);
  });

  it('with SMTP_URL only queues in the request; the worker delivers, with the secret link, and then forgets the link', async () => {
    const mailer = createMailer({ prisma: ctx.db.prisma, delivers: true });
    await mailer.send({
      to: 'empfang@example.org',
      subject: 'Grüße aus dem Rathaus',
      text: `Umlaute: äöüß\n${HIDDEN_LINK}`,
      secretLink: 'http://erfahrungsboerse.test/passwort-zuruecksetzen/geheim-geheim-geheim-123',
    });
    const queued = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: 'empfang@example.org' } });
    expect(queued.status).toBe('QUEUED');
    expect(queued.body).not.toContain('geheim');
    expect(smtp.received.some((m) => m.includes('empfang@example.org'))).toBe(false);

    expect(await workerFor(`smtp://127.0.0.1:${port}`).runDueJobs()).toBe(1);
    const delivered = smtp.received.find((m) => m.includes('To: empfang@example.org'));
    expect(delivered).toBeDefined();
    expect(delivered).toContain('geheim-geheim-geheim-123');
    const sent = await ctx.db.prisma.outboxMail.findUniqueOrThrow({ where: { id: queued.id } });
    expect(sent.status).toBe('SENT');
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.secretLink).toBeNull();
  });

  it('retries a failed delivery with growing pauses and finally marks it FAILED, without the link', async () => {
    const deadPort = await freePort(); // nothing listens there
    const mailer = createMailer({ prisma: ctx.db.prisma, delivers: true });
    await mailer.send({ to: 'unzustellbar@example.org', subject: 'Test', text: HIDDEN_LINK, secretLink: 'http://x.test/geheim' });
    const mail = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: 'unzustellbar@example.org' } });
    const job = await ctx.db.prisma.job.findFirstOrThrow({ where: { kind: 'mail', payload: { equals: { mailId: mail.id } } } });

    let now = new Date();
    const worker = createWorker({
      pool: ctx.db.pool,
      logger,
      handlers: { mail: mailDelivery({ prisma: ctx.db.prisma, smtpUrl: `smtp://127.0.0.1:${deadPort}`, from: 'keb@example.org', logger }) },
      now: () => now,
    });
    await worker.runDueJobs();
    const afterFirst = await ctx.db.prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(afterFirst.attempts).toBe(1);
    expect(afterFirst.lastError).toMatch(/ECONNREFUSED/);
    expect(afterFirst.runAt.getTime() - now.getTime()).toBe(retryDelayMs(1));
    expect((await ctx.db.prisma.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe('QUEUED');

    // Nothing happens before the pause is over; then every further attempt, up to the last.
    expect(await worker.runDueJobs()).toBe(0);
    for (let attempt = 2; attempt <= afterFirst.maxAttempts; attempt++) {
      now = new Date(now.getTime() + retryDelayMs(attempt - 1) + 1000);
      expect(await worker.runDueJobs()).toBe(1);
    }
    const failed = await ctx.db.prisma.outboxMail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/ECONNREFUSED/);
    expect(failed.secretLink).toBeNull();
    expect((await ctx.db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).failedAt).toBeInstanceOf(Date);
  });

  it('two app instances working the same queue deliver every mail exactly once', async () => {
    const mailer = createMailer({ prisma: ctx.db.prisma, delivers: true });
    for (let i = 0; i < 30; i++) await mailer.send({ to: `viele-${i}@example.org`, subject: 'Rundmail', text: 'Text' });
    const before = smtp.received.length;
    const [a, b] = [workerFor(`smtp://127.0.0.1:${port}`), workerFor(`smtp://127.0.0.1:${port}`)];
    const [ranA, ranB] = await Promise.all([a.runDueJobs(), b.runDueJobs()]);
    expect(ranA + ranB).toBe(30);
    expect(ranA).toBeGreaterThan(0);
    expect(ranB).toBeGreaterThan(0);
    const delivered = smtp.received.slice(before).map((m) => /To: (viele-\d+)@/.exec(m)?.[1]);
    expect(delivered).toHaveLength(30);
    expect(new Set(delivered).size).toBe(30);
  });

  it('runs periodic work once per interval, however many instances look', async () => {
    let runs = 0;
    const now = () => new Date('2026-11-22T10:07:00Z');
    const workers = [1, 2, 3].map(() =>
      createWorker({
        pool: ctx.db.pool,
        logger,
        handlers: { 'test.tick': { run: async () => void runs++ } },
        periodic: [{ kind: 'test.tick', everyMs: 15 * 60_000 }],
        now,
      }),
    );
    await Promise.all(workers.map((w) => w.runDueJobs()));
    await Promise.all(workers.map((w) => w.runDueJobs()));
    expect(runs).toBe(1);
  });

  it('folds jobs with the same key into one', async () => {
    expect(await enqueue(ctx.db.prisma, 'test.fold', {}, { uniqueKey: 'falten-1' })).toBe(true);
    expect(await enqueue(ctx.db.prisma, 'test.fold', {}, { uniqueKey: 'falten-1' })).toBe(false);
    expect(await ctx.db.prisma.job.count({ where: { kind: 'test.fold' } })).toBe(1);
  });
});
