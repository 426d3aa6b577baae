// Vorlagen (materials) of a meeting: files from the shared attachment store or Markdown texts, for the whole
// meeting or one agenda item. The lead organiser (or an admin) adds and removes them and sends them out once
// (that date counts for the deadline); everyone who may see the meeting downloads them singly or as one ZIP.
// The ZIP is written a few files at a time, never built whole in memory, and kept on disk while the materials stay
// the same (lib/file-cache.ts): everyone after the first gets the same file.
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';
import type pg from 'pg';
import { Prisma } from '../../db/database.js';
import { select, selectOne } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { fileContents, storeUploads } from '../../lib/attachments.js';
import { formatTimeSpan } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { nameForMail } from '../../lib/mail.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { addPackedFile, storedFile } from '../../lib/zip.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import type { AttachmentAccess } from '../attachments/routes.js';
import type { MeetingRow } from './access.js';
import { numberedAgenda, type NumberedAgendaItem } from './agenda.js';
import { afterMaterialsDeadline } from './deadlines.js';
import { meetingUrl, notifyParticipants } from './notify.js';

export interface MaterialRow {
  id: number;
  title: string;
  body: string;
  agendaItemId: number | null;
  createdAt: Date;
  addedByName: string;
  attachmentId: number | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  /** SHA-256 of the file's bytes (hex). */
  sha256: string | null;
}

export async function listMaterials(pool: pg.Pool, meetingId: number): Promise<MaterialRow[]> {
  return select<MaterialRow>(
    pool,
    Prisma.sql`SELECT mat.id, mat.title, mat.body, mat.agenda_item_id AS "agendaItemId", mat.created_at AS "createdAt",
        u.name AS "addedByName", a.id AS "attachmentId", a.file_name AS "fileName", a.media_type AS "mediaType", a.size_bytes AS "sizeBytes",
        a.sha256
      FROM materials mat JOIN users u ON u.id = mat.added_by_id LEFT JOIN attachments a ON a.id = mat.attachment_id
      WHERE mat.meeting_id = ${meetingId} ORDER BY mat.created_at, mat.id`,
  );
}

export interface ShownMaterial extends MaterialRow {
  /** Added after the materials deadline ("nach Frist"). */
  late: boolean;
  html: string;
}

export interface MaterialGroup {
  /** null: for the whole meeting. */
  item: NumberedAgendaItem | null;
  heading: string;
  materials: ShownMaterial[];
}

/** Materials by what they belong to: the whole meeting first, then each agenda item in agenda order; empty groups left out. */
function byAgendaItem<T extends { agendaItemId: number | null }>(materials: T[], agenda: NumberedAgendaItem[]) {
  const known = new Set(agenda.map((i) => i.id));
  const groups: { item: NumberedAgendaItem | null; materials: T[] }[] = [
    { item: null, materials: materials.filter((m) => m.agendaItemId === null || !known.has(m.agendaItemId)) },
    ...agenda.map((item) => ({ item, materials: materials.filter((m) => m.agendaItemId === item.id) })),
  ];
  return groups.filter((g) => g.materials.length > 0);
}

/** The groups as the page and the mail show them: "Zum ganzen Treffen", then "TOP 2 Titel" … */
export function groupMaterials(
  meeting: Pick<MeetingRow, 'startsAt' | 'endsAt'>,
  materials: MaterialRow[],
  agenda: NumberedAgendaItem[],
): MaterialGroup[] {
  const shown = materials.map((m) => ({
    ...m,
    late: afterMaterialsDeadline(meeting, m.createdAt),
    html: m.body ? renderMarkdown(m.body) : '',
  }));
  return byAgendaItem(shown, agenda).map((g) => ({ ...g, heading: g.item ? `${g.item.label} ${g.item.title}` : 'Zum ganzen Treffen' }));
}

/** Bytes of all files of the meeting's materials: the per-item upload limit counts the whole meeting. */
export async function materialBytes(pool: pg.Pool, meetingId: number): Promise<number> {
  const row = await selectOne<{ total: string | null }>(
    pool,
    Prisma.sql`SELECT sum(a.size_bytes)::text AS total FROM materials mat JOIN attachments a ON a.id = mat.attachment_id WHERE mat.meeting_id = ${meetingId}`,
  );
  return Number(row?.total ?? 0);
}

export interface MaterialInput {
  title: string;
  body: string;
  agendaItemId: number | null;
}

/** Stores the file (checked by content and the limits) and the material; a text material has no file. */
export async function addMaterial(
  deps: Pick<Services, 'prisma' | 'pool' | 'uploadLimits'>,
  meetingId: number,
  user: CurrentUser,
  input: MaterialInput,
  file: Express.Multer.File | undefined,
): Promise<void> {
  let attachmentId: number | null = null;
  if (file) {
    const already = await materialBytes(deps.pool, meetingId);
    const [stored] = await storeUploads(deps.prisma, [file], user.id, deps.uploadLimits, already, 'datei');
    attachmentId = stored!.id;
  }
  await deps.prisma.material.create({
    data: { meetingId, agendaItemId: input.agendaItemId, title: input.title, body: input.body, attachmentId, addedById: user.id },
  });
}

