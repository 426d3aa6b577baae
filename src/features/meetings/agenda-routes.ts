// Placeholder router, filled in by the agenda part of the meeting workflow.
import { Router } from 'express';
import type { Services } from '../../services.js';

export function agendaRoutes(_deps: Services): Router {
  return Router();
}
