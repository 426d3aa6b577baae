import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON lines in production (for log collectors), written asynchronously so a busy site does not wait for the
 * terminal or the log file; readable lines when a person watches a terminal.
 */
export function createLogger(level: string, options: { pretty?: boolean; async?: boolean } = {}): Logger {
  const settings = {
    level,
    base: undefined,
    // Never write secrets to the log, wherever they appear in a logged request.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  };
  if (options.pretty) {
    return pino({ ...settings, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return options.async ? pino(settings, pino.destination({ sync: false })) : pino(settings);
}
