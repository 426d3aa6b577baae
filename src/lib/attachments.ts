// The shared attachment store. Files are kept in PostgreSQL (bytea), their type is decided by their content
// (file-type), never by name or the browser's claim, and they are always downloaded as attachments with their
// original name. Features link stored files to what they belong to; who may read a file is decided by the
// feature that links it (see features/attachments/routes.ts).
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import type pg from 'pg';
import { Prisma, type PrismaClient } from '../db/database.js';
import { select } from '../db/sql.js';
import { ValidationError } from './errors.js';
import { cleanLine } from './fields.js';

/** What may be uploaded, by the type the file's content shows. */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG-Bild',
  'image/jpeg': 'JPEG-Bild',
  'image/webp': 'WebP-Bild',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-Dokument',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-Text',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel-Tabelle',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument-Tabelle',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint-Präsentation',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument-Präsentation',
};

export const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

export const ACCEPT_ATTRIBUTE = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.odt,.xlsx,.ods,.pptx,.odp';

export interface UploadLimits {
  /** Largest single file. */
  fileBytes: number;
  /** All files of one item (e.g. one report) together. */
  totalBytes: number;
  /** Files in one form. */
  files: number;
}

/** 20 MB per file and 50 MB per item unless configured otherwise; ten files per form. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { fileBytes: 20 * 1024 * 1024, totalBytes: 50 * 1024 * 1024, files: 10 };

export interface StoredAttachment {
  id: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export const ATTACHMENT_FIELDS = { id: true, fileName: true, mediaType: true, sizeBytes: true } as const;

/**
 * Keeps each file in memory up to the per-file limit and reads past larger ones without keeping them, so the
 * whole form (text fields after the file too) still arrives and the form can name the file that was too large.
 * Bytes kept per request are capped as well: one request holds at most the per-item total plus one file.
 */
class BoundedMemoryStorage implements multer.StorageEngine {
  constructor(private readonly limits: UploadLimits) {}

  _handleFile(req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let kept = true;
    file.stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      req.uploadBytesKept ??= 0;
      if (kept && size <= this.limits.fileBytes && req.uploadBytesKept + chunk.length <= this.limits.totalBytes + this.limits.fileBytes) {
        chunks.push(chunk);
        req.uploadBytesKept += chunk.length;
      } else if (kept) {
        kept = false;
        req.uploadBytesKept -= chunks.reduce((sum, c) => sum + c.length, 0);
        chunks.length = 0;
      }
    });
    file.stream.on('error', callback);
    file.stream.on('end', () => callback(null, { buffer: kept ? Buffer.concat(chunks) : Buffer.alloc(0), size, tooLarge: !kept }));
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    file.buffer = Buffer.alloc(0);
    callback(null);
  }
}

/**
 * Reads a multipart form (text fields and files) into req.body and req.files. A file over the limit does not
 * stop the form: it arrives marked as too large (storeUploads names it), and everything else is kept.
 */
export function multipartForm(limits: UploadLimits, field = 'anhaenge'): RequestHandler {
  const upload = multer({
    storage: new BoundedMemoryStorage(limits),
    // Browsers send file names as UTF-8: "Grüne Liste.pdf" keeps its umlauts.
    defParamCharset: 'utf8',
    limits: { files: limits.files, fields: 200, fieldSize: 200 * 1024, parts: limits.files + 200 },
  }).array(field, limits.files);
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    upload(req, res, (error: unknown) => {
      const code = (error as { code?: string } | undefined)?.code;
      if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') {
        req.uploadProblem =
          limits.files === 1 ? 'Bitte genau eine Datei wählen.' : `Bitte höchstens ${limits.files} Dateien auf einmal hochladen.`;
        return next();
      }
      if (typeof code === 'string' && code.startsWith('LIMIT_')) {
        req.uploadProblem = 'Das Formular ist zu groß. Bitte kürze die Texte oder lade weniger Dateien auf einmal hoch.';
        return next();
      }
      if (error) return next(malformedUpload(error));
      next();
    });
  };
}

/** A body that is not a readable multipart form (cut off, wrong boundary) is the sender's problem: 400. */
function malformedUpload(error: unknown) {
  return Object.assign(new Error(error instanceof Error ? error.message : 'malformed multipart body'), { status: 400 });
}

/**
 * Only the text fields of a multipart form, files read past and dropped: keeps what was typed when a form cannot
 * be processed (expired session), without storing anything that was uploaded.
 */
export const multipartTextFields: RequestHandler = (req, res, next) => {
  multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    fileFilter: (_req, _file, callback) => callback(null, false),
    limits: { fields: 200, fieldSize: 200 * 1024 },
  }).any()(req, res, (error: unknown) => next(error ? malformedUpload(error) : undefined));
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by multipartForm when the upload itself broke a limit (the form says so next to the field). */
      uploadProblem?: string;
      /** Bytes of uploaded files held in memory for this request (BoundedMemoryStorage). */
      uploadBytesKept?: number;
    }
    namespace Multer {
      interface File {
        /** Larger than the per-file limit: read past, not kept. */
        tooLarge?: boolean;
      }
    }
  }
}

