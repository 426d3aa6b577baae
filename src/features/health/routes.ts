// For load balancers: /healthz says the process answers, /readyz that it can reach the database.
import { Router } from 'express';
import type pg from 'pg';

export function healthRoutes(pool: pg.Pool): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await pool.query('SELECT 1');
      res.type('text/plain').send('ok');
    } catch {
      res.status(503).type('text/plain').send('database unreachable');
    }
  });
  return router;
}
