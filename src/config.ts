// Configuration from environment variables, parsed once at start (zod). A bad value stops start-up
// with one readable line instead of a stack trace (see server.ts).
import { z } from 'zod';

const booleanish = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'muss true oder false sein' }).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A whole number in a range, from an environment variable (a text), with one German message for every way it can be wrong. */
function wholeNumber(min: number, max: number) {
  const message = `muss eine ganze Zahl zwischen ${min} und ${max} sein`;
  return z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v), z.number({ error: message }).int(message).min(min, message).max(max, message));
}

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.pathname.length > 1;
  } catch {
    return false;
  }
}, 'muss eine PostgreSQL-Adresse mit Datenbankname sein, z. B. postgresql://benutzer:passwort@host:5432/datenbank');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'muss development, production oder test sein' }).default('development'),
    PORT: wholeNumber(1, 65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    BASE_URL: z.url({ protocol: /^https?$/, error: 'muss eine Webadresse wie https://erfahrungsboerse.example.org sein' }).optional(),
    DATABASE_URL: postgresUrl.optional(),
    DB_POOL_MAX: wholeNumber(2, 200).default(10),
    DATA_DIR: z.string().min(1).default('.data'),
    EMBEDDED_PG_PORT: wholeNumber(1024, 65535).default(54329),
    SESSION_SECRET: z.string().optional(),
    TRUST_PROXY: z.string().default('false'),
    SMTP_URL: z.string().refine((v) => /^smtps?:\/\//.test(v), 'muss mit smtp:// oder smtps:// beginnen').optional(),
    MAIL_FROM: z.string().min(3, 'muss eine Absenderadresse sein, z. B. "KOG <noreply@example.org>"').default('Kommunale Erfahrungsbörse <noreply@localhost>'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'muss debug, info, warn, error oder silent sein' }).optional(),
    SECURE_COOKIES: booleanish.optional(),
    PAGE_CACHE_SECONDS: wholeNumber(0, 600).default(60),
    UPLOAD_FILE_MB: wholeNumber(1, 500).default(20),
    UPLOAD_TOTAL_MB: wholeNumber(1, 2000).default(50),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32) {
        ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'muss im Produktivbetrieb mindestens 32 Zeichen lang sein' });
      }
      if (!env.BASE_URL) {
        ctx.addIssue({ code: 'custom', path: ['BASE_URL'], message: 'wird im Produktivbetrieb für die Links in E-Mails gebraucht' });
      }
    } else if (env.SESSION_SECRET !== undefined && env.SESSION_SECRET.length < 16) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'ist zu kurz (mindestens 16 Zeichen)' });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string | undefined;
  dbPoolMax: number;
  dataDir: string;
  embeddedPgPort: number;
  /** undefined: server.ts keeps a generated secret in DATA_DIR (development only). */
  sessionSecret: string | undefined;
  trustProxy: boolean | number | string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  secureCookies: boolean;
  /** Pages for visitors without a session are served from memory for this long (0 = never). */
  pageCacheMs: number;
  /** Attachments: largest file, and all files of one item (a report) together. */
  uploadFileBytes: number;
  uploadTotalBytes: number;
}

export class ConfigError extends Error {}

/** Express's "trust proxy" accepts a boolean, a hop count or a list of addresses. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.join('.');
    const given = name in cleaned && !/SECRET|PASSWORD|_URL$/.test(name) ? `=${String(cleaned[name]).slice(0, 60)}` : '';
    throw new ConfigError(`Konfigurationsfehler: ${name}${given} ${issue.message}.`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    baseUrl: (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    databaseUrl: c.DATABASE_URL,
    dbPoolMax: c.DB_POOL_MAX,
    dataDir: c.DATA_DIR,
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    sessionSecret: c.SESSION_SECRET,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    logLevel: c.LOG_LEVEL ?? (c.NODE_ENV === 'test' ? 'silent' : 'info'),
    secureCookies: c.SECURE_COOKIES ?? production,
    pageCacheMs: c.PAGE_CACHE_SECONDS * 1000,
    uploadFileBytes: c.UPLOAD_FILE_MB * 1024 * 1024,
    uploadTotalBytes: c.UPLOAD_TOTAL_MB * 1024 * 1024,
  };
}
