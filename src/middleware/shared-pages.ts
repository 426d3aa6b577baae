// The main part of a page that reads the same for everyone with the same role (the lists of reports, motions and
// decisions) is rendered once and kept while the site's content stays the same (the content version, see
// db/content-version.ts); only the frame around it – the header with the person's name, messages – is rendered for
// every request. A logged-in request reads the version together with its session, so whoever changed something sees
// the change with their next page, and everyone else too. A kept part is renewed after maxAgeMs at the latest, for
// what changes with the clock alone (overdue decisions, upcoming meetings).
//
// What makes this safe: the part is rendered with nothing of the person but their role (currentUser is { role }),
// and a part that asks for the person's security token (a form) is never kept – unless the page says its forms are
// the same for everyone but the token (`formsWithToken`): then the part is kept with a random stand-in for the token,
// and each request puts in the person's own. Where one small piece of the part differs for the person (their own
// card in the members' list has no contact button), the view marks it and the page's `personalize` changes the kept
// part for each request. A page where the person appears (their own report, their comments) says so (`personal`)
// and is rendered for them alone. Visitors are not served from here: they have the page cache
// (middleware/page-cache.ts).
//
// A page that is one person's own (/konto, with its forms) can keep its main part for that session instead
// (renderOwnCopy), under versions the page names that cover everything the part shows.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { contentVersionOf } from '../db/content-version.js';
import type { Role } from '../generated/prisma/enums.js';
import { boundedMap } from '../lib/cache.js';
import { hasRole } from './auth.js';

type Locals = Record<string, unknown>;

/** What views/layout.ejs reads from a page's own locals; kept with the part it frames. */
const LAYOUT_LOCALS = ['title', 'feeds', 'scripts', 'errors'] as const;

/** Stands for the kept part while the frame around it is rendered; the bytes of the part take its place. */
const BODY_MARK = '\u0000kept-page-body\u0000';

/**
 * Stands for the person's security token in a kept part. Random for each process, so no text a person writes can
 * contain it (and so receive another person's token); letters and digits only, so escaping and URL encoding leave it
 * as it is.
 */
const TOKEN_MARK = `keptToken${randomBytes(16).toString('hex')}`;
const TOKEN_MARK_BYTES = Buffer.from(TOKEN_MARK);

interface KeptBody {
  version: number;
  expires: number;
  /** The part as sent (UTF-8), encoded once: a request only adds the frame's few bytes around it. */
  bytes: Buffer;
  layoutLocals: Locals;
}

export interface SharedPageOptions {
  /** The longest a part is kept, also when the content stayed the same. */
  maxAgeMs: number;
  /** Upper bound for the memory the kept parts take (oldest leave first). */
  maxBytes: number;
}

/** Adapts a kept main part to the person who asked: cuts out pieces (no copying, no rendering). */
export type Personalize = (body: Buffer) => Buffer[];

export interface SharedPageChoices {
  /** Changes the kept part for the person who asked (see Personalize). */
  personalize?: Personalize | undefined;
  /**
   * The part's forms are the same for everyone with the role but for the security token: the part is kept with a
   * stand-in that each request replaces with the person's token. Without it, a part with a form is never kept.
   */
  formsWithToken?: boolean | undefined;
  /** The person appears in the part (their own contribution, their comments): it is rendered for them alone. */
  personal?: boolean | undefined;
}

export type RenderShared = (
  req: Request,
  res: Response,
  view: string,
  load: () => Promise<Locals>,
  choices?: SharedPageChoices,
) => Promise<void>;

export type RenderOwnCopy = (
  req: Request,
  res: Response,
  view: string,
  versions: unknown[] | undefined,
  load: () => Promise<Locals>,
) => Promise<void>;

export interface PageBodies {
  shared: RenderShared;
  ownCopy: RenderOwnCopy;
}

export function sharedPageBodies(options: SharedPageOptions): PageBodies {
  const kept = boundedMap<string, KeptBody>(options.maxBytes, (key, body) => 2 * key.length + body.bytes.length);
  /** Views that showed a role a form (a security token): rendered for each request from then on. */
  const personal = new Set<string>();

  /**
   * The part kept under `key` while the content version stays the same (and maxAgeMs at most), else a new one from
   * `render`; undefined when `render` answered the request itself (nothing to keep).
   */
  const keptPart = async (
    key: string,
    version: number,
    render: () => Promise<{ html: string; locals: Locals } | undefined>,
  ): Promise<KeptBody | undefined> => {
    const now = Date.now();
    const body = kept.get(key);
    if (body && body.version === version && body.expires > now) return body;
    const rendered = await render();
    if (!rendered) return undefined;
    const fresh = {
      version,
      expires: now + options.maxAgeMs,
      bytes: Buffer.from(rendered.html),
      layoutLocals: layoutLocalsOf(rendered.locals),
    };
    kept.set(key, fresh);
    return fresh;
  };

  const ownCopy: RenderOwnCopy = async (req, res, view, versions, load) => {
    const version = contentVersionOf(req);
    // Typed values of a form whose token had expired go into this one rendering (middleware/csrf.ts).
    if (!req.session || versions === undefined || version === undefined || req.session.expiredForm) return res.render(view, await load());
    const body = await keptPart(JSON.stringify(['own', req.sessionID, req.originalUrl, ...versions]), version, async () => {
      const locals = await load();
      return { html: await renderPart(res, view, { ...locals, layout: false }), locals };
    });
    await sendFramed(res, view, body!.layoutLocals, [body!.bytes]);
  };

  const shared: RenderShared = async (req, res, view, load, choices = {}) => {
    const version = contentVersionOf(req);
    const role = req.user?.role;
    const { personalize = (body: Buffer) => [body], formsWithToken = false } = choices;
    // A form whose token had expired shows the typed values once (middleware/csrf.ts): that rendering is the person's.
    const restoresForm = formsWithToken && !!req.session?.expiredForm;
    if (!role || version === undefined || choices.personal || restoresForm || personal.has(`${view} ${role}`)) {
      return res.render(view, await load());
    }
    const body = await keptPart(JSON.stringify([role, req.originalUrl]), version, async () => {
      const locals = await load();
      const rendered = await renderForRole(res, view, locals, role, formsWithToken);
      if (!rendered.usedToken || formsWithToken) return { html: rendered.html, locals };
      personal.add(`${view} ${role}`);
      res.render(view, locals);
      return undefined;
    });
    if (!body) return;
    const parts = personalize(body.bytes);
    await sendFramed(res, view, body.layoutLocals, formsWithToken ? withToken(parts, res.locals.csrfToken as () => string) : parts);
  };
  return { shared, ownCopy };
}

