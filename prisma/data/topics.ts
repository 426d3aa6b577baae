// Starting set of topics for municipal politics, loaded once into a new installation (admins manage them later).
export interface TopicSeed {
  slug: string;
  name: string;
  description: string;
}

export const TOPICS: TopicSeed[] = [
  { slug: 'soziales', name: 'Soziales', description: 'Sozialpolitik vor Ort: Armut, Sozialticket, Sozialpass, Teilhabe.' },
  { slug: 'wohnen', name: 'Wohnen', description: 'Bezahlbarer Wohnraum, kommunaler Wohnungsbau, Mieten, Wohnungslosigkeit.' },
  { slug: 'verkehr', name: 'Verkehr', description: 'Öffentlicher Nahverkehr, Rad- und Fußverkehr, Mobilität für alle.' },
  {
    slug: 'kommunale-finanzen',
    name: 'Kommunale Finanzen/Haushalt',
    description: 'Haushalt, Schulden, Steuern und Abgaben, Finanzausstattung der Kommunen.',
  },
  {
    slug: 'daseinsvorsorge',
    name: 'Daseinsvorsorge/Rekommunalisierung',
    description: 'Wasser, Energie, Abfall und Nahverkehr in öffentlicher Hand; Rekommunalisierung.',
  },
  { slug: 'buergerbeteiligung', name: 'Bürgerbeteiligung', description: 'Einwohneranträge, Bürgerbegehren, Bürgerhaushalt, Transparenz.' },
  { slug: 'umwelt-klima', name: 'Umwelt/Klima', description: 'Klimaschutz, Umweltschutz, Grünflächen und Artenvielfalt in der Kommune.' },
  { slug: 'energie', name: 'Energie', description: 'Stadtwerke, erneuerbare Energien, Energiepreise.' },
  { slug: 'bildung', name: 'Bildung', description: 'Schulen, Kitas, Weiterbildung, Schulsanierung.' },
  { slug: 'gesundheit', name: 'Gesundheit', description: 'Krankenhäuser, Gesundheitsversorgung, Pflege, Gesundheitsförderung.' },
  { slug: 'migration', name: 'Migration', description: 'Geflüchtete, Integration, gleiche Rechte für alle Einwohner/innen.' },
  { slug: 'antifaschismus', name: 'Antifaschismus', description: 'Gegen Rassismus und Faschismus in Rat und Stadtgesellschaft.' },
  { slug: 'wahlkampf', name: 'Wahlkampf', description: 'Kommunalwahlkämpfe: Kandidaturen, Unterschriftensammlung, Öffentlichkeitsarbeit.' },
  {
    slug: 'demokratie-menschenrechte',
    name: 'Demokratie/Menschenrechte',
    description: 'Kommunale Demokratie, Selbstverwaltung, Menschenrechte in der Stadt.',
  },
  {
    slug: 'frieden-internationales',
    name: 'Frieden/Internationales',
    description: 'Städtepartnerschaften, Frieden, internationale Solidarität.',
  },
  {
    slug: 'landwirtschaft-ernaehrung',
    name: 'Landwirtschaft/Ernährung',
    description: 'Regionale und ökologische Landwirtschaft, Ernährung, öffentliche Beschaffung.',
  },
];
