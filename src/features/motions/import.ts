// Import of existing collections of model motions (CSV or JSON, columns documented in the README, example in
// docs/antraege-beispiel.csv). A dry run says what would be created, what is already there (matched by the
// collection's stable key per row) and which rows are invalid, with line number and reason. The import itself
// runs only for a file without invalid rows, in one transaction, and is recorded (who, when, which file).
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { z } from 'zod';
import { Prisma } from '../../db/database.js';
import { select } from '../../db/sql.js';
import { cleanLine, cleanText } from '../../lib/fields.js';
import { AppError, ValidationError } from '../../lib/errors.js';
import { slugFrom } from '../../lib/slugs.js';
import { FEDERAL_STATES, FEDERAL_STATE_CODES } from '../../lib/states.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { scanPlaceholders } from './placeholders.js';
import { COUNCIL_LEVELS, MOTION_KINDS, type CouncilLevel, type MotionKind } from './schema.js';

export const IMPORT_MAX_ROWS = 10_000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const IMPORT_COLUMNS = [
  'quelle_id',
  'titel',
  'art',
  'zusammenfassung',
  'text',
  'begruendung',
  'themen',
  'ebene',
  'laender',
  'buendnis',
  'sichtbarkeit',
] as const;
const REQUIRED_COLUMNS = ['quelle_id', 'titel', 'art', 'text'] as const;

export interface ImportRow {
  line: number;
  sourceKey: string;
  title: string;
  motionKind: MotionKind;
  summary: string;
  body: string;
  reasoning: string;
  topicIds: number[];
  councilLevel: CouncilLevel | null;
  states: string[];
  allianceId: number | null;
  visibility: 'PUBLIC' | 'MEMBERS';
}

export interface ImportPlan {
  rows: number;
  create: ImportRow[];
  /** Already imported earlier (same key): left as they are. */
  matched: { line: number; sourceKey: string; title: string }[];
  invalid: { line: number; reason: string }[];
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();

/** "Antrag", "antrag", "ANTRAG" or "Hintergrundinformation" → the code. */
function lookup<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const wanted = fold(text);
  return (Object.entries(labels) as [T, string][]).find(
    ([code, label]) => fold(code) === wanted || fold(label) === wanted || fold(label).split('/').includes(wanted),
  )?.[0];
}

/** The text of an uploaded file: UTF-8 (with or without BOM); anything else gets a clear message. */
export function decodeFile(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ValidationError({
      datei:
        'Die Datei ist nicht in UTF-8 gespeichert (vermutlich „ANSI“/Windows-1252 aus Excel). Bitte in Excel „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen oder in LibreOffice den Zeichensatz „Unicode (UTF-8)“.',
    });
  }
}

/** The file's rows as records with their line numbers: CSV (delimiter ; , or tab, found from the header) or JSON. */
export function readRecords(text: string, fileName: string): { line: number; record: Record<string, unknown> }[] {
  const trimmed = text.trimStart();
  if (fileName.toLowerCase().endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ValidationError({ datei: `Die JSON-Datei lässt sich nicht lesen: ${(error as Error).message.slice(0, 200)}` });
    }
    const list = Array.isArray(data)
      ? data
      : data && typeof data === 'object' && Array.isArray((data as { antraege?: unknown }).antraege)
        ? (data as { antraege: unknown[] }).antraege
        : null;
    if (!list)
      throw new ValidationError({
        datei: 'Die JSON-Datei muss eine Liste von Einträgen enthalten: [{"quelle_id": "…", "titel": "…", …}, …].',
      });
    return list.map((record, i) => ({
      line: i + 1,
      record: record && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : {},
    }));
  }
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', ',', '\t'].map((d) => [d, header.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as never;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ValidationError({
        datei: `Die CSV-Datei ist fehlerhaft${line ? ` (Zeile ${line})` : ''}: meist ein Anführungszeichen, das nicht geschlossen wird.`,
      });
    }
    throw error;
  }
  const [head, ...body] = rows;
  if (!head) throw new ValidationError({ datei: 'Die Datei ist leer.' });
  const columns = head.record.map((c) => fold(c));
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    // One column where four are needed: the file uses another separator (e.g. "|" or a fixed width).
    const otherDelimiter = columns.length === 1;
    throw new ValidationError({
      datei:
        `Es fehlen Spalten: ${missing.join(', ')}. Die erste Zeile muss die Spaltennamen enthalten (${IMPORT_COLUMNS.join(', ')}).` +
        (otherDelimiter ? ' Das Trennzeichen wurde nicht erkannt: bitte Semikolon oder Komma verwenden.' : ''),
    });
  }
  return body.map(({ record, info }) => ({
    line: info.lines,
    record: record.length > columns.length ? { _extra: true } : Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])),
  }));
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : text(v).split(/[|;,]/)).map((s) => cleanLine(s)).filter(Boolean);

