// The KOG's "Prinzipien der Zusammenarbeit" of 26.9.2007 (shared/seeds/kog-prinzipien-2007.txt), word for word
// apart from two typing errors of the original (rechnenschaftspflichtig, "Kraft, Sie").
export const PRINCIPLES_TITLE =
  'Prinzipien der Zusammenarbeit der Koordinierungsgruppe (KOG) zur bundesweiten Vernetzung und Koordinierung der überparteilichen kommunalpolitischen Bewegung';
export const PRINCIPLES_DATE = '26.9.2007';

export const PRINCIPLES: string[] = [
  'Die KOG wird vom kommunalpolitischen Ratschlag gewählt und ist ihm rechenschaftspflichtig. Mit der bundesweiten Vernetzung und Koordinierung setzt sie sich das Ziel, dass die Bewegung einer alternativen und fortschrittlichen Kommunalpolitik zu einer starken und durchsetzungsfähigen Kraft wird. Sie koordiniert die Vorbereitung und Durchführung des kommunalpolitischen Ratschlags.',
  'Die KOG hat koordinierende Aufgaben, keine Leitungs- und Weisungsbefugnis gegenüber den Wahlbündnissen. Das gemeinsame perspektivische Ziel ist der Aufbau einer Art „alternativen Städtetag“.',
  'In der KOG arbeiten Unterstützer aus verschiedenen Städten gleichberechtigt zusammen. Sie besteht aus den gewählten Mitgliedern als geschäftsführender Ausschuss sowie aus Vertretern der am Ratschlag beteiligten Bündnisse. Sie entwickeln kollektive Verantwortung für das Ganze, bei persönlichen Schwerpunkten in Einzelbereichen.',
  'Die KOG stützt sich auf die Initiativen, Aktivitäten, Erkenntnisse und Erfahrungen aus den Orten, fasst diese zusammen und stellt sie bundesweit zur Verfügung. Jeder Beitrag ist willkommen auf überparteilicher, antifaschistischer und finanziell unabhängiger Grundlage. Ggf. entwickelt die KOG auf dieser Grundlage an bundesweiten Kernfragen auch weiterführende Zusammenfassungen. Jeder Unterstützer entscheidet selbst, wie und in welchem Rahmen er dazu beiträgt.',
  'Die KOG pflegt und fördert eine kameradschaftliche, sachliche und demokratische Streitkultur.',
  'Die KOG unterstützt den Beginn einer regionalen Aus- und Fortbildung, einer regionalen Zusammenarbeit und einer gegenseitigen Unterstützung beim Aufbau weiterer überparteilicher kommunaler Zusammenschlüsse.',
  'Die KOG pflegt und aktualisiert ihre Homepage Kommunale Erfahrungsbörse zur Organisierung des Erfahrungsaustausches.',
  'Die KOG sucht und hält Kontakt mit fortschrittlichen kommunalen Initiativen, Zusammenschlüssen, Organisationen, Einzelpersonen usw.',
  'Die KOG ist finanziell unabhängig und finanziert ihre Arbeit aus Spenden und freiwilligen Beiträgen der Unterstützer. Sie wählt einen Kassierer und einen Kassenprüfer. Jedes Mitglied der Koordinierungsgruppe hat das Recht, Kosten für die Arbeit ersetzt zu bekommen.',
  'Die Koordinierungsgruppe trifft sich in der Regel 4x im Jahr. Für die Vorbereitung wird ein Hauptverantwortlicher festgelegt. Er verarbeitet eingehende Vorschläge zu einer Tagesordnung, gibt diese spätestens drei Wochen und zu behandelnde Vorlagen/Materialien spätestens eine Woche vorher heraus. Er ist für die organisatorische Vorbereitung des Treffens verantwortlich und für die Erstellung eines Ergebnisprotokolls spätestens nach einer Woche.',
];
