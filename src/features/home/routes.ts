import { Router } from 'express';
import type { Services } from '../../services.js';
import { PRINCIPLES, PRINCIPLES_DATE, PRINCIPLES_TITLE } from './principles.js';
import { tasksFor } from './tasks.js';

export function homeRoutes(deps: Services): Router {
  const router = Router();
  const principles = { principles: PRINCIPLES, principlesTitle: PRINCIPLES_TITLE, principlesDate: PRINCIPLES_DATE };

  router.get('/', async (req, res) => {
    res.render('home/index', { title: 'Start', ...principles, tasks: req.user ? await tasksFor(deps, req.user) : [] });
  });

  router.get('/prinzipien', (_req, res) => {
    res.render('home/principles', { title: 'Prinzipien der Zusammenarbeit', ...principles });
  });
  return router;
}
