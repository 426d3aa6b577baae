// Recognises database errors by their SQLSTATE, whether they come from pg directly or wrapped by Prisma's
// driver adapter, so the error page can say what happened: bad input (400) or a database that is away (503).
import { Prisma } from '../generated/prisma/client.js';

interface AdapterCause {
  code?: string;
  originalCode?: string;
  kind?: string;
}

/** The five-character SQLSTATE (e.g. 22021), or a Node network error code (ECONNREFUSED), if there is one. */
export function databaseErrorCode(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = (error.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
    return cause?.originalCode ?? cause?.code;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The database refused a value (NUL byte, number out of range …): the request's fault, not ours. */
export function isInvalidInput(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2020' || error.code === 'P2000')) return true;
  const code = databaseErrorCode(error);
  return code !== undefined && /^22[0-9A-Z]{3}$/.test(code);
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300', '57014']);
const UNAVAILABLE_MESSAGES = /Connection terminated|Query read timeout|timeout exceeded when trying to connect|Connection ended|connect ECONNREFUSED|Can't reach database|server closed the connection|Client has encountered a connection error|the database system is (starting up|shutting down)|canceling statement due to statement timeout/i;
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** The database cannot be reached or is overloaded right now: answer 503 and let the client retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const code = databaseErrorCode(error);
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  return UNAVAILABLE_MESSAGES.test(message);
}
