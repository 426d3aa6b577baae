// The Rückmeldungen as CSV for spreadsheet programs: UTF-8 with BOM (Excel then reads umlauts right), ';' as
// delimiter (German Excel), German header, and no formulas: a cell that a spreadsheet would run (=, +, -, @, tab,
// carriage return at the start) gets a leading apostrophe, as OWASP advises against CSV injection.
import { stringify } from 'csv-stringify/sync';
import { formatDateTime } from '../../lib/dates.js';
import { ATTENDANCES } from './labels.js';
import type { RsvpListRow } from './participation.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text that no spreadsheet program runs as a formula. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const COLUMNS = ['Name', 'Bündnis', 'Rückmeldung', 'Impulsbeitrag', 'TOP', 'Thema', 'Kuchen', 'Kommentar', 'Zuletzt geändert'];

export function rsvpCsv(rows: RsvpListRow[]): string {
  const records = rows.map((r) =>
    [
      r.name,
      r.allianceName ?? '',
      ATTENDANCES[r.attendance],
      r.offersTalk ? 'ja' : 'nein',
      r.talkLabel ?? '',
      r.talkTopic ?? '',
      r.bringsCake ? 'ja' : 'nein',
      r.comment ?? '',
      formatDateTime(r.updatedAt),
    ].map(neutralizeCell),
  );
  return stringify(records, { bom: true, delimiter: ';', header: true, columns: COLUMNS, record_delimiter: 'windows' });
}
