// Placeholder router, filled in by the participation part of the meeting workflow.
import { Router } from 'express';
import type { Services } from '../../services.js';

export function participationRoutes(_deps: Services): Router {
  return Router();
}
