// Feature routers are entered only for the first path segments they have routes for.
import express, { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { forFirstSegments } from '../src/lib/routing.js';

function appWith(router: Router) {
  const app = express();
  app.use(forFirstSegments(router));
  app.use((_req, res) => res.status(404).send('nicht hier'));
  return app;
}

describe('forFirstSegments', () => {
  it('enters a router for its routes’ first segments, in any letter case, with sub-routers, and skips it otherwise', async () => {
    const router = Router();
    const inner = Router();
    router.get('/treffen/:id', (req, res) => res.send(`Treffen ${req.params.id}`));
    router.get('/treffen.ics', (_req, res) => res.send('Kalender'));
    router.get('/', (_req, res) => res.send('Start'));
    inner.get('/beschluesse', (_req, res) => res.send('Beschlüsse'));
    router.use(inner);
    const app = appWith(router);
    expect((await request(app).get('/treffen/7')).text).toBe('Treffen 7');
    expect((await request(app).get('/Treffen/8')).text).toBe('Treffen 8');
    expect((await request(app).get('/treffen.ics')).text).toBe('Kalender');
    expect((await request(app).get('/')).text).toBe('Start');
    expect((await request(app).get('/beschluesse')).text).toBe('Beschlüsse');
    expect((await request(app).get('/berichte')).status).toBe(404);
  });

  it('always enters a router that may answer any first segment', async () => {
    const router = Router();
    router.get('/:slug', (req, res) => res.send(`Seite ${req.params.slug}`));
    expect((await request(appWith(router)).get('/irgendwas')).text).toBe('Seite irgendwas');
    const guarded = Router();
    guarded.use((_req, res, next) => (res.set('X-Geprueft', 'ja'), next()));
    guarded.get('/konto', (_req, res) => res.send('Konto'));
    const res = await request(appWith(guarded)).get('/anderes');
    expect(res.headers['x-geprueft']).toBe('ja');
  });
});