const layoutLocalsOf = (locals: Locals): Locals =>
  Object.fromEntries(LAYOUT_LOCALS.filter((name) => name in locals).map((name) => [name, locals[name]]));

/**
 * The page: the frame (layout) rendered for this request, with the kept bytes in it. Sent as bytes, so the part is
 * neither copied into one big string nor encoded again; no ETag, as the page is never kept by a browser (no-store).
 */
function sendFramed(res: Response, view: string, layoutLocals: Locals, parts: Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    res.render(view, { ...layoutLocals, renderedBody: BODY_MARK }, (error: Error | null, frame?: string) => {
      const at = frame?.indexOf(BODY_MARK) ?? -1;
      if (error || frame === undefined || at < 0) return reject(error ?? new Error(`${view}: the layout has no place for the page`));
      const page = Buffer.concat([Buffer.from(frame.slice(0, at)), ...parts, Buffer.from(frame.slice(at + BODY_MARK.length))]);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Length', page.length);
      res.end(page);
      resolve();
    });
  });
}

/** The view rendered with these locals, as text (no layout: the locals say layout: false). */
function renderPart(res: Response, view: string, locals: Locals): Promise<string> {
  return new Promise((resolve, reject) =>
    res.render(view, locals, (error: Error | null, html?: string) => (error ? reject(error) : resolve(html ?? ''))),
  );
}

/**
 * The view without the layout, seen by nobody in particular with this role. Its forms get the person's token, or,
 * with `markToken`, the stand-in for it.
 */
async function renderForRole(
  res: Response,
  view: string,
  locals: Locals,
  role: Role,
  markToken: boolean,
): Promise<{ html: string; usedToken: boolean }> {
  const audience = { role };
  let usedToken = false;
  const personalToken = res.locals.csrfToken as () => string;
  const csrfToken = () => {
    usedToken = true;
    return markToken ? TOKEN_MARK : personalToken();
  };
  const html = await renderPart(res, view, {
    ...locals,
    layout: false,
    currentUser: audience,
    hasRole: (wanted: Role) => hasRole(audience, wanted),
    csrfToken,
    csrfQuery: () => `_csrf=${encodeURIComponent(csrfToken())}`,
  });
  return { html, usedToken };
}

/** The kept parts with the person's security token in place of every stand-in (created only if a form needs it). */
function withToken(parts: Buffer[], personalToken: () => string): Buffer[] {
  let token: Buffer | undefined;
  const result: Buffer[] = [];
  for (const part of parts) {
    let from = 0;
    for (let at = part.indexOf(TOKEN_MARK_BYTES); at >= 0; at = part.indexOf(TOKEN_MARK_BYTES, from)) {
      token ??= Buffer.from(personalToken());
      result.push(part.subarray(from, at), token);
      from = at + TOKEN_MARK_BYTES.length;
    }
    result.push(from === 0 ? part : part.subarray(from));
  }
  return result;
}

/**
 * Renders `view` with what `load` gives, through the app's shared page bodies when it keeps pages (createApp,
 * PAGE_CACHE_SECONDS); otherwise as usual. For pages whose main part depends on the viewer's role and the URL only,
 * apart from what `choices` name (rendered as usual, the view leaves that out by itself).
 */
export async function renderShared(
  req: Request,
  res: Response,
  view: string,
  load: () => Promise<Locals>,
  choices?: SharedPageChoices,
): Promise<void> {
  const bodies = req.app.get('page bodies') as PageBodies | undefined;
  if (bodies) return bodies.shared(req, res, view, load, choices);
  res.render(view, await load());
}

/**
 * Renders `view` with what `load` gives; the main part is kept for this session while `versions` (and the content
 * version) stay the same, when the app keeps pages. `versions` must cover everything the part shows of the person
 * (undefined: not known, rendered as usual). The frame around it is rendered for each request.
 */
export async function renderOwnCopy(
  req: Request,
  res: Response,
  view: string,
  versions: unknown[] | undefined,
  load: () => Promise<Locals>,
): Promise<void> {
  const bodies = req.app.get('page bodies') as PageBodies | undefined;
  if (bodies) return bodies.ownCopy(req, res, view, versions, load);
  res.render(view, await load());
}
