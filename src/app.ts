// createApp(deps): the whole web application, built from its dependencies. No side effects on import;
// tests build it in-process against their own database.
import { randomUUID } from 'node:crypto';
import ejs from 'ejs';
import express, { type Express } from 'express';
import type session from 'express-session';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { accountRoutes } from './features/account/routes.js';
import { adminRoutes } from './features/admin/routes.js';
import { allianceRoutes } from './features/alliances/routes.js';
import { memberRoutes } from './features/members/routes.js';
import { networkRoutes } from './features/networks/routes.js';
import { topicRoutes } from './features/topics/routes.js';
import { createAuthLimits, type AuthLimits } from './features/auth/limits.js';
import { authRoutes } from './features/auth/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { homeRoutes } from './features/home/routes.js';
import { pageRoutes } from './features/pages/routes.js';
import { formatDate, formatDateTime } from './lib/dates.js';
import type { Logger } from './lib/logger.js';
import type { Mailer } from './lib/mail.js';
import { stateName } from './lib/states.js';
import { loadCurrentUser } from './middleware/auth.js';
import { csrfLocals, csrfProtection } from './middleware/csrf.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { flash } from './middleware/flash.js';
import { securityHeaders } from './middleware/security.js';
import { sessionMiddleware } from './middleware/session.js';
import { PUBLIC_DIR, VIEWS_DIR } from './paths.js';

const LAYOUT = `${VIEWS_DIR}/layout.ejs`;

export interface AppDeps {
  config: Pick<Config, 'env' | 'baseUrl' | 'trustProxy' | 'secureCookies'>;
  db: Database;
  logger: Logger;
  mailer: Mailer;
  sessionStore: session.Store;
  sessionSecret: string;
  limits?: AuthLimits;
}

/** Every view is rendered into views/layout.ejs unless it sets `layout: false`. */
function renderWithLayout(file: string, locals: object, callback: (e: unknown, rendered?: string) => void): void {
  const options = locals as Record<string, unknown>;
  const render = async () => {
    const body = await ejs.renderFile(file, options, { async: false });
    if (options.layout === false) return body;
    return ejs.renderFile(LAYOUT, { ...options, body }, { async: false });
  };
  render().then((html) => callback(null, html), callback);
}

export function createApp(deps: AppDeps): Express {
  const { config, db, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.engine('ejs', renderWithLayout);
  if (config.env === 'production') app.enable('view cache');

  app.locals.siteName = 'Kommunale Erfahrungsbörse';
  app.locals.formatDate = formatDate;
  app.locals.formatDateTime = formatDateTime;
  app.locals.stateName = stateName;

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      // One short line per request; headers (cookies!) stay out of the log.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(securityHeaders({ secure: config.secureCookies }));
  app.use(express.static(PUBLIC_DIR, { maxAge: config.env === 'production' ? '1d' : 0, index: false }));
  app.use(healthRoutes(db.pool));

  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 200 }));
  app.use(sessionMiddleware({ store: deps.sessionStore, secret: deps.sessionSecret, secureCookies: config.secureCookies }));
  app.use((req, res, next) => {
    res.locals.currentPath = req.path;
    next();
  });
  app.use(csrfLocals);
  app.use(loadCurrentUser(db.prisma));
  app.use(csrfProtection);
  app.use(flash);

  const services = { prisma: db.prisma, pool: db.pool, mailer: deps.mailer, baseUrl: config.baseUrl };
  app.use(homeRoutes());
  app.use(authRoutes({ ...services, limits: deps.limits ?? createAuthLimits(db.pool) }));
  app.use(accountRoutes(services));
  app.use(adminRoutes(services));
  app.use(allianceRoutes(services));
  app.use(topicRoutes(services));
  app.use(networkRoutes(services));
  app.use(memberRoutes(services));
  app.use(pageRoutes());

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
