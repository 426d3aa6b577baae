import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines in production (for log collectors); readable lines when a person watches a terminal. */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  return pino({
    level,
    base: undefined,
    // Never write secrets to the log, wherever they appear in a logged request.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  });
}
