// Goals and the results table: once for the terminal, once as Markdown for bench/ERGEBNISSE.md.
import { formatDateTime } from '../../src/lib/dates.js';
import type { RunResult } from './load.js';
import type { Access } from './pages.js';
import type { ForeignLoad } from './processes.js';
import type { SearchResult } from './search.js';
import type { SeedSummary } from './seed.js';

export const GOALS = {
  /** Share of the bare Express route's requests per second at 10 connections. */
  anonymousShare: 0.25,
  loggedInShare: 0.1,
  p99At32Ms: 100,
  peakMemoryMb: 250,
  warmRestartMs: 1_500,
  freshStartMs: 10_000,
  /** Report search (listReports with a query) at the seeded volume, 95th percentile. */
  searchP95Ms: 25,
};

/** Seconds of each short run of the bare route right before and after a page's run at 10 connections. */
export const BARE_BESIDE_SECONDS = 2;

export interface PageResult {
  name: string;
  access: Access;
  urls: number;
  at10: RunResult;
  at32: RunResult;
  /** The bare route's req/s @10 right before and after this page's run at 10 connections (mean): its reference. */
  bareRps: number;
}

export interface BenchReport {
  startedAt: Date;
  totalSeconds: number;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; postgres: string; database: string };
  settings: { seconds: number; warmupSeconds: number; filter: string | undefined };
  volume: SeedSummary;
  search: SearchResult;
  /** The bare route's longer run shown in the table, and the req/s @10 of both (before and after the pages). */
  bare: { at10: RunResult; at32: RunResult; runs: number[] };
  pages: PageResult[];
  memory: { idleMb: number | undefined; peakMb: number | undefined };
  /** CPU used by other programs on the machine during load and warm restarts, in percent of one core. */
  foreignLoad: ForeignLoad | undefined;
  startup: { warmRestartsMs: number[]; freshStartMs: number };
}

const ACCESS_LABELS: Record<Access, string> = { anonymous: 'Besucher/in', member: 'Mitglied', organizer: 'Organisator/in' };

const number = (value: number, digits = 0) =>
  new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const seconds = (ms: number) => `${number(ms / 1000, 1)} s`;

function shareGoal(access: Access): number {
  return access === 'anonymous' ? GOALS.anonymousShare : GOALS.loggedInShare;
}

function errorsCell(runs: RunResult[]): string {
  const total = runs.reduce((sum, r) => sum + r.errors, 0);
  const codes: Record<string, number> = {};
  for (const run of runs) for (const [code, n] of Object.entries(run.unexpected)) codes[code] = (codes[code] ?? 0) + n;
  const detail = Object.entries(codes)
    .map(([code, n]) => `${n}× ${code}`)
    .join(', ');
  return `${number(total)} ${mark(total === 0)}${detail ? ` (${detail})` : ''}`;
}

const latencyCell = (run: RunResult, goal?: number) =>
  `${number(run.p50)} / ${number(run.p99)} ms${goal === undefined ? '' : ` ${mark(run.p99 < goal)}`}`;

/** A page's requests per second as a share of the bare route measured beside it. */
const shareOf = (page: PageResult) => page.at10.rps / page.bareRps;

/** The table as rows of cells; the first row is the heading. */
export function tableRows(report: BenchReport): string[][] {
  const rows = [
    ['Seite', 'Zugang', 'Anfragen/s @10', 'Express pur daneben', 'Anteil', 'p50 / p99 @10', 'p50 / p99 @32', 'Fehler'],
    [
      'Express pur (GET /)',
      '–',
      number(report.bare.at10.rps),
      '–',
      '100 %',
      latencyCell(report.bare.at10),
      latencyCell(report.bare.at32),
      errorsCell([report.bare.at10, report.bare.at32]),
    ],
  ];
  for (const page of report.pages) {
    const share = shareOf(page);
    rows.push([
      page.urls > 1 ? `${page.name} (${page.urls} URLs)` : page.name,
      ACCESS_LABELS[page.access],
      number(page.at10.rps),
      number(page.bareRps),
      `${number(share * 100)} % ${mark(share >= shareGoal(page.access))}`,
      latencyCell(page.at10),
      latencyCell(page.at32, GOALS.p99At32Ms),
      errorsCell([page.at10, page.at32]),
    ]);
  }
  return rows;
}

