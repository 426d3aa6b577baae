import { Router } from 'express';
import { PRINCIPLES, PRINCIPLES_DATE, PRINCIPLES_TITLE } from './principles.js';

export function homeRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.render('home/index', {
      title: 'Start',
      principles: PRINCIPLES,
      principlesTitle: PRINCIPLES_TITLE,
      principlesDate: PRINCIPLES_DATE,
    });
  });
  router.get('/prinzipien', (_req, res) => {
    res.render('home/principles', {
      title: 'Prinzipien der Zusammenarbeit',
      principles: PRINCIPLES,
      principlesTitle: PRINCIPLES_TITLE,
      principlesDate: PRINCIPLES_DATE,
    });
  });
  return router;
}
