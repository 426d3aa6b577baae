import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function startServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('configuration', () => {
  it('has working defaults for a first start', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('.data');
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'nicht einmal eine URL' }, /DATABASE_URL/],
    [{ PORT: 'achtzig' }, /PORT/],
    [{ NODE_ENV: 'production', BASE_URL: 'https://example.org', SESSION_SECRET: 'kurz' }, /SESSION_SECRET.*32/],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }, /BASE_URL/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{ PORT: 'abc' }, 'Konfigurationsfehler: PORT=abc muss eine ganze Zahl zwischen 1 und 65535 sein.'],
    [{ PORT: '70000' }, 'Konfigurationsfehler: PORT=70000 muss eine ganze Zahl zwischen 1 und 65535 sein.'],
    [{ DB_POOL_MAX: '1' }, 'Konfigurationsfehler: DB_POOL_MAX=1 muss eine ganze Zahl zwischen 2 und 200 sein.'],
    [{ LOG_LEVEL: 'laut' }, 'Konfigurationsfehler: LOG_LEVEL=laut muss debug, info, warn, error oder silent sein.'],
    [{ SECURE_COOKIES: 'vielleicht' }, 'Konfigurationsfehler: SECURE_COOKIES=vielleicht muss true oder false sein.'],
    [{ NODE_ENV: 'staging' }, 'Konfigurationsfehler: NODE_ENV=staging muss development, production oder test sein.'],
  ])('says what is wrong with %o in one German sentence', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never repeats a secret in its message', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://benutzer:geheim@mail' })).not.toThrow(/geheim/);
    expect(() => loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://x.org', SESSION_SECRET: 'geheim' })).not.toThrow(/geheim/);
  });

  it('stops the server at start with one clear line and no stack trace', async () => {
    const { code, stderr } = await startServer({ DATABASE_URL: 'postgres://nur-ein-host' });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Konfigurationsfehler: DATABASE_URL muss eine PostgreSQL-Adresse/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('stops with one clear line when the database cannot be reached', async () => {
    const { code, stderr } = await startServer({ DATABASE_URL: 'postgresql://keb:x@127.0.0.1:1/keb' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Start fehlgeschlagen: .*ECONNREFUSED/);
  });
});
