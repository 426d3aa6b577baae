// Feature routers are entered only for the first path segments they have routes for.
import express, { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { forFirstSegments, inSequence } from '../src/lib/routing.js';

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

describe('inSequence', () => {
  function appWith(...handlers: express.RequestHandler[]) {
    const app = express();
    app.use(inSequence(...handlers));
    app.get('/', (_req, res) => res.send(`Seite nach ${String(res.getHeader('x-reihe'))}`));
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).send(`Fehler: ${error.message}`);
    });
    return app;
  }
  const step =
    (name: string): express.RequestHandler =>
    (_req, res, next) => {
      res.setHeader('x-reihe', `${String(res.getHeader('x-reihe') ?? '')}${name}`);
      next();
    };

  it('runs the handlers in order, also after one waited, and then the rest of the app', async () => {
    const waits: express.RequestHandler = async (_req, _res, next) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      next();
    };
    expect((await request(appWith(step('a'), waits, step('b'), step('c'))).get('/')).text).toBe('Seite nach abc');
  });

  it('hands an error, a thrown one or a rejected promise, to the error handler and runs no handler after it', async () => {
    const fails: express.RequestHandler = (_req, _res, next) => next(new Error('weitergereicht'));
    const throws: express.RequestHandler = () => {
      throw new Error('geworfen');
    };
    const rejects: express.RequestHandler = async () => {
      await Promise.resolve();
      throw new Error('abgelehnt');
    };
    const never: express.RequestHandler = () => {
      throw new Error('darf nicht laufen');
    };
    expect((await request(appWith(step('a'), fails, never)).get('/')).text).toBe('Fehler: weitergereicht');
    expect((await request(appWith(step('a'), throws, never)).get('/')).text).toBe('Fehler: geworfen');
    expect((await request(appWith(step('a'), rejects, never)).get('/')).text).toBe('Fehler: abgelehnt');
  });

  it('lets a handler answer without going on', async () => {
    const answers: express.RequestHandler = (_req, res) => res.send('beantwortet');
    expect((await request(appWith(step('a'), answers, step('b'))).get('/')).text).toBe('beantwortet');
  });
});