/** Checks every row against the database: topics, alliances, keys already imported, keys twice in the file. */
export async function planImport(
  deps: Pick<Services, 'pool' | 'topics'>,
  records: { line: number; record: Record<string, unknown> }[],
): Promise<ImportPlan> {
  if (records.length > IMPORT_MAX_ROWS)
    throw new ValidationError({
      datei: `Die Datei hat ${records.length} Zeilen; höchstens ${IMPORT_MAX_ROWS.toLocaleString('de-DE')} lassen sich auf einmal importieren.`,
    });
  const topics = await deps.topics.all();
  const topicByName = new Map(topics.flatMap((t) => [[fold(t.name), t.id] as const, [t.slug, t.id] as const]));
  const allianceRows = await select<{ id: number; slug: string }>(deps.pool, Prisma.sql`SELECT id, slug FROM alliances`);
  const allianceBySlug = new Map(allianceRows.map((a) => [a.slug, a.id]));
  const keys = records.map((r) => cleanLine(text(r.record.quelle_id)));
  const existing = new Map(
    (
      await select<{ sourceKey: string; title: string }>(
        deps.pool,
        Prisma.sql`SELECT source_key AS "sourceKey", title FROM reports WHERE source_key = ANY(${keys}::text[])`,
      )
    ).map((r) => [r.sourceKey, r.title]),
  );
  const plan: ImportPlan = { rows: records.length, create: [], matched: [], invalid: [] };
  const seen = new Map<string, number>();
  for (const { line, record } of records) {
    const problems: string[] = [];
    if (record._extra) {
      plan.invalid.push({ line, reason: 'mehr Felder als Spalten (vermutlich ein Trennzeichen im Text ohne Anführungszeichen)' });
      continue;
    }
    const sourceKey = cleanLine(text(record.quelle_id));
    const title = cleanLine(text(record.titel));
    const body = cleanText(text(record.text));
    const kind = lookup(MOTION_KINDS, text(record.art));
    if (!sourceKey) problems.push('quelle_id fehlt');
    else if (sourceKey.length > 200) problems.push('quelle_id ist länger als 200 Zeichen');
    else if (seen.has(sourceKey)) problems.push(`quelle_id „${sourceKey}“ steht schon in Zeile ${seen.get(sourceKey)}`);
    if (title.length < 3) problems.push('Titel fehlt oder ist kürzer als 3 Zeichen');
    if (title.length > 200) problems.push('Titel ist länger als 200 Zeichen');
    if (!kind) problems.push(`Art „${text(record.art)}“ unbekannt (erlaubt: ${Object.values(MOTION_KINDS).join(', ')})`);
    if (body.length < 20) problems.push('Text fehlt oder ist kürzer als 20 Zeichen');
    if (body.length > 50_000) problems.push('Text ist länger als 50 000 Zeichen');
    const summary = cleanText(text(record.zusammenfassung)).slice(0, 500);
    const reasoning = cleanText(text(record.begruendung));
    const { malformed } = scanPlaceholders(title, body, reasoning);
    if (malformed.length) problems.push(`Platzhalter nicht geschlossen: ${malformed.join(', ')}`);
    const topicIds: number[] = [];
    for (const name of list(record.themen)) {
      const id = topicByName.get(fold(name));
      if (id) topicIds.push(id);
      else problems.push(`Thema „${name}“ gibt es nicht`);
    }
    const levelText = cleanLine(text(record.ebene));
    const councilLevel = levelText ? lookup(COUNCIL_LEVELS, levelText) : null;
    if (councilLevel === undefined) problems.push(`Ebene „${levelText}“ unbekannt (erlaubt: ${Object.values(COUNCIL_LEVELS).join(', ')})`);
    const states: string[] = [];
    for (const name of list(record.laender)) {
      if (fold(name) === 'alle') continue;
      const code = FEDERAL_STATE_CODES.find((c) => c.toLowerCase() === name.toLowerCase() || fold(FEDERAL_STATES[c]) === fold(name));
      if (code) states.push(code);
      else problems.push(`Bundesland „${name}“ unbekannt`);
    }
    const allianceSlug = cleanLine(text(record.buendnis));
    const allianceId = allianceSlug ? (allianceBySlug.get(allianceSlug) ?? null) : null;
    if (allianceSlug && !allianceId)
      problems.push(`Bündnis „${allianceSlug}“ gibt es nicht (bitte die Adresse wie in /buendnisse/… angeben)`);
    const visibilityText = fold(text(record.sichtbarkeit));
    const visibility =
      !visibilityText || visibilityText.startsWith('öffentlich') ? 'PUBLIC' : visibilityText.startsWith('mitglied') ? 'MEMBERS' : undefined;
    if (!visibility) problems.push(`Sichtbarkeit „${text(record.sichtbarkeit)}“ unbekannt (öffentlich oder mitglieder)`);
    if (sourceKey && !seen.has(sourceKey)) seen.set(sourceKey, line);

    if (problems.length) plan.invalid.push({ line, reason: problems.join('; ') });
    else if (existing.has(sourceKey)) plan.matched.push({ line, sourceKey, title: existing.get(sourceKey)! });
    else {
      plan.create.push({
        line,
        sourceKey,
        title,
        motionKind: kind!,
        summary,
        body,
        reasoning,
        topicIds: [...new Set(topicIds)],
        councilLevel: councilLevel ?? null,
        states,
        allianceId,
        visibility: visibility!,
      });
    }
  }
  return plan;
}

