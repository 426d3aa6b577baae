import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function startServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
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

  it('stops the server at start with one clear line and no stack trace', async () => {
    const { code, stderr } = await startServer({ DATABASE_URL: 'postgres://nur-ein-host' });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Konfigurationsfehler \/ configuration error: DATABASE_URL/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('stops with one clear line when the database cannot be reached', async () => {
    const { code, stderr } = await startServer({ DATABASE_URL: 'postgresql://keb:x@127.0.0.1:1/keb' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Start fehlgeschlagen \/ start-up failed: .*ECONNREFUSED/);
  });
});
