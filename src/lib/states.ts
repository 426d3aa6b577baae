// The 16 Bundesländer, keyed by their ISO 3166-2:DE suffix.
export const FEDERAL_STATES = {
  BW: 'Baden-Württemberg',
  BY: 'Bayern',
  BE: 'Berlin',
  BB: 'Brandenburg',
  HB: 'Bremen',
  HH: 'Hamburg',
  HE: 'Hessen',
  MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen',
  NW: 'Nordrhein-Westfalen',
  RP: 'Rheinland-Pfalz',
  SL: 'Saarland',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  SH: 'Schleswig-Holstein',
  TH: 'Thüringen',
} as const;

export type FederalStateCode = keyof typeof FEDERAL_STATES;

export const FEDERAL_STATE_CODES = Object.keys(FEDERAL_STATES) as [FederalStateCode, ...FederalStateCode[]];

export function stateName(code: string): string {
  return FEDERAL_STATES[code as FederalStateCode] ?? code;
}
