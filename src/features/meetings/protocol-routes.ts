// Placeholder router, filled in by the protocol part of the meeting workflow.
import { Router } from 'express';
import type { Services } from '../../services.js';

export function protocolRoutes(_deps: Services): Router {
  return Router();
}
