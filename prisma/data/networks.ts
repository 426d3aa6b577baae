// The network directory as first loaded into a new installation. Derived by hand from the overview
// "Nationale / internationale Zusammenschlüsse für kommunale Arbeit" (conference "Kommunen und Demokratie",
// Erfurt, 31.8./1.9.2018), kept beside this file in sources/kommunale-netzwerke-uebersicht.txt.
// Descriptions, web addresses and reach are taken from that document; topics were assigned by the project.
// tests/networks.test.ts checks every entry against the source. After the first load, admins own the data.
export type NetworkCategorySeed = 'NATIONAL' | 'PARTY' | 'INTERNATIONAL';

export interface NetworkSeed {
  slug: string;
  name: string;
  category: NetworkCategorySeed;
  description: string;
  /** First web address of the source; null where the source gives none (or see the note at the entry). */
  website: string | null;
  /** Countries, member counts, structure: as the source says. */
  reach: string | null;
  topics: string[];
}

export const NETWORKS: NetworkSeed[] = [
  // Nationale Zusammenschlüsse für kommunale Arbeit
  {
    slug: 'aktionsbuendnis-fuer-die-wuerde-unserer-staedte',
    name: 'Aktionsbündnis „Für die Würde unserer Städte“',
    category: 'NATIONAL',
    description:
      'Aktionsbündnis von über 70 Kommunen aus 8 Bundesländern, das die vor dem finanziellen Aus stehenden Kommunen vor dem endgültigen Absturz bewahren will und Hilfe zur Selbsthilfe von Land und Bund einfordert.',
    website: 'https://www.muelheim-ruhr.de/cms/aktionsbuendnis_raus_aus_den_schulden.html',
    reach: 'über 70 Kommunen aus 8 Bundesländern',
    topics: ['kommunale-finanzen'],
  },
  {
    slug: 'allianz-der-oeffentlichen-wasserwirtschaft',
    name: 'Allianz der öffentlichen Wasserwirtschaft (AöW)',
    category: 'NATIONAL',
    description:
      'Die AöW fördert die öffentliche Wasserwirtschaft durch die Bündelung der Interessen und Kompetenzen der kommunalen und verbandlichen Wasserwirtschaft, um diese als Teil der Daseinsvorsorge zu erhalten und zunehmender Privatisierung entgegenzutreten.',
    website: 'https://aoew.de',
    reach: null,
    topics: ['daseinsvorsorge'],
  },
  {
    slug: 'asew',
    name: 'Arbeitsgemeinschaft für sparsame Energie- und Wasserverwendung (ASEW)',
    category: 'NATIONAL',
    description:
      'Bei Fragen rund um die Themen Energieeffizienz und erneuerbare Energien ist die ASEW erster Ansprechpartner für rund 280 Energieversorger. Seit 1989 werden Stadtwerke dabei unterstützt, den Anteil erneuerbarer Energien auszubauen und die Energieeffizienz kontinuierlich zu steigern, um die Energiewende aktiv zu gestalten.',
    website: 'https://www.asew.de',
    reach: 'rund 280 Energieversorger',
    topics: ['energie', 'daseinsvorsorge'],
  },
  {
    slug: 'netzwerk-biostaedte',
    name: 'Netzwerk Biostädte',
    category: 'NATIONAL',
    description:
      'Die Bio-Städte, -Gemeinden und -Landkreise setzen sich zum Ziel, den Ökolandbau, die Weiterverarbeitung und die Nachfrage nach Bio-Lebensmitteln mit kurzen Transportwegen und regionaler Wertschöpfung verstärkt zu fördern und den Bio-Anteil in der öffentlichen Beschaffung kontinuierlich zu steigern.',
    website: 'https://www.biostaedte.de',
    reach: null,
    topics: ['landwirtschaft-ernaehrung', 'umwelt-klima'],
  },
  {
    slug: 'buendnis-buergerenergie',
    name: 'Bündnis Bürgerenergie e.V.',
    category: 'NATIONAL',
    description:
      'Das Bündnis Bürgerenergie e.V. versteht sich als eine offene Plattform für alle Bürgerenergie-Akteure und diejenigen, denen eine klimafreundliche, dezentrale und demokratische Energieversorgung am Herzen liegt – als Verbraucher/innen, Produzenten, Engagierte oder Interessierte.',
    website: 'https://www.buendnis-buergerenergie.de',
    reach: null,
    topics: ['energie', 'umwelt-klima', 'buergerbeteiligung'],
  },
  {
    slug: 'bvoed',
    name: 'Bundesverband Öffentliche Dienstleistungen – Deutsche Sektion des CEEP e.V. (bvöd)',
    category: 'NATIONAL',
    description:
      'Der bvöd bündelt die politischen Interessen der Erbringer von Dienstleistungen und fokussiert die damit in Verbindung stehenden branchenübergreifenden Themen der Daseinsvorsorge und öffentlichen Dienstleistungen, auch unter wissenschaftlichen Gesichtspunkten.',
    website: 'http://www.bvoed.de',
    reach: null,
    topics: ['daseinsvorsorge'],
  },
  {
    slug: 'deutscher-landkreistag',
    name: 'Deutscher Landkreistag',
    category: 'NATIONAL',
    description:
      'Der Deutsche Landkreistag ist der Zusammenschluss der 294 deutschen Landkreise auf Bundesebene. Er setzt sich für Kommunalbelange im jeweiligen Bundesland ein, vertritt Gemeinwohlbelange und fördert die grundgesetzlich verbürgte Garantie der kommunalen Selbstverwaltung.',
    website: 'http://landkreistag.de/',
    reach: '294 Landkreise; vertreten in 13 Flächenländern',
    topics: ['demokratie-menschenrechte', 'kommunale-finanzen'],
  },
  {
    slug: 'deutscher-staedte-und-gemeindebund',
    name: 'Deutscher Städte- und Gemeindebund (DStGB)',
    category: 'NATIONAL',
    description:
      'Durch 17 Mitgliedsverbände sind 11 000 große, mittlere und kleinere Kommunen über den DStGB organisiert und vernetzt. Er arbeitet ohne staatliche Zuschüsse parteiunabhängig auf Landes-, Bundes- und EU-Ebene und greift die Themen auf, die „Bürger*innen vor Ort bewegen“.',
    website: 'https://www.dstgb.de',
    reach: '17 Mitgliedsverbände in den Bundesländern, 11 000 Kommunen',
    topics: ['demokratie-menschenrechte', 'kommunale-finanzen'],
  },
  {
    slug: 'deutscher-staedtetag',
    name: 'Deutscher Städtetag',
    category: 'NATIONAL',
    description:
      'Der Deutsche Städtetag vertritt für rund 200 Städte direkt und weitere 3400 in den Bundesländern aktiv die kommunale Selbstverwaltung. Er nimmt die Interessen der Städte gegenüber Bundesregierung, Bundestag, Bundesrat, Europäischer Union und zahlreichen Organisationen wahr.',
    website: 'http://www.staedtetag.de',
    reach: 'rund 200 Städte direkt, weitere 3400 über die Mitgliedsverbände in den Bundesländern',
    topics: ['demokratie-menschenrechte', 'kommunale-finanzen'],
  },
  {
    slug: 'fairtrade-towns',
    name: 'Fairtrade-Towns',
    category: 'NATIONAL',
    description:
      'Fairtrade-Towns fördern gezielt den fairen Handel auf kommunaler Ebene und sind das Ergebnis einer erfolgreichen Vernetzung von Personen aus Zivilgesellschaft, Politik und Wirtschaft, die sich für gerechte Produktionsbedingungen sowie soziale und umweltschonende Herstellungs- und Handelsstrukturen in ihrer Heimat stark machen.',
    website: 'https://www.fairtrade-towns.de',
    reach: null,
    topics: ['frieden-internationales', 'soziales'],
  },
  {
    slug: 'gesunde-staedte-netzwerk',
    name: 'Gesunde Städte-Netzwerk',
    category: 'NATIONAL',
    description:
      'Gesundheitsförderung durch Städte und Gemeinden ist ebenso wichtig wie die persönliche Vorsorge für die Gesundheit. Das Gesunde Städte-Netzwerk tritt dafür ein, dass die Gesundheitsförderung tatsächlich im Alltag der Menschen ankommt. Dafür braucht es eine engagierte Kommunalpolitik.',
    website: 'http://www.gesunde-staedte-netzwerk.de/',
    reach: null,
    topics: ['gesundheit'],
  },
  {
    slug: 'kommunalpolitisches-forum-thueringen',
    name: 'Kommunalpolitisches Forum Thüringen e.V. (Die Thüringengestalter)',
    category: 'NATIONAL',
    description:
      'Kommunalpolitik wird vor Ort entschieden, ist Bürgersache und richtet sich gleichermaßen an Mandatsträger und politisch Interessierte. Die Thüringengestalter widmen sich der Aus- und Weiterbildung kommunaler Mandatsträger oder politisch interessierter Bürger, die Anträge oder Ideen einbringen, ohne ein öffentliches Amt auszuüben.',
    website: 'https://thueringengestalter.de',
    reach: 'Thüringen',
    topics: ['bildung', 'buergerbeteiligung'],
  },
  {
    slug: 'kommunen-fuer-biologische-vielfalt',
    name: 'Kommunen für biologische Vielfalt e.V.',
    category: 'NATIONAL',
    description:
      '„Kommunen für biologische Vielfalt e.V.“ ist ein Zusammenschluss von ca. 150 im Naturschutz engagierten Kommunen. Die Bedeutung von Natur im unmittelbaren Lebensumfeld des Menschen und der Schutz der Biodiversität werden gestärkt. Vision sind grüne Kommunen als hochwertiger Lebensraum für Menschen, Tiere und Pflanzen.',
    website: null,
    reach: 'ca. 150 Kommunen',
    topics: ['umwelt-klima'],
  },
  {
    slug: 'netzwerk-buergerbeteiligung',
    name: 'Netzwerk Bürgerbeteiligung',
    category: 'NATIONAL',
    description:
      'Das Netzwerk Bürgerbeteiligung führt Menschen aus allen Lebens- und Arbeitsbereichen zusammen, die Partizipation von Bürger*innen an politischen Entscheidungen voranbringen wollen – erarbeitet kommunale Leitlinien für Bürgerbeteiligung, zeigt, wie kommunale Handlungsfelder partizipativ gestaltet werden können.',
    website: 'https://www.netzwerk-buergerbeteiligung.de/',
    reach: null,
    topics: ['buergerbeteiligung'],
  },
  {
    slug: 'servicestelle-kommunen-in-der-einen-welt',
    name: 'Servicestelle Kommunen in der Einen Welt (SKEW)',
    category: 'NATIONAL',
    description:
      'Die Servicestelle Kommunen in der Einen Welt steht als Partner zu allen Fragen kommunaler Entwicklungspolitik zur Seite. SKEW unterstützt kommunale Akteure und Aktivitäten nicht nur inhaltlich und organisatorisch, sondern auch durch geeignete finanzielle und personelle Maßnahmen.',
    website: 'https://skew.engagement-global.de/ueber-uns.html',
    reach: null,
    topics: ['frieden-internationales'],
  },
  {
    slug: 'netzwerk-solidarische-landwirtschaft',
    name: 'Netzwerk Solidarische Landwirtschaft (SOLAWI)',
    category: 'NATIONAL',
    description:
      'SOLAWI ist ein Zusammenschluss von Menschen mit landwirtschaftlichem Hintergrund und Verbraucher*innen, die sich für die Verbreitung von Solidarischer Landwirtschaft einsetzen. Er versteht sich gleichermaßen als Bewegung, basisdemokratische Organisation und Verband.',
    website: 'https://www.solidarische-landwirtschaft.org',
    reach: 'In Regiogruppen organisiert – auch in Luxemburg, Österreich, Schweiz',
    topics: ['landwirtschaft-ernaehrung'],
  },
  {
    slug: 'transformationsstadt',
    name: 'Transformationsstadt – BürgerInnen forschen für ein Gutes Leben',
    category: 'NATIONAL',
    description:
      'Ziel ist, ein GeoPortal zu entwickeln, auf dem Wissenschaftler*innen und Einwohner*innen Wissen austauschen und das Gute Leben in ihrer Stadt erfassen. Damit sollen irgendwann die Grenzen zwischen Wissenschaft, Wirtschaft, Zivilgesellschaft, Politik und Verwaltung aufgehoben werden.',
    website: 'http://www.transformationsstadt.de/',
    reach: null,
    topics: ['buergerbeteiligung'],
  },
  {
    slug: 'verband-kommunaler-unternehmen',
    name: 'Verband kommunaler Unternehmen (VKU)',
    category: 'NATIONAL',
    description:
      'Der VKU ist die Interessenvertretung der kommunalen Versorgungs- und Entsorgungswirtschaft in Deutschland. Die 1.458 Mitgliedsunternehmen sind vor allem in der Energieversorgung, der Wasser- und Abwasserwirtschaft sowie der Abfallwirtschaft und Stadtreinigung tätig.',
    website: 'https://www.vku.de',
    reach: '1.458 Mitgliedsunternehmen',
    topics: ['daseinsvorsorge', 'energie'],
  },

  // Kommunale Arbeit der Parteien
  {
    slug: 'bag-kommunalpolitik-die-linke',
    name: 'BAG Kommunalpolitik – DIE LINKE',
    category: 'PARTY',
    description:
      'Die Bundesarbeitsgemeinschaft Kommunalpolitik wurde 1990 gegründet und misst der Gestaltung des politischen, sozialen, soziokulturellen Lebens in den Kommunen zentrale Bedeutung zu. Sie betreibt eine Kommunaldatenbank. Hier sind Anträge, Anfragen und Pressemitteilungen aus sehr vielen Kommunen zu finden.',
    website: 'https://www.die-linke.de/partei/parteistruktur/zusammenschluesse/bag-kommunalpolitik/',
    reach: 'Landes-Arbeitsgruppen in den Bundesländern im Aufbau',
    topics: [],
  },
  {
    slug: 'gruene-kommunalpolitische-vereinigungen',
    name: 'Grüne Kommunalpolitische Vereinigungen',
    category: 'PARTY',
    description:
      'Bei den GRÜNEN gibt es keine bundesweite Struktur zur Kommunalarbeit, aber in fast allen Bundesländern, z. B. GRÜNE und Alternative in den Räten Schleswig-Holstein e.V., Die Andere Kommunalpolitik Thüringen e.V., Grüne Kommunalpolitische Vereinigung Sachsen-Anhalt.',
    website: 'http://kommunalwiki.boell.de/index.php/Gr%C3%BCne_Kommunalpolitische_Vereinigungen',
    reach: 'in fast allen Bundesländern (genannt: BW, BY, BE, BB, HE, MV, NW, RP, SA, ST, SH, TH)',
    topics: [],
  },
  {
    slug: 'sozialdemokratische-gemeinschaft-fuer-kommunalpolitik',
    name: 'Sozialdemokratische Gemeinschaft für Kommunalpolitik (SGK)',
    category: 'PARTY',
    description:
      'Die Bundes-SGK ist der Zusammenschluss der sozialdemokratischen Kommunalpolitiker*innen in der SPD. 1978 in Kassel gegründet, zählt sie rund 24.000 Mitglieder – Vertreter*innen der Städte, Gemeinden und Kreise, Bezirksvertreter, in Ausschüssen tätige sachkundige Bürgerinnen und Bürger oder Beschäftigte der Kommunen.',
    website: 'https://www.bundes-sgk.de/',
    reach: 'rund 24.000 Mitglieder',
    topics: [],
  },
  {
    slug: 'kommunalpolitische-vereinigung-der-cdu-csu',
    name: 'Kommunalpolitische Vereinigung der CDU / CSU (KPV)',
    category: 'PARTY',
    description:
      'Die Kommunalpolitische Vereinigung der CDU und CSU Deutschlands ist der Dachverband der 16 Landesvereinigungen und vertritt seit 1948 die Interessen von inzwischen rund 75.000 Amts- und Mandatsträgern der Union, mit der Aufgabe, die Grundsätze und Ziele der CDU und CSU in der Kommunalpolitik zu verwirklichen. Auch eine Arbeitsgemeinschaft Kommunalpolitik der CDU/CSU-Fraktion im Deutschen Bundestag (https://www.cducsu.de/fraktion/arbeitsgemeinschaft-kommunalpolitik).',
    website: 'https://kpv.de',
    reach: '16 Landesvereinigungen in den Bundesländern, rund 75.000 Amts- und Mandatsträger',
    topics: [],
  },
  {
    slug: 'vereinigung-liberaler-kommunalpolitiker',
    name: 'Vereinigung Liberaler Kommunalpolitiker (VLK)',
    category: 'PARTY',
    description:
      'Die Vereinigung Liberaler Kommunalpolitiker widmet sich der Kommunalpolitik – keine näheren Angaben auf der Internetseite, nur eine Sammlung mit inhaltlichen Beschlüssen seit 2000 nach Themen sortiert, der Hinweis auf die VLK-Zeitschrift „Das Rathaus“, einen Kommunalpolitikerpreis und Angaben zum Vorstand.',
    website: 'http://vlk-bundesverband.de',
    reach: null,
    topics: [],
  },
  {
    // Kept because the overview lists it, as its finding that there is nothing there. Deliberately without a
    // link: the movement works on an antifascist basis (KOG principle 4) and does not send readers to AfD material.
    slug: 'afd-und-kommunen',
    name: 'AfD und Kommunen',
    category: 'PARTY',
    description:
      'Die AfD hat weder auf Bundes- noch auf Landesebene einen kommunalpolitischen Ansatz. Auch im Mitglieder-Magazin „AfD-Kompakt“ findet sich keine Rubrik „Kommunen“ (auch nicht hinter dem Schlagwort „Heimat“); einzig die Suchfunktion bringt einige Ergebnisse zum Schlagwort „Kommunen“.',
    website: null,
    reach: null,
    topics: ['antifaschismus'],
  },

  // Internationale Zusammenschlüsse für kommunale Arbeit
  {
    slug: 'allianz-in-den-alpen',
    name: 'Allianz in den Alpen',
    category: 'INTERNATIONAL',
    description:
      'Das grenzübergreifende Gemeindenetzwerk „Allianz in den Alpen“ vernetzt engagierte Gemeinden und Regionen in den Alpen und arbeitet nach den Grundsätzen der Alpenkonvention. Themen sind: Lebensqualität, soziale Handlungsfähigkeit, regionale Wertschöpfung und Nahversorgung, Wohnraum und nachhaltiges Bauen sowie Bürgerbeteiligung und Jugend, u. a.',
    website: 'https://alpenallianz.org/de',
    reach: 'DE – AT – CH – FR – IT',
    topics: ['umwelt-klima', 'wohnen', 'buergerbeteiligung'],
  },
  {
    slug: 'blue-communities',
    name: 'Blue Communities',
    category: 'INTERNATIONAL',
    description:
      'Blue Communities bekennen sich zu den Grundsätzen der kanadischen Initiative des „Council of Canadians“ (Maude Barlow): Anerkennung des Wassers als Menschenrecht; Wasserdienstleistungen bleiben in öffentlicher Hand; Leitungswasser anstelle von Flaschenwasser trinken.',
    website: 'https://canadians.org/bluecommunities',
    reach: 'Kanada, Deutschland, Schweiz, Frankreich',
    topics: ['daseinsvorsorge', 'demokratie-menschenrechte'],
  },
  {
    slug: 'c40-cities',
    name: 'C40 Cities',
    category: 'INTERNATIONAL',
    description:
      'C40 ist ein Netzwerk der Megastädte der Welt, die sich dem Klimawandel verschrieben haben. C40 unterstützt Städte dabei, effektiv zusammenzuarbeiten, Wissen auszutauschen und sinnvolle, messbare und nachhaltige Maßnahmen gegen den Klimawandel voranzutreiben.',
    website: 'https://www.c40.org/',
    reach: null,
    topics: ['umwelt-klima'],
  },
  {
    slug: 'cities-alliance',
    name: 'Cities Alliance – Cities Without Slums',
    category: 'INTERNATIONAL',
    description:
      'Die „Cities Alliance“ will im Rahmen der globalen Bemühungen zur Umsetzung der SDGs bis 2021 in mehr als 60 Städten weltweit die Lebensverhältnisse von 20 Millionen der städtischen Armen verbessern und die Rechte von Frauen stärken (Stadtentwicklung, Slum-Sanierungen zur Verbesserung der Wohnqualität).',
    website: 'http://www.citiesalliance.org',
    reach: 'mehr als 60 Städte weltweit; internationale Koordination über Brüssel',
    topics: ['wohnen', 'soziales'],
  },
  {
    slug: 'cities-for-mobility',
    name: 'Cities for Mobility',
    category: 'INTERNATIONAL',
    description:
      'Das globale Netzwerk Cities for Mobility hat 660 Mitglieder in 85 Ländern und entwickelt Politiken und konkrete Maßnahmen für eine nachhaltige Mobilität, die für alle zugänglich, umweltschonend und menschenzentriert ist. Alle zwei Jahre findet in Stuttgart ein internationaler Kongress zum Austausch von Ideen statt (Juni 2020).',
    website: 'https://www.cities-for-mobility.net',
    reach: '660 Mitglieder in 85 Ländern; internationale Koordination über Stuttgart',
    topics: ['verkehr'],
  },
  {
    // The overview gives the address of Cities for Mobility here too; kept as the source says.
    slug: 'civitas',
    name: 'City-VITAlity-Sustainability (CIVITAS)',
    category: 'INTERNATIONAL',
    description:
      'Die CIVITAS-Initiative unterstützt Städte beim Aufbau eines umweltfreundlichen und energieeffizienten Verkehrssystems. Zur Erreichung dieses Ziels werden Demonstrationsprojekte, die technische und verkehrspolitische Maßnahmen kombinieren, umgesetzt und evaluiert.',
    website: 'https://www.cities-for-mobility.net',
    reach: null,
    topics: ['verkehr', 'umwelt-klima'],
  },
  {
    slug: 'klima-buendnis',
    name: 'Climate Alliance – Klima-Bündnis',
    category: 'INTERNATIONAL',
    description:
      'Das Klima-Bündnis umfasst 1.700 Kommunen in 26 europäischen Staaten und arbeitet gemeinsam mit NGOs daran, den Klimawandel zu bekämpfen. Es ist damit das größte europäische Städtenetzwerk, das sich dem Klimaschutz verschrieben hat, um lokale Lösungen zu erarbeiten.',
    website: 'http://www.climatealliance.org',
    reach: '1.700 Kommunen in 26 europäischen Staaten',
    topics: ['umwelt-klima'],
  },
  {
    slug: 'connective-cities',
    name: 'Connective Cities',
    category: 'INTERNATIONAL',
    description:
      'Connective Cities ist eine internationale Städte-Plattform für nachhaltige Entwicklung, um bekannte lokal vorhandene Lösungsansätze zur nachhaltigen Stadtentwicklung mit innovativem Charakter bekannt zu machen und auszutauschen.',
    website: 'https://www.connective-cities.net',
    reach: 'BMZ-Förderung',
    topics: ['frieden-internationales'],
  },
  {
    slug: 'covenant-of-mayors',
    name: 'Covenant of Mayors for Climate & Energy (Konvent der Bürgermeister)',
    category: 'INTERNATIONAL',
    description:
      'Der Konvent der Bürgermeister wurde 2008 in Europa mit der Zielsetzung gegründet, lokale Gebietskörperschaften, die sich freiwillig dazu verpflichten, die Klima- und Energieziele der EU zu erreichen oder gar zu übertreffen, zusammenzubringen.',
    website: 'https://www.konventderbuergermeister.eu',
    reach: 'EU-Zweig der Global Covenant of Mayors for Climate & Energy',
    topics: ['umwelt-klima', 'energie'],
  },
  {
    slug: 'global-covenant-of-mayors',
    name: 'Global Covenant of Mayors for Climate & Energy',
    category: 'INTERNATIONAL',
    description:
      'Der Global Covenant of Mayors for Climate & Energy ist eine internationale Allianz von Städten und Kommunen, die freiwillige Maßnahmen zur Bekämpfung des Klimawandels fördern und unterstützen, um zu einer emissionsarmen, belastbaren Gesellschaft zu gelangen. Inzwischen gehören dazu mehr als 7000 Kommunal- und Regionalverwaltungen in 57 Ländern.',
    website: 'https://www.globalcovenantofmayors.org',
    reach: 'mehr als 7000 Kommunal- und Regionalverwaltungen in 57 Ländern',
    topics: ['umwelt-klima', 'energie'],
  },
  {
    slug: 'energy-cities',
    name: 'Energy Cities',
    category: 'INTERNATIONAL',
    description:
      'Energy Cities vertritt mehr als 1000 Kommunen, aber auch interkommunale Strukturen, lokale Energiemanagement-Agenturen, kommunale Unternehmen und Gemeindeverbände aus 30 Ländern. Ihr Ziel sind die 3 D: Demokratie – Teilhabe einfordern; Divestment – Geld in lokale Kreisläufe überführen; Dezentralisierung – Kommunen als Akteure.',
    website: 'http://www.energie-cites.eu',
    reach: 'mehr als 1000 Kommunen aus 30 Ländern',
    topics: ['energie', 'buergerbeteiligung'],
  },
  {
    slug: 'eurocities',
    name: 'Eurocities',
    category: 'INTERNATIONAL',
    description:
      'EUROCITIES ist ein Netzwerk von über 140 der größten Städte Europas und über 45 Partnerstädten. Ihr Ziel ist es, die wichtige Rolle zu stärken, die die Kommunalverwaltungen in einer mehrstufigen Regierungsführung spielen sollten.',
    website: 'http://www.eurocities.eu/',
    reach: 'über 140 der größten Städte Europas und über 45 Partnerstädte',
    topics: ['demokratie-menschenrechte'],
  },
  {
    slug: 'european-land-and-soil-alliance',
    name: 'European Land and Soil Alliance (ELSA) – Europäisches Bodenbündnis',
    category: 'INTERNATIONAL',
    description:
      'Das Europäische Bodenbündnis (European Land and Soil Alliance, ELSA) vereint Städte, Gemeinden und Landkreise, aber auch Bundesländer, NGOs und andere Organisationen aus neun europäischen Staaten. Es ist das größte europäische kommunale Netzwerk, das sich dem Schutz von Böden verschrieben hat.',
    website: 'http://www.bodenbuendnis.org',
    reach: 'neun europäische Staaten',
    topics: ['umwelt-klima', 'landwirtschaft-ernaehrung'],
  },
  {
    slug: 'fearless-cities',
    name: 'Fearless Cities',
    category: 'INTERNATIONAL',
    description:
      '„Fearless Cities“ setzen sich für Menschenrechte, Demokratie und Gemeinwohl ein – gegründet im Juni 2017 in Barcelona, auf Einladung von Barcelona En Comú, mit dem Ziel, die Demokratie zu stärken, die Politik zu feminisieren und sich der extremen Rechten entgegenzustellen.',
    website: 'http://fearlesscities.com/',
    reach: 'ES-PO-IT-FR-PL-RO-HU-GR-BE-GB-TR-RL-SRB-DE-AT-CND-USA-ZA-RA-BR',
    topics: ['demokratie-menschenrechte', 'antifaschismus', 'buergerbeteiligung'],
  },
  {
    slug: 'gemeinde-und-staedtepartnerschaften',
    name: 'Gemeinde-, Städtepartnerschaften',
    category: 'INTERNATIONAL',
    description:
      'Hier gibt es keine fest organisierte Struktur oder Koordination – einzelne Partnerschaften gibt es schon lange. Die meisten wurden nach 1947 gegründet, um Völkerverständigung „von unten“ zu ermöglichen. Inzwischen werden auch thematische Partnerschaften eingegangen. Liste der Partnerschaften deutscher Städte: https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_Germany',
    website: 'https://de.wikipedia.org/wiki/Gemeindepartnerschaft',
    reach: 'keine fest organisierte Struktur',
    topics: ['frieden-internationales'],
  },
  {
    slug: 'human-rights-cities-network',
    name: 'Human Rights Cities Network',
    category: 'INTERNATIONAL',
    description:
      'Das Netzwerk ist ein loser Zusammenschluss von rund 235 Städten, das im Oktober 1998 in Barcelona ins Leben gerufen wurde, um auf der Basis der „Europäischen Charta für den Schutz der Menschenrechte in der Stadt“ eine Kultur der Menschenrechte in den Städten zu fördern.',
    website: 'https://humanrightscities.net/',
    reach: 'rund 235 Städte',
    topics: ['demokratie-menschenrechte'],
  },
  {
    slug: 'iclei',
    name: 'ICLEI – Local Governments for Sustainability',
    category: 'INTERNATIONAL',
    description:
      'Lokale und regionale Regierungen im ICLEI-Netzwerk arbeiten in 124 Ländern zusammen, um die lokalen Auswirkungen des globalen Wandels (vom Klimawandel bis zur Verstädterung) auf die Stadtentwicklung so gering wie möglich zu halten und damit ein menschenwürdiges und gerechtes Zusammenleben zu ermöglichen.',
    website: 'http://www.iclei.org/',
    reach: '124 Länder',
    topics: ['umwelt-klima'],
  },
  {
    slug: 'mayors-for-peace',
    name: 'Mayors for Peace',
    category: 'INTERNATIONAL',
    description:
      'Mayors for Peace wurde 1982 durch den Bürgermeister von Hiroshima gegründet. Da die Bürgermeister*innen für die Sicherheit und das Leben ihrer Bürger*innen verantwortlich sind, wollen sie durch Aktionen und Kampagnen die weltweite Verbreitung von Atomwaffen verhindern und deren Abschaffung erreichen.',
    website: 'http://www.mayorsforpeace.org',
    reach: null,
    topics: ['frieden-internationales'],
  },
  {
    // The overview gives the address of the Sustainable Cities Platform here; kept as the source says.
    slug: 'rat-der-gemeinden-und-regionen-europas',
    name: 'Rat der Gemeinden und Regionen Europas (RGRE)',
    category: 'INTERNATIONAL',
    description:
      '1951 in Genf von einer Gruppe europäischer Bürgermeister gegründet, ist er heute der größte Spitzenverband lokaler und regionaler Gebietskörperschaften Europas; seine Mitglieder sind über 50 nationale Verbände von Städten, Gemeinden und Regionen aus 37 Ländern. Der RGRE ist über Europa hinaus auch weltweit aktiv.',
    website: 'http://www.sustainablecities.eu',
    reach: 'über 50 nationale Verbände aus 37 Ländern',
    topics: ['demokratie-menschenrechte', 'frieden-internationales'],
  },
  {
    slug: 'united-cities-and-local-governments',
    name: 'United Cities and Local Governments (UCLG)',
    category: 'INTERNATIONAL',
    description:
      'UCLG verteidigt die Interessen lokaler Regierungen auf der Weltbühne, unabhängig von deren Größe, und will die vereinte Stimme und weltweite Fürsprecherin der demokratischen lokalen Selbstverwaltung sein, um Werte, Interessen und Ziele durch Zusammenarbeit untereinander und innerhalb der internationalen Gemeinschaft zu fördern.',
    website: 'https://www.uclg.org/',
    reach: null,
    topics: ['demokratie-menschenrechte', 'frieden-internationales'],
  },
  {
    slug: 'sustainable-cities-platform',
    name: 'Sustainable Cities Platform',
    category: 'INTERNATIONAL',
    description:
      'Gut 20 Jahre nach der Aalborg Charta 1994 für nachhaltige Städte und Gemeinden wurde mit der Verabschiedung der „Basque Declaration“ mit 10 Nachhaltigkeitsmaßnahmen in Bilbao die Sustainable Cities Platform eingerichtet. Sie stellt eine Datenbank für transformative Maßnahmen (Best Practice) zur Verfügung.',
    website: 'http://www.sustainablecities.eu',
    reach: null,
    topics: ['umwelt-klima'],
  },
  {
    slug: 'transition-network',
    name: 'Transition Network – Transition Towns',
    category: 'INTERNATIONAL',
    description:
      'Die Transition-Town-Bewegung ist ein Sammelbecken für alle Personen und Gruppen, die sich dem Motto zugehörig fühlen: „Einfach. Jetzt. Machen.“ Seit ca. 10 Jahren werden praktische Antworten auf die gegenwärtigen Krisen gesucht und mit optimistischem Pioniergeist erprobt – hin zu einer zukunftsfähigen Lebensweise. In Deutschland: https://www.transition-initiativen.de/',
    website: 'https://transitionnetwork.org/',
    reach: null,
    topics: ['umwelt-klima', 'buergerbeteiligung'],
  },
  {
    slug: 'ttip-ceta-free-zones-europe',
    name: 'TTIP & CETA free zones Europe',
    category: 'INTERNATIONAL',
    description:
      'In Europa haben mehr als 2000 lokale Behörden und Kommunen ihre Besorgnis oder Ablehnung über die bisherigen Verhandlungen zwischen der Europäischen Union und ihren Wirtschaftspartnern zu Freihandelsabkommen (TTIP, CETA, TiSA) erklärt.',
    website: 'https://www.ttip-free-zones.eu/',
    reach: 'mehr als 2000 lokale Behörden und Kommunen in Europa',
    topics: ['daseinsvorsorge', 'demokratie-menschenrechte'],
  },
];