/** "1,5 MB", "820 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;
}

/** A file name as people see it: no path, no control characters, NFC, not empty, not too long. */
export function cleanFileName(name: string): string {
  const base = cleanLine(name.split(/[\\/]/).pop() ?? '').replace(/[<>:"|?*]/g, '_');
  return (base || 'Datei').slice(0, 200);
}

/**
 * Stores the uploaded files after checking each one's type by its content and the limits; returns the stored
 * files. Nothing is stored when one file is refused (the form shows the reason next to the upload field).
 */
export async function storeUploads(
  prisma: PrismaClient,
  files: Express.Multer.File[],
  uploadedById: number,
  limits: UploadLimits,
  alreadyBytes: number,
  field = 'anhaenge',
): Promise<StoredAttachment[]> {
  const checked = [];
  let total = alreadyBytes;
  for (const file of files) {
    const name = cleanFileName(file.originalname);
    if (file.size === 0) throw new ValidationError({ [field]: `„${name}“ ist leer.` });
    if (file.tooLarge || file.size > limits.fileBytes)
      throw new ValidationError({ [field]: `„${name}“ ist größer als ${formatBytes(limits.fileBytes)}.` });
    const { fileTypeFromBuffer } = await import('file-type'); // loads with the first upload, not with the app
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !(detected.mime in ALLOWED_TYPES)) {
      throw new ValidationError({
        [field]: `„${name}“ hat keinen erlaubten Dateityp. Möglich sind PDF, Bilder (PNG, JPEG, WebP) und Office-Dokumente (docx, odt, xlsx, ods, pptx, odp). Geprüft wird der Inhalt, nicht die Endung.`,
      });
    }
    total += file.size;
    if (total > limits.totalBytes) {
      throw new ValidationError({ [field]: `Alle Anhänge zusammen dürfen höchstens ${formatBytes(limits.totalBytes)} groß sein.` });
    }
    checked.push({ name, mediaType: detected.mime, buffer: file.buffer });
  }
  const stored: StoredAttachment[] = [];
  for (const file of checked) {
    stored.push(
      await prisma.attachment.create({
        data: {
          fileName: file.name,
          mediaType: file.mediaType,
          sizeBytes: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          content: new Uint8Array(file.buffer),
          uploadedById,
        },
        select: ATTACHMENT_FIELDS,
      }),
    );
  }
  return stored;
}

/**
 * The tables that link stored files to content (attachment_id column). A file no table links to was uploaded with
 * a form that was not saved (yet): it belongs to its uploader and is removed after a day. Features that link files
 * add their table here.
 */
export const ATTACHMENT_LINK_TABLES = ['report_version_attachments', 'materials'] as const;

/** SQL: the attachment `alias` is linked nowhere. */
export function unlinked(alias: string): Prisma.Sql {
  return Prisma.join(
    ATTACHMENT_LINK_TABLES.map(
      (table) => Prisma.sql`NOT EXISTS (SELECT 1 FROM ${Prisma.raw(table)} l WHERE l.attachment_id = ${Prisma.raw(alias)}.id)`,
    ),
    ' AND ',
  );
}

/**
 * Files uploaded with a form that could not be saved yet (invalid input, preview): the form sends their ids
 * back in hidden fields. Only the uploader's own files that nothing links to yet count.
 */
export async function pendingUploads(pool: pg.Pool, ids: number[], uploadedById: number): Promise<StoredAttachment[]> {
  if (ids.length === 0) return [];
  return select<StoredAttachment>(
    pool,
    Prisma.sql`SELECT a.id, a.file_name AS "fileName", a.media_type AS "mediaType", a.size_bytes AS "sizeBytes" FROM attachments a
      WHERE a.id = ANY(${ids}::int[]) AND a.uploaded_by_id = ${uploadedById} AND ${unlinked('a')} ORDER BY a.id`,
  );
}

/** The stored bytes of files, by id (a file removed in the meantime is missing). */
export async function fileContents(pool: pg.Pool, ids: number[]): Promise<Map<number, Buffer>> {
  if (ids.length === 0) return new Map();
  const rows = await select<{ id: number; content: Buffer }>(
    pool,
    Prisma.sql`SELECT id, content FROM attachments WHERE id = ANY(${ids}::int[])`,
  );
  return new Map(rows.map((row) => [row.id, row.content]));
}

/** The uploaded files of a request (multer), also when the form had no file input filled in. */
export function uploadedFiles(req: Request): Express.Multer.File[] {
  return Array.isArray(req.files) ? req.files.filter((f) => f.size > 0 || f.originalname) : [];
}