/** Memory, start-up and how many goals are met, as lines of text (Markdown-friendly). */
export function summaryLines(report: BenchReport): string[] {
  const { memory, startup } = report;
  const restart = median(startup.warmRestartsMs);
  const mb = (value: number | undefined) => (value === undefined ? 'nicht messbar (kein /proc)' : `${number(value)} MB`);
  const { search } = report;
  return [
    `Volltextsuche in ${number(report.volume.readableReports)} Berichten (${search.queries} typische Suchen, ${number(search.samples)} Messungen, ` +
      `Suche mit Rang, Zählung und hervorgehobenen Textstellen, ohne HTTP und Zwischenspeicher): p50 ${number(search.p50, 1)} ms, ` +
      `p95 ${number(search.p95, 1)} ms ${mark(search.p95 < GOALS.searchP95Ms)} (Ziel < ${GOALS.searchP95Ms} ms), höchstens ${number(search.max, 1)} ms; ` +
      `langsamste Suche „${search.slowest.query}“ (${number(search.slowest.total)} Treffer) mit ${number(search.slowest.p50, 1)} ms im Median`,
    `Speicher der App (RSS): im Leerlauf ${mb(memory.idleMb)}, Spitze unter Last ${mb(memory.peakMb)}` +
      (memory.peakMb === undefined ? '' : ` ${mark(memory.peakMb < GOALS.peakMemoryMb)}`) +
      ` (Ziel < ${GOALS.peakMemoryMb} MB)`,
    `Neustart (SIGTERM, neu starten, bis zur ersten Seite): Median ${number(restart)} ms ${mark(restart < GOALS.warmRestartMs)} ` +
      `(Ziel < ${seconds(GOALS.warmRestartMs)}; Einzelwerte ${startup.warmRestartsMs.map((ms) => number(ms)).join(' / ')} ms)`,
    `Erster Start (leerer Ordner: initdb, Migrationen, Stammdaten, erste Seite): ${seconds(startup.freshStartMs)} ` +
      `${mark(startup.freshStartMs < GOALS.freshStartMs)} (Ziel < ${seconds(GOALS.freshStartMs)})`,
    foreignLoadLine(report.foreignLoad),
    bareLine(report),
  ];
}

/** How much the bare route's speed drifted during the run: why each page has its own reference. */
function bareLine(report: BenchReport): string {
  const beside = report.pages.map((p) => p.bareRps);
  return (
    `Express pur vor und nach allen Seiten (je ${number(report.settings.seconds, 1)} s): ` +
    `${report.bare.runs.map((rps) => number(rps)).join(' / ')} Anfragen/s; ` +
    (beside.length
      ? `direkt neben den Seiten zwischen ${number(Math.min(...beside))} und ${number(Math.max(...beside))}. ` +
        `Der Anteil einer Seite bezieht sich auf Express pur direkt vor und nach ihrem Lauf mit 10 Verbindungen ` +
        `(Mittel aus zwei Läufen zu je ${number(BARE_BESIDE_SECONDS, 1)} s), weil die Geschwindigkeit des Rechners während einer Messung schwankt`
      : '')
  );
}

/** Above this, other programs took a noticeable share of the machine and the figures are too low. */
const FOREIGN_LOAD_WARNING_PERCENT = 10;

function foreignLoadLine(load: ForeignLoad | undefined): string {
  if (load === undefined) return 'Andere Programme auf dem Rechner: nicht messbar (kein /proc)';
  const line = `Andere Programme auf dem Rechner während Last und Neustarts: im Mittel ${number(load.percent)} % eines Kerns`;
  if (load.percent <= FOREIGN_LOAD_WARNING_PERCENT) return `${line} (ruhig)`;
  const who = load.top.map(([name, percent]) => `${name} ${number(percent)} %`).join(', ');
  return `${line} (vor allem ${who}) – Achtung: Die Zahlen oben sind dadurch zu niedrig; auf einem ruhigen Rechner wiederholen.`;
}

/** Every goal with its outcome, for the closing "x of y goals met" line. */
export function goalsMet(report: BenchReport): { met: number; total: number } {
  const checks = report.pages.flatMap((p) => [
    shareOf(p) >= shareGoal(p.access),
    p.at32.p99 < GOALS.p99At32Ms,
    p.at10.errors + p.at32.errors === 0,
  ]);
  checks.push(
    report.search.p95 < GOALS.searchP95Ms,
    report.memory.peakMb !== undefined && report.memory.peakMb < GOALS.peakMemoryMb,
    median(report.startup.warmRestartsMs) < GOALS.warmRestartMs,
    report.startup.freshStartMs < GOALS.freshStartMs,
  );
  return { met: checks.filter(Boolean).length, total: checks.length };
}

