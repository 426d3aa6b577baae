// Who is logged in, and route guards by role. Roles are ranked: an admin may do what an organiser may do.
import type { NextFunction, Request, Response } from 'express';
import type { PrismaClient } from '../db/database.js';
import type { Role } from '../generated/prisma/enums.js';
import { ForbiddenError } from '../lib/errors.js';
import { destroySession, refreshSession, sessionUsers } from './session.js';

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  allianceId: number | null;
  isDelegate: boolean;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: CurrentUser;
    }
  }
}

const RANK: Record<Role, number> = { MEMBER: 1, ORGANIZER: 2, ADMIN: 3 };

export function hasRole(user: Pick<CurrentUser, 'role'> | undefined, role: Role): boolean {
  return !!user && RANK[user.role] >= RANK[role];
}

export function loadCurrentUser(prisma: PrismaClient) {
  return async (req: Request, res: Response, next: NextFunction) => {
    // Pages for a logged-in person (and forms with a token) must never come out of a browser or proxy cache.
    if (req.session) res.set('Cache-Control', 'no-store');
    const userId = req.session?.userId;
    if (userId !== undefined) {
      // Usually loaded together with the session already (middleware/session.ts).
      const joined = sessionUsers.get(req);
      const user =
        joined?.id === userId
          ? joined
          : await prisma.user.findUnique({
              where: { id: userId },
              select: { id: true, name: true, email: true, role: true, status: true, allianceId: true, isDelegate: true },
            });
      if (user?.status === 'ACTIVE') {
        const { id, name, email, role, allianceId, isDelegate } = user;
        req.user = { id, name, email, role, allianceId, isDelegate };
        refreshSession(req);
      } else {
        // Account disabled or deleted since login: the session ends here.
        await destroySession(req);
      }
    }
    res.locals.currentUser = req.user;
    res.locals.hasRole = (role: Role) => hasRole(req.user, role);
    next();
  };
}

/** Only a local path is a safe place to return to after login (no open redirect). */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[^\u0000-\u001F\u007F]*$/.test(value) && value.length <= 2000 ? value : undefined;
}

/** Guard: only logged-in people; visitors go to the login and come back afterwards. */
export function requireLogin(req: Request, res: Response, next: NextFunction): void {
  if (req.user) return next();
  const back = req.method === 'GET' ? `?weiter=${encodeURIComponent(req.originalUrl)}` : '';
  res.redirect(303, `/anmelden${back}`);
}

/** Guard: at least this role (organisers: ORGANIZER, admins: ADMIN). */
export function requireRole(role: Role) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.user) return requireLogin(req, res, next);
    if (!hasRole(req.user, role)) return next(new ForbiddenError());
    next();
  };
}
