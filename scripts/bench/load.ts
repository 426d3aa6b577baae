// Load generation with autocannon (in this process) and logging in through the real form.
import autocannon from 'autocannon';

export interface RunResult {
  connections: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Socket errors and timeouts plus answers with an unexpected status that is not 2xx. */
  errors: number;
  /** Unexpected status codes and how often they came, e.g. { 303: 12 }. */
  unexpected: Record<string, number>;
}

export interface Target {
  baseUrl: string;
  paths: string[];
  cookie?: string | undefined;
  expectStatus?: number | undefined;
}

let current: autocannon.Instance | undefined;

/** Stops a run in progress (Ctrl-C). */
export function stopLoad(): void {
  current?.stop();
}

/**
 * Requests every path once, four at a time, before the timed warm-up: work that happens once per address (a Word
 * template's frame, a page's shared main part) is then not counted as if it happened on every request.
 */
export async function visitEachOnce(target: Target): Promise<void> {
  const headers: Record<string, string> = target.cookie ? { cookie: target.cookie } : {};
  let next = 0;
  const worker = async () => {
    while (next < target.paths.length) {
      const res = await fetch(`${target.baseUrl}${target.paths[next++]}`, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** One autocannon run; several paths are requested in turn across all connections. */
export async function runLoad(target: Target, connections: number, seconds: number): Promise<RunResult> {
  let next = 0;
  const rotate = (request: autocannon.Request): autocannon.Request => ({ ...request, path: target.paths[next++ % target.paths.length] });
  const options: autocannon.Options = {
    url: `${target.baseUrl}${target.paths[0]}`,
    connections,
    duration: seconds,
    timeout: 10,
    headers: target.cookie ? { cookie: target.cookie } : {},
    ...(target.paths.length > 1 ? { requests: [{ setupRequest: rotate }] } : {}),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    current = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  }).finally(() => (current = undefined));

  const unexpected: Record<string, number> = {};
  for (const [code, { count = 0 }] of Object.entries(result.statusCodeStats ?? {})) {
    const status = Number(code);
    if (status !== (target.expectStatus ?? 200) && (status < 200 || status > 299) && count > 0) unexpected[code] = count;
  }
  const duration = result.duration || seconds;
  return {
    connections,
    requests: result.requests.total,
    seconds: duration,
    rps: result.requests.total / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + Object.values(unexpected).reduce((a, b) => a + b, 0),
    unexpected,
  };
}

/** Cookies the way a browser keeps them: name → value, updated from every Set-Cookie. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  names(): string[] {
    return [...this.cookies.keys()];
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Logs in through the real form: GET /anmelden for the CSRF token and the session cookie (whatever the app
 * names it), POST /anmelden, expect 303. Returns the Cookie header for later requests.
 */
export async function logIn(baseUrl: string, email: string, password: string): Promise<{ cookie: string; cookieNames: string[] }> {
  const jar = new CookieJar();
  const form = await fetch(`${baseUrl}/anmelden`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  jar.take(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (form.status !== 200 || !token) throw new Error(`GET /anmelden: status ${form.status}, CSRF token ${token ? 'found' : 'missing'}`);
  if (jar.names().length === 0) throw new Error('GET /anmelden set no session cookie (Secure cookie over plain http?)');

  const res = await fetch(`${baseUrl}/anmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  if (res.status !== 303) throw new Error(`login as ${email} failed: POST /anmelden answered ${res.status} instead of 303`);
  jar.take(res);
  return { cookie: jar.header(), cookieNames: jar.names() };
}

/** One request before measuring: the page answers as expected, and logged-in pages really are logged in. */
export async function checkPage(baseUrl: string, path: string, cookie: string | undefined, expectStatus = 200): Promise<void> {
  const res = await fetch(`${baseUrl}${path}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  if (res.status !== expectStatus) throw new Error(`${path} answered ${res.status} instead of ${expectStatus}`);
  // Pages show the logout form; downloads (ZIP, calendar) cannot, so only pages are checked.
  const isPage = (res.headers.get('content-type') ?? '').startsWith('text/html');
  const loggedIn = body.includes('action="/abmelden"');
  if (cookie && isPage && !loggedIn) throw new Error(`${path} does not look logged in (no logout form on the page)`);
  if (!cookie && loggedIn) throw new Error(`${path} looks logged in without a cookie`);
}
