// For load balancers: /healthz says the process answers, /readyz that it can reach the database. /readyz answers
// within a second either way, so a probe never hangs on a frozen database.
import { Router } from 'express';
import type pg from 'pg';

const READY_TIMEOUT_MS = 1000;

export function healthRoutes(pool: pg.Pool): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  router.get('/readyz', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([pool.query('SELECT 1'), timeout]);
      res.type('text/plain').send('ok');
    } catch {
      res.status(503).set('Retry-After', '5').type('text/plain').send('database unreachable');
    } finally {
      clearTimeout(timer);
    }
  });
  return router;
}
