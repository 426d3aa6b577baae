// createApp(deps): the whole web application, built from its dependencies. No side effects on import;
// tests build it in-process against their own database.
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type session from 'express-session';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { accountRoutes } from './features/account/routes.js';
import { adminRoutes } from './features/admin/routes.js';
import { allianceRoutes } from './features/alliances/routes.js';
import { authRoutes } from './features/auth/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { homeRoutes } from './features/home/routes.js';
import { memberRoutes } from './features/members/routes.js';
import { networkRoutes } from './features/networks/routes.js';
import { pageRoutes } from './features/pages/routes.js';
import { topicRoutes } from './features/topics/routes.js';
import { attachmentHref, attachmentRoutes } from './features/attachments/routes.js';
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES, formatBytes, IMAGE_TYPES } from './lib/attachments.js';
import { commentRoutes } from './features/comments/routes.js';
import { flagRoutes } from './features/flags/routes.js';
import { moderationCount, moderationRoutes } from './features/moderation/routes.js';
import { reportAttachmentAccess } from './features/reports/page.js';
import { reportRoutes } from './features/reports/routes.js';
import { motionRoutes } from './features/motions/routes.js';
import { meetingRoutes } from './features/meetings/routes.js';
import { materialAttachmentAccess } from './features/meetings/materials.js';
import { searchRoutes } from './features/search/routes.js';
import { formatDate, formatDateTime, formatDay, formatLongDate, formatMonth, formatPeriod, formatTimeSpan } from './lib/dates.js';
import { displayEmail, displayUrl } from './lib/display.js';
import type { Logger } from './lib/logger.js';
import { stateName } from './lib/states.js';
import { assetUrls, layoutEngine } from './lib/views.js';
import { loadCurrentUser } from './middleware/auth.js';
import { csrfLocals, csrfProtection, restoreExpiredForm } from './middleware/csrf.js';
import { databaseOutageLog, errorHandler, noticeDatabaseBack, notFound } from './middleware/errors.js';
import { flash } from './middleware/flash.js';
import { rejectMalformedUrls } from './middleware/input.js';
import { anonymousPageCache } from './middleware/page-cache.js';
import { sharedPageBodies } from './middleware/shared-pages.js';
import { contentVersionReader } from './db/content-version.js';
import { forFirstSegments, inSequence } from './lib/routing.js';
import { securityHeaders } from './middleware/security.js';
import { requestLog } from './middleware/request-log.js';
import { createSessionMiddleware } from './middleware/session.js';
import { PUBLIC_DIR, VIEWS_DIR } from './paths.js';
import type { Services } from './services.js';

export interface AppDeps {
  config: Pick<Config, 'env' | 'baseUrl' | 'trustProxy' | 'secureCookies'> & Partial<Pick<Config, 'pageCacheMs'>>;
  db: Database;
  logger: Logger;
  services: Services;
  sessionStore: session.Store;
  sessionSecret: string;
}

export function createApp(deps: AppDeps): Express {
  const { config, db, logger, services } = deps;
  const cacheViews = config.env !== 'development';
  const app = express();
  app.disable('x-powered-by');
  // No ETag computed over every page sent: logged-in pages are no-store, and the visitors' page cache gives its kept
  // pages one (middleware/page-cache.ts).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.engine('ejs', layoutEngine(VIEWS_DIR, { cache: cacheViews }));

  app.locals.siteName = 'Kommunale Erfahrungsbörse';
  app.locals.formatDate = formatDate;
  app.locals.formatDateTime = formatDateTime;
  app.locals.formatMonth = formatMonth;
  app.locals.formatPeriod = formatPeriod;
  app.locals.formatDay = formatDay;
  app.locals.formatLongDate = formatLongDate;
  app.locals.formatTimeSpan = formatTimeSpan;
  app.locals.formatBytes = formatBytes;
  app.locals.fileTypeLabel = (mediaType: string) => ALLOWED_TYPES[mediaType] ?? 'Datei';
  app.locals.imageTypes = IMAGE_TYPES;
  app.locals.acceptAttribute = ACCEPT_ATTRIBUTE;
  app.locals.attachmentHref = attachmentHref;
  app.locals.stateName = stateName;
  app.locals.displayUrl = displayUrl;
  app.locals.displayEmail = displayEmail;
  app.locals.asset = assetUrls(PUBLIC_DIR, { cache: cacheViews });
  /** Set by server.ts on SIGTERM: every response then closes its connection. */
  app.locals.shuttingDown = false;

  app.use(
    inSequence(
      requestLog(logger),
      (req: Request, res: Response, next: NextFunction) => {
        if (app.locals.shuttingDown) res.set('Connection', 'close');
        next();
      },
      securityHeaders({ secure: config.secureCookies }),
    ),
  );
  // Static files live under /assets only, so no page request costs a file lookup.
  app.use(
    '/assets',
    express.static(PUBLIC_DIR, {
      index: false,
      fallthrough: false,
      setHeaders: (res, _path) => {
        // Fingerprinted URLs (?v=…) never change their content.
        res.setHeader('Cache-Control', config.env === 'production' ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.get('/favicon.ico', (_req, res) => res.redirect(301, app.locals.asset('favicon.svg')));
  app.use(forFirstSegments(healthRoutes(db.pool)));

  const outage = databaseOutageLog(logger);
  const sessions = createSessionMiddleware({ store: deps.sessionStore, secret: deps.sessionSecret, secureCookies: config.secureCookies });
  /** Before the session: a visitor's page may come from the page cache. */
  const beforeSession: RequestHandler[] = [rejectMalformedUrls, noticeDatabaseBack(outage)];
  if (config.pageCacheMs) {
    beforeSession.push(
      anonymousPageCache({
        maxAgeMs: config.pageCacheMs,
        // A change shows to visitors within about a second.
        contentVersion: contentVersionReader(db.pool, Math.min(1000, config.pageCacheMs)),
        // Each page type's visited pages fit several times over; more only held memory the young generation needs.
        maxBytes: 16 * 1024 * 1024,
        hasSession: sessions.hasSessionCookie,
      }),
    );
    // The main part of list pages, for logged-in people of one role (renderShared).
    app.set('page bodies', sharedPageBodies({ maxAgeMs: config.pageCacheMs, maxBytes: 8 * 1024 * 1024 }));
  }
  const parseForm = express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 });
  app.set('session handler', sessions.always);
  app.set('session cookie', sessions.cookieName);
  app.use(
    inSequence(
      ...beforeSession,
      // Only a request that sends something has a form to read.
      (req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : parseForm(req, res, next)),
      sessions.ifPresent,
      (req, res, next) => {
        res.locals.currentPath = req.path;
        next();
      },
      csrfLocals,
      loadCurrentUser(db.prisma),
      csrfProtection,
      flash,
      restoreExpiredForm,
      moderationCount(services),
    ),
  );

  // Each feature's router is entered only for the first path segments it has routes for (lib/routing.ts).
  const features = [
    homeRoutes(services),
    authRoutes(services),
    accountRoutes(services),
    adminRoutes(services),
    allianceRoutes(services),
    topicRoutes(services),
    networkRoutes(services),
    memberRoutes(services),
    reportRoutes(services),
    motionRoutes(services),
    meetingRoutes(services),
    commentRoutes(services),
    flagRoutes(services),
    moderationRoutes(services),
    searchRoutes(services),
    attachmentRoutes(services, [reportAttachmentAccess, materialAttachmentAccess]),
    pageRoutes(),
  ];
  for (const router of features) app.use(forFirstSegments(router));

  app.use(notFound);
  app.use(errorHandler(logger, outage));
  return app;
}
