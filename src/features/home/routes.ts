import { Router } from 'express';
import type { Services } from '../../services.js';
import { PRINCIPLES, PRINCIPLES_DATE, PRINCIPLES_TITLE } from './principles.js';
import { newestReports } from '../reports/read.js';
import { tasksFor } from './tasks.js';
import { shownContentVersionOf } from '../../db/content-version.js';
import { upcomingMeetings } from '../meetings/service.js';

export function homeRoutes(deps: Services): Router {
  const router = Router();
  const principles = { principles: PRINCIPLES, principlesTitle: PRINCIPLES_TITLE, principlesDate: PRINCIPLES_DATE };

  router.get('/', async (req, res) => {
    const [tasks, reports, meetings] = await Promise.all([
      req.user ? tasksFor(deps, req.user, { contentVersion: shownContentVersionOf(req) }) : [],
      newestReports(deps.pool, req.user, { limit: 5 }),
      upcomingMeetings(deps.pool, req.user, 2),
    ]);
    res.render('home/index', { title: 'Start', ...principles, tasks, reports, meetings });
  });

  router.get('/prinzipien', (_req, res) => {
    res.render('home/principles', { title: 'Prinzipien der Zusammenarbeit', ...principles });
  });
  return router;
}
