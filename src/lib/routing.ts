// Feature routers are all mounted at /, so Express would try every route of every feature on every request (about
// 150 path matches for a page of the last feature: a tenth of a logged-in page's CPU). `forFirstSegments` lets a
// request into a feature's router only when the router has a route for the request's first path segment.
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';

interface Layer {
  route?: { path: unknown };
  handle?: { stack?: Layer[] };
}

/** The first path segments of a router's routes (sub-routers included); null when a route or middleware may
 * answer any path (a parameter or pattern first, or middleware of its own). */
function firstSegments(stack: Layer[], into = new Set<string>()): Set<string> | null {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths) {
        if (typeof path !== 'string') return null;
        const segment = path.split('/')[1] ?? '';
        if (!/^[a-z0-9._-]*$/i.test(segment) || segment.includes(':')) return null;
        into.add(segment.toLowerCase());
      }
    } else if (layer.handle?.stack) {
      if (firstSegments(layer.handle.stack, into) === null) return null;
    } else {
      return null;
    }
  }
  return into;
}

/**
 * The router, entered only for requests whose first path segment one of its routes starts with (Express matches
 * paths case-insensitively, so do we). Its routes are read at the first request, when all are registered.
 */
export function forFirstSegments(router: Router): RequestHandler {
  const stack = (router as unknown as { stack: Layer[] }).stack;
  let segments: Set<string> | null | undefined;
  const enter = (req: Request, res: Response, next: NextFunction) => {
    if (segments === undefined) segments = firstSegments(stack);
    if (segments === null || segments.has((req.path.split('/')[1] ?? '').toLowerCase())) return router(req, res, next);
    next();
  };
  // The router's routes stay readable through the app's stack (tests/route-guards.test.ts lists them).
  return Object.assign(enter, { stack });
}

/**
 * Middleware that runs on every request, as one: Express spends more on passing a request from one layer of its
 * stack to the next (matching, parameters, a promise watcher for each) than most of these take themselves. Each
 * handler calls `next` as usual; an error, also a rejected promise, ends the sequence and goes to Express.
 */
export function inSequence(...handlers: RequestHandler[]): RequestHandler {
  return (req, res, done) => {
    let index = 0;
    const next = (error?: unknown) => {
      if (error) return done(error);
      const handler = handlers[index++];
      if (!handler) return done();
      try {
        const result = handler(req, res, next) as unknown;
        if (result instanceof Promise) result.catch(done);
      } catch (thrown) {
        done(thrown);
      }
    };
    next();
  };
}