export const MATERIAL_NOT_FOUND = 'Diese Vorlage gibt es nicht (mehr).';

/** Removes a material of this meeting and its file. Returns its title, or undefined when it is not this meeting's. */
export async function deleteMaterial(prisma: Services['prisma'], meetingId: number, materialId: number): Promise<string | undefined> {
  return prisma.$transaction(async (tx) => {
    const material = await tx.material.findFirst({ where: { id: materialId, meetingId }, select: { title: true, attachmentId: true } });
    if (!material) return undefined;
    await tx.material.delete({ where: { id: materialId } });
    if (material.attachmentId) await tx.attachment.delete({ where: { id: material.attachmentId } });
    return material.title;
  });
}

/**
 * "Vorlagen verschicken": the first sending is recorded (the deadline counts it); every sending mails the
 * registered participants the list and the ZIP link.
 */
export async function publishMaterials(
  deps: Pick<Services, 'prisma' | 'pool' | 'mailer' | 'baseUrl'>,
  meeting: MeetingRow,
): Promise<{ notified: number; first: boolean }> {
  if (meeting.status === 'CANCELLED') throw new AppError('Das Treffen ist abgesagt; Vorlagen werden nicht mehr verschickt.', 409);
  const [materials, agenda] = await Promise.all([listMaterials(deps.pool, meeting.id), numberedAgenda(deps.pool, meeting.id)]);
  if (materials.length === 0)
    throw new AppError('Es gibt noch keine Vorlagen zum Verschicken. Bitte zuerst eine Datei oder einen Text hinzufügen.', 409);
  const { count } = await deps.prisma.meeting.updateMany({
    where: { id: meeting.id, materialsPublishedAt: null },
    data: { materialsPublishedAt: new Date() },
  });
  const list = groupMaterials(meeting, materials, agenda)
    .map(
      (g) =>
        `${g.heading}:\n${g.materials.map((m) => `- ${m.title}${m.fileName && m.fileName !== m.title ? ` (${m.fileName})` : ''}`).join('\n')}`,
    )
    .join('\n\n');
  const notified = await notifyParticipants(deps, meeting.id, {
    subject: `Vorlagen: ${meeting.title}`,
    text: (name) =>
      `Hallo ${nameForMail(name)},\n\nfür das Treffen „${meeting.title}“ am ${formatTimeSpan(meeting.startsAt, meeting.endsAt)} ` +
      `sind die Vorlagen da:\n\n${list}\n\nAlle Vorlagen auf einmal (ZIP):\n${meetingUrl(deps.baseUrl, meeting.id, 'vorlagen.zip')}\n\n` +
      `Einzeln ansehen:\n${meetingUrl(deps.baseUrl, meeting.id, 'vorlagen')}\n\nViele Grüße\n${meeting.signature || meeting.leadOrganizerName}`,
  });
  return { notified, first: count === 1 };
}

/** Materials of internal meetings are for members only; a public meeting's materials are for everyone. */
export const materialAttachmentAccess: AttachmentAccess = async (pool, attachmentId, viewer) => {
  const row = await selectOne<{ isPublic: boolean }>(
    pool,
    Prisma.sql`SELECT m.is_public AS "isPublic" FROM materials mat JOIN meetings m ON m.id = mat.meeting_id WHERE mat.attachment_id = ${attachmentId}`,
  );
  if (!row) return undefined;
  return row.isPublic || viewer ? 'read' : 'login';
};

// ---------------------------------------------------------------------------------------------------------------
// The ZIP of all materials

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAMES = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_NAME = 100;

/**
 * A file or folder name that is safe in any unpacking program: no path separators or characters Windows refuses,
 * no control or invisible characters, no leading dots (hidden files, "..") or trailing dots and spaces, not a
 * reserved device name, at most 100 characters (the extension is kept).
 */