export function goalsLine(): string {
  return (
    `Ziele: Anfragen/s mindestens ${GOALS.anonymousShare * 100} % (Besucher-Seiten) bzw. ${GOALS.loggedInShare * 100} % ` +
    `(angemeldete Seiten) von Express pur; p99 unter ${GOALS.p99At32Ms} ms bei 32 Verbindungen; keine Fehler; ` +
    `Suche p95 < ${GOALS.searchP95Ms} ms; Speicher unter Last < ${GOALS.peakMemoryMb} MB; Neustart < ${seconds(GOALS.warmRestartMs)}; erster Start < ${seconds(GOALS.freshStartMs)}.`
  );
}

export function volumeLine(v: SeedSummary): string {
  return (
    `${number(v.alliances)} Bündnisse, ${number(v.accounts)} Konten (davon ${number(v.activeAccounts)} freigeschaltet), ` +
    `${number(v.listed)} im Mitgliederverzeichnis mit ${number(v.competences)} Kompetenzen, ${number(v.delegates)} Delegierte, ` +
    `${number(v.sessions)} gespeicherte Sitzungen, ${number(v.topics)} Themen, ${number(v.networks)} Netzwerke, ` +
    `${number(v.reports)} Erfahrungsberichte (${number(v.readableReports)} lesbar, davon ${number(v.membersOnlyReports)} nur für Mitglieder; ` +
    `${number(v.hiddenReports)} ausgeblendet, ${number(v.unpublishedReports)} unveröffentlicht; im Mittel ${number(v.reportTextBytes / 1024, 1)} KB Text) ` +
    `mit ${number(v.comments)} Kommentaren, ${number(v.motions)} Musteranträge mit ${number(v.adoptions)} gemeldeten Verwendungen, ` +
    `${number(v.meetings)} Treffen mit ${number(v.rsvps)} Rückmeldungen, ${number(v.materials)} Vorlagen und ${number(v.decisions)} Beschlüssen`
  );
}

export function machineLine(report: BenchReport): string {
  const m = report.machine;
  return `${m.cpu}, ${m.cores} Kerne, ${number(m.memoryGb, 1)} GB Arbeitsspeicher; Node.js ${m.node}; ${m.postgres} (${m.database})`;
}

export function settingsLine(report: BenchReport): string {
  const s = report.settings;
  return (
    `je Seite jede Adresse einmal und ${number(s.warmupSeconds, 1)} s Aufwärmen (nicht gezählt), dann je ${number(s.seconds, 1)} s mit 10 und mit 32 ` +
    'gleichzeitigen Verbindungen; App, Lastgenerator (autocannon) und PostgreSQL teilen sich denselben Rechner. ' +
    'App wie im Produktivbetrieb (`NODE_ENV=production`, `LOG_LEVEL=info`), aber `SECURE_COOKIES=false`, weil über ' +
    'unverschlüsseltes HTTP auf 127.0.0.1 gemessen wird.'
  );
}

/** Fixed-width table for the terminal. */
export function terminalTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => [...row[col]!].length)));
  const line = (row: string[]) => row.map((cell, col) => (col >= 2 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const [head, ...body] = rows;
  return [
    `| ${head!.map(escape).join(' | ')} |`,
    `| ${head!.map((_, i) => (i >= 2 ? '---:' : '---')).join(' | ')} |`,
    ...body.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function markdownReport(report: BenchReport): string {
  const { met, total } = goalsMet(report);
  return [
    '# Geschwindigkeitsmessung: Ergebnisse',
    '',
    `Gemessen am ${formatDateTime(report.startedAt)} (Europe/Berlin) mit \`npm run bench\`; Dauer der ganzen Messung ` +
      `${number(report.totalSeconds / 60, 1)} min.`,
    '',
    `- **Rechner:** ${machineLine(report)}`,
    `- **Datenmenge:** ${volumeLine(report.volume)}`,
    `- **Messung:** ${settingsLine(report)}`,
    '',
    markdownTable(tableRows(report)),
    '',
    ...summaryLines(report).map((line) => `- ${line}`),
    '',
    `${goalsLine()} **Erreicht: ${met} von ${total}.**`,
    '',
  ].join('\n');
}
