// Who is logged in, and route guards by role. Roles are ranked: an admin may do what an organiser may do.
import type { NextFunction, Request, Response } from 'express';
import type { PrismaClient } from '../db/database.js';
import type { Role } from '../generated/prisma/enums.js';
import { ForbiddenError } from '../lib/errors.js';

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

export function hasRole(user: CurrentUser | undefined, role: Role): boolean {
  return !!user && RANK[user.role] >= RANK[role];
}

export function loadCurrentUser(prisma: PrismaClient) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const userId = req.session.userId;
    if (userId !== undefined) {
      const user = await prisma.user.findUnique({
        where: { id: userId },
        select: { id: true, name: true, email: true, role: true, status: true, allianceId: true, isDelegate: true },
      });
      if (user?.status === 'ACTIVE') {
        const { status: _status, ...current } = user;
        req.user = current;
      } else {
        // Account disabled or deleted since login: the session ends here.
        await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      }
    }
    res.locals.currentUser = req.user;
    res.locals.hasRole = (role: Role) => hasRole(req.user, role);
    next();
  };
}

/** Only a local path is a safe place to return to after login (no open redirect). */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}

export function requireLogin(req: Request, res: Response, next: NextFunction): void {
  if (req.user) return next();
  const back = req.method === 'GET' ? `?weiter=${encodeURIComponent(req.originalUrl)}` : '';
  res.redirect(303, `/anmelden${back}`);
}

export function requireRole(role: Role) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.user) return requireLogin(req, res, next);
    if (!hasRole(req.user, role)) return next(new ForbiddenError());
    next();
  };
}