/** Free slugs for the new rows (a title already taken gets -2, -3 …). */
async function freeSlugs(deps: Pick<Services, 'pool'>, titles: string[]): Promise<string[]> {
  const bases = titles.map((t) => slugFrom(t));
  const taken = new Set(
    (
      await select<{ slug: string }>(
        deps.pool,
        Prisma.sql`SELECT slug FROM reports WHERE regexp_replace(slug, '-[0-9]+$', '') = ANY(${[...new Set(bases)]}::text[])`,
      )
    ).map((r) => r.slug),
  );
  return bases.map((base) => {
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

/** Creates the planned motions as published, from the named source, in one transaction: all or nothing. */
export async function runImport(
  deps: Pick<Services, 'prisma' | 'pool'>,
  admin: CurrentUser,
  plan: ImportPlan,
  file: { fileName: string; sourceName: string },
): Promise<number> {
  if (plan.invalid.length)
    throw new AppError('Die Datei hat fehlerhafte Zeilen; importiert wird erst, wenn alle Zeilen in Ordnung sind.', 422);
  const rows = plan.create;
  const slugs = await freeSlugs(
    deps,
    rows.map((r) => r.title),
  );
  const column = <K extends keyof ImportRow>(key: K) => rows.map((r) => r[key]);
  return deps.prisma.$transaction(
    async (tx) => {
      const record = await tx.motionImport.create({
        data: {
          fileName: file.fileName,
          sourceName: file.sourceName,
          importedById: admin.id,
          createdCount: rows.length,
          matchedCount: plan.matched.length,
        },
      });
      if (rows.length === 0) return record.id;
      const states = rows.map((r) => r.states.join('|'));
      const levels = rows.map((r) => r.councilLevel ?? '');
      // One statement per table: 10 000 rows import in seconds, not minutes.
      const created = await tx.$queryRaw<{ id: number; sourceKey: string }[]>`
        WITH input AS (
          SELECT * FROM unnest(${slugs}::text[], ${column('sourceKey')}::text[], ${column('title')}::text[], ${column('motionKind')}::text[], ${column('summary')}::text[],
            ${column('body')}::text[], ${column('reasoning')}::text[], ${levels}::text[], ${states}::text[], ${column('allianceId')}::int[], ${column('visibility')}::text[])
            WITH ORDINALITY AS t(slug, source_key, title, kind, summary, body, reasoning, level, states, alliance_id, visibility, ord))
        INSERT INTO reports (slug, type, author_id, status, title, summary, body, reasoning, motion_kind, council_level, states, alliance_id, visibility,
          author_display, source_key, source_name, import_id, published_at, first_published_at, updated_at)
        SELECT slug, 'MOTION', ${admin.id}, 'PUBLISHED', title, summary, body, reasoning, kind::motion_kind, nullif(level, '')::council_level,
          CASE WHEN states = '' THEN '{}'::text[] ELSE string_to_array(states, '|') END, alliance_id, visibility::visibility,
          'ALLIANCE', source_key, ${file.sourceName}, ${record.id}, now(), now(), now()
        FROM input ORDER BY ord
        RETURNING id, source_key AS "sourceKey"`;
      const idByKey = new Map(created.map((c) => [c.sourceKey, c.id]));
      const ids = rows.map((r) => idByKey.get(r.sourceKey)!);
      await tx.$executeRaw`
        INSERT INTO report_versions (report_id, number, status, title, summary, body, reasoning, motion_kind, council_level, states, alliance_id, visibility,
          author_display, created_by_id, principles_confirmed_at, submitted_at, decided_at, updated_at)
        SELECT r.id, 1, 'PUBLISHED', r.title, r.summary, r.body, r.reasoning, r.motion_kind, r.council_level, r.states, r.alliance_id, r.visibility,
          r.author_display, ${admin.id}, now(), now(), now(), now()
        FROM reports r WHERE r.id = ANY(${ids}::int[])`;
      await tx.$executeRaw`UPDATE reports r SET published_version_id = v.id FROM report_versions v WHERE v.report_id = r.id AND r.id = ANY(${ids}::int[])`;
      const pairs = rows.flatMap((r, i) => r.topicIds.map((topicId) => [ids[i]!, topicId] as const));
      if (pairs.length) {
        const reportIds = pairs.map((p) => p[0]);
        const topicIds = pairs.map((p) => p[1]);
        await tx.$executeRaw`INSERT INTO report_topics (report_id, topic_id) SELECT * FROM unnest(${reportIds}::int[], ${topicIds}::int[])`;
        await tx.$executeRaw`
          INSERT INTO report_version_topics (version_id, topic_id)
          SELECT r.published_version_id, t.topic_id FROM unnest(${reportIds}::int[], ${topicIds}::int[]) AS t(report_id, topic_id) JOIN reports r ON r.id = t.report_id`;
      }
      await tx.moderationDecision.create({
        data: {
          subjectType: 'motion_import',
          subjectId: record.id,
          decision: 'imported',
          reason: `${rows.length} Vorlagen aus „${file.sourceName}“ (${file.fileName})`,
          decidedById: admin.id,
        },
      });
      return record.id;
    },
    { timeout: 120_000 },
  );
}

/** The latest imports, for the import page. */
export function recentImports(deps: Pick<Services, 'pool'>) {
  return select<{
    id: number;
    fileName: string;
    sourceName: string;
    createdCount: number;
    matchedCount: number;
    createdAt: Date;
    adminName: string;
  }>(
    deps.pool,
    Prisma.sql`SELECT i.id, i.file_name AS "fileName", i.source_name AS "sourceName", i.created_count AS "createdCount", i.matched_count AS "matchedCount",
        i.created_at AS "createdAt", u.name AS "adminName"
      FROM motion_imports i JOIN users u ON u.id = i.imported_by_id ORDER BY i.created_at DESC LIMIT 10`,
  );
}

export const importFormSchema = z.object({
  quelle: z.preprocess(
    (v) => (typeof v === 'string' ? cleanLine(v) : ''),
    z.string().min(3, 'Bitte die Sammlung nennen, aus der die Vorlagen stammen (mindestens 3 Zeichen).').max(200, 'Höchstens 200 Zeichen.'),
  ),
});