export function safeArchiveName(name: string, fallback = 'Datei'): string {
  let clean = name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(UNSAFE_IN_NAMES, '')
    .replace(/[\\/<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!clean) clean = fallback;
  if (WINDOWS_RESERVED.test(clean)) clean = `_${clean}`;
  const chars = [...clean];
  if (chars.length > MAX_NAME) {
    const extension = /\.[\p{L}\p{N}]{1,10}$/u.exec(clean)?.[0] ?? '';
    clean =
      chars
        .slice(0, MAX_NAME - extension.length)
        .join('')
        .trimEnd() + extension;
  }
  return clean;
}

/** The name, or "Name (2).ext", "Name (3).ext" … when the folder already has it (compared as Windows does, ignoring case). */
function uniqueName(taken: Set<string>, folder: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; taken.has(`${folder}${candidate}`.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
  taken.add(`${folder}${candidate}`.toLowerCase());
  return `${folder}${candidate}`;
}

export interface ZipEntry {
  path: string;
  mtime: Date;
  /** A stored file (read from the database when its turn comes) or a text. */
  attachmentId?: number;
  sizeBytes?: number;
  sha256?: string;
  text?: string;
}

/** The archive's entries: a folder "TOP 2 – Titel/" per agenda item, texts as .md files, names unique. */
export function zipEntries(materials: MaterialRow[], agenda: NumberedAgendaItem[]): ZipEntry[] {
  const taken = new Set<string>();
  const folders = new Map<number, string>();
  for (const item of agenda) {
    const folder = `${safeArchiveName(`${item.label} – ${item.title}`, item.label)}/`;
    taken.add(folder.slice(0, -1).toLowerCase());
    folders.set(item.id, folder);
  }
  const entries: ZipEntry[] = [];
  for (const group of byAgendaItem(materials, agenda)) {
    const folder = group.item ? folders.get(group.item.id)! : '';
    for (const m of group.materials) {
      if (m.attachmentId !== null) {
        entries.push({
          path: uniqueName(taken, folder, safeArchiveName(m.fileName ?? m.title)),
          mtime: m.createdAt,
          attachmentId: m.attachmentId,
          sizeBytes: m.sizeBytes ?? 0,
          sha256: m.sha256 ?? '',
        });
      } else {
        const name = `${safeArchiveName(m.title, 'Text').slice(0, MAX_NAME - 3)}.md`;
        entries.push({ path: uniqueName(taken, folder, name), mtime: m.createdAt, text: `# ${m.title}\n\n${m.body}\n` });
      }
    }
  }
  return entries;
}

/** What goes into a meeting's ZIP, and the name it is kept under: a digest of all of it (names, times, contents). */
export interface MaterialsArchive {
  entries: ZipEntry[];
  key: string;
}

/** Raise when the archive's layout changes: kept archives of the old layout are then not taken. */
const ARCHIVE_LAYOUT = 1;
/** The same for everyone who may see the meeting: kept while the content stays the same (sharedResults). */
const archives = sharedResults<MaterialsArchive | null>(1000);

/** The meeting's ZIP as entries and key, or null without materials. */
export function materialsArchive(
  deps: Pick<Services, 'pool' | 'cacheMs'>,
  meetingId: number,
  contentVersion: number | undefined,
): Promise<MaterialsArchive | null> {
  return archives(deps.pool, [meetingId], { contentVersion, ttlMs: deps.cacheMs }, async () => {
    const [materials, agenda] = await Promise.all([listMaterials(deps.pool, meetingId), numberedAgenda(deps.pool, meetingId)]);
    if (materials.length === 0) return null;
    const entries = zipEntries(materials, agenda);
    const contents = entries.map((e) => [e.path, e.mtime.getTime(), e.attachmentId ?? null, e.sha256 ?? null, e.text ?? null]);
    const key = createHash('sha256')
      .update(JSON.stringify([ARCHIVE_LAYOUT, contents]))
      .digest('hex');
    return { entries, key };
  });
}

/** Resolves when the stream can take more, or when it is gone. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** Files read from the database in one go up to this size together (a larger file comes alone). */
const ZIP_BATCH_BYTES = 4 * 1024 * 1024;

/** The entries in groups to read together: consecutive stored files up to ZIP_BATCH_BYTES, texts in between. */
function readBatches(entries: ZipEntry[]): ZipEntry[][] {
  const batches: ZipEntry[][] = [];
  let current: ZipEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entry.sizeBytes ?? 0;
    if (current.length > 0 && entry.attachmentId !== undefined && bytes + size > ZIP_BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Writes the archive to `out` and ends it. The files' bytes are read from the database a few megabytes at a time
 * (readBatches: one round trip for the usual handful of files) and handed on, and the next batch waits until the
 * stream has taken the last one (backpressure). Files are mostly compressed already (PDF, images, Office) and
 * are stored as they are; texts are deflated. A file deleted meanwhile fails the archive (it would be kept
 * without it).
 */
export async function writeZip(pool: pg.Pool, out: Writable, entries: ZipEntry[]): Promise<void> {
  let failure: Error | null = null;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else if (!out.destroyed) out.write(chunk);
    if (final || error) finish();
  });
  for (const batch of readBatches(entries)) {
    if (out.destroyed) {
      zip.terminate();
      return;
    }
    const contents = await fileContents(
      pool,
      batch.flatMap((entry) => (entry.attachmentId !== undefined ? [entry.attachmentId] : [])),
    );
    out.cork(); // the batch's headers and files are written together
    for (const entry of batch) {
      if (entry.attachmentId !== undefined) {
        const data = contents.get(entry.attachmentId);
        if (!data) {
          zip.terminate();
          throw new AppError('Die Vorlagen haben sich gerade geändert. Bitte lade das ZIP noch einmal herunter.', 409);
        }
        addPackedFile(zip, entry.path, storedFile(data), entry.mtime);
      } else {
        const stream = new ZipDeflate(entry.path, { level: 6 });
        stream.mtime = entry.mtime;
        zip.add(stream);
        stream.push(Buffer.from(entry.text ?? '', 'utf8'), true);
      }
      if (failure) break;
    }
    out.uncork();
    if (failure) throw failure;
    if (out.writableNeedDrain) await drained(out);
  }
  zip.end();
  await finished;
  if (failure) throw failure;
  out.end();
}
