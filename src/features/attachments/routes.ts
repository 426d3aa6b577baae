// Downloads from the shared attachment store. Who may read a file is decided by the features that link files
// to their content (reports now; motions and meetings later): each gives an access rule, and the first rule
// that knows the file decides.
import { Router, type Request, type Response } from 'express';
import type pg from 'pg';
import { Prisma } from '../../db/database.js';
import { selectOne } from '../../db/sql.js';
import { fileContents, IMAGE_TYPES } from '../../lib/attachments.js';
import { NotFoundError } from '../../lib/errors.js';
import { requireIdParam } from '../../lib/http.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';

/** 'read': may download; 'login': only for logged-in members (a visitor goes to the login); undefined: not known here. */
export type AttachmentAccess = (
  pool: pg.Pool,
  attachmentId: number,
  viewer: CurrentUser | undefined,
) => Promise<'read' | 'login' | 'none' | undefined>;

interface StoredFile {
  fileName: string;
  mediaType: string;
  uploadedById: number;
  sha256: string;
}

/** A stored file the viewer may read, with its bytes. */
type ReadableFile = StoredFile & { content: Buffer };

const GONE = 'Diese Datei gibt es nicht (mehr), oder sie gehört zu einem Beitrag, den du nicht sehen kannst.';

export function attachmentRoutes(deps: Pick<Services, 'pool'>, rules: AttachmentAccess[]): Router {
  const router = Router();

  /**
   * The file, if the viewer may read it; a visitor asking for a members-only file is sent to the login. Its bytes
   * are read only once that is decided.
   */
  async function readableFile(req: Request, res: Response): Promise<ReadableFile | undefined> {
    const id = requireIdParam(req, GONE);
    const file = await selectOne<StoredFile>(
      deps.pool,
      Prisma.sql`SELECT file_name AS "fileName", media_type AS "mediaType", uploaded_by_id AS "uploadedById", sha256 FROM attachments WHERE id = ${id}`,
    );
    if (!file) throw new NotFoundError(GONE);
    let decision: Awaited<ReturnType<AttachmentAccess>>;
    for (const rule of rules) {
      decision = await rule(deps.pool, id, req.user);
      if (decision) break;
    }
    // A file nothing links to yet (uploaded with a form not saved so far) belongs to its uploader alone.
    if (decision === undefined && req.user?.id === file.uploadedById) decision = 'read';
    if (decision === 'login' && !req.user) {
      res.redirect(303, `/anmelden?weiter=${encodeURIComponent(req.originalUrl)}`);
      return undefined;
    }
    if (decision !== 'read') throw new NotFoundError(GONE);
    if (res.getHeader('Cache-Control') !== 'no-store') {
      // A file for everyone: its stored checksum is its ETag, so a browser whose copy is current gets 304 Not
      // Modified without the bytes being read. (Files for logged-in people are never kept by a browser.)
      res.set({ ETag: `"${file.sha256}"`, 'Cache-Control': 'public, max-age=300' });
      if (req.fresh) {
        res.status(304).end();
        return undefined;
      }
    }
    const content = (await fileContents(deps.pool, [id])).get(id);
    if (!content) throw new NotFoundError(GONE); // removed in the meantime
    return { ...file, content };
  }

  function sendFile(res: Response, file: ReadableFile, disposition: 'attachment' | 'inline') {
    // The stored type was decided by the file's content; browsers must not guess another (nosniff), and the
    // file never runs as a page of this site (sandbox).
    res.set({
      'Content-Type': file.mediaType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': res.getHeader('Cache-Control') === 'no-store' ? 'private, no-store' : 'public, max-age=300',
    });
    // RFC 6266: an ASCII fallback name plus filename*=UTF-8''… so "Gründung_Überblick.pdf" keeps its umlauts.
    if (disposition === 'attachment') res.attachment(file.fileName);
    else res.set('Content-Disposition', 'inline');
    res.send(file.content);
  }

  router.get('/anhaenge/:id/vorschau', async (req, res) => {
    const file = await readableFile(req, res);
    if (!file) return;
    if (!IMAGE_TYPES.has(file.mediaType)) throw new NotFoundError('Für diese Datei gibt es keine Vorschau.');
    sendFile(res, file, 'inline');
  });

  router.get('/anhaenge/:id/:name', async (req, res) => {
    const file = await readableFile(req, res);
    if (file) sendFile(res, file, 'attachment');
  });

  return router;
}

/** The address a file is downloaded from: its id, and its name for people and "Speichern unter". */
export function attachmentHref(file: { id: number; fileName: string }): string {
  return `/anhaenge/${file.id}/${encodeURIComponent(file.fileName)}`;
}
