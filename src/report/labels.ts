/**
 * The report's words in Dutch (default; the annex's own language) and English. Status labels in
 * Dutch are the legend labels of the annex (src/model/vocabulary.ts); English ones are translations.
 */
import { STATUS_LEGEND } from '../model/vocabulary.js';
import { statusCodeSchema, type StatusCode } from '../schema/annex.js';

/** Languages of the report page. */
export type Lang = 'nl' | 'en';

/** Status codes in legend order. */
export const STATUS_ORDER: readonly StatusCode[] = statusCodeSchema.options;

const STATUS_LABELS: Record<Lang, Record<StatusCode, string>> = {
  nl: Object.fromEntries(STATUS_LEGEND.map((e) => [e.code, e.label])) as Record<StatusCode, string>,
  en: {
    completed: 'Completed',
    in_progress: 'In progress',
    ongoing: 'Ongoing throughout the programme',
    delayed: 'In progress, delayed',
    not_started_or_stopped: 'Not started or stopped',
  },
};

/** The label of a status code in `lang` (the legend wording for Dutch). */
export function statusLabel(code: StatusCode, lang: Lang): string {
  return STATUS_LABELS[lang][code];
}

/** Every fixed text of the page, per language. */
export const WORDS = {
  nl: {
    contents: 'Inhoud',
    source: 'Bron',
    pages: 'pagina’s',
    activities: 'activiteiten',
    actionLines: 'actielijnen',
    footnotes: 'voetnoten',
    actionLine: 'Actielijn',
    progress: 'Voortgang per actielijn',
    progressIntro: 'Aantal activiteiten per status. Elk balkdeel draagt zijn aantal als tekst; de tabel eronder geeft dezelfde aantallen.',
    legendColors: 'Kleuren: die van de statusiconen in het document.',
    paletteColors: 'Kleuren: een palet dat ook bij kleurenblindheid te onderscheiden is (Okabe-Ito).',
    noStatuses:
      'Deze invoer bevat geen statussen: een tekstexport verliest de gekleurde statusiconen van het document. Daarom staan hier geen statusgrafieken en is er geen lijst van vertraagde activiteiten. Maak het rapport van de PDF zoals gepubliceerd om de statussen te zien.',
    total: 'Totaal',
    attention: 'Vertraagd, niet begonnen of afgebroken',
    attentionNone: 'Geen activiteiten met vertraging en geen die niet begonnen of afgebroken zijn.',
    timeline: 'Planning',
    timelineIntro: 'Eén balk per activiteit (Wanneer, zoals gepland), op een tijdas van de eerste tot de laatste datum van de planningen. Een gestreepte balk met ▶ heeft geen einddatum: hij loopt tot de peildatum en is niet verder getrokken. De verticale lijn is de peildatum',
    timelineCount: 'activiteiten op de tijdlijn',
    dateGiven: 'peildatum',
    open: 'open',
    noDate: 'geen datum',
    table: 'Alle activiteiten',
    filterActionLine: 'Actielijn',
    filterStatus: 'Status',
    filterOwner: 'Wie',
    search: 'Zoeken',
    searchPlaceholder: 'woord uit titel, Wie of Toelichting',
    all: 'alle',
    shown: 'getoond',
    of: 'van',
    id: 'Nr.',
    activity: 'Activiteit',
    status: 'Status',
    planning: 'Wanneer',
    owners: 'Wie',
    explanation: 'Toelichting',
    noStatus: 'geen status',
    page: 'pagina',
    line: 'regel',
    diagnostics: 'Meldingen bij het inlezen',
    diagnosticsNone: 'Geen meldingen.',
    severity: { error: 'fout', warning: 'waarschuwing', info: 'info' },
    code: 'Code',
    location: 'Plaats',
    message: 'Melding',
    compare: 'Wat is er veranderd',
    comparedWith: 'vergeleken met',
    added: 'Nieuw',
    removed: 'Vervallen',
    renamed: 'Andere titel',
    changed: 'gewijzigd',
    unchanged: 'ongewijzigd',
    transitions: 'Statusovergangen',
    transitionsIntro: 'Rijen: status in de oudere bijlage; kolommen: status in deze bijlage. Op de diagonaal: ongewijzigd.',
    transitionsNone: 'Statussen niet vergeleken: een van beide bijlagen bevat geen statussen (tekstexport).',
    from: 'van',
    to: 'naar',
    statusChanges: 'Gewijzigde status',
    planningShifts: 'Verschoven planning',
    start: 'begin',
    end: 'eind',
    quarter: 'kwartaal',
    quarters: 'kwartalen',
    notComparable: 'niet te vergelijken',
    ownerChanges: 'Gewijzigd: Wie',
    explanationChanges: 'Gewijzigde toelichting',
    wordsAdded: 'woorden erbij',
    wordsRemoved: 'woorden eruit',
    tooDifferent: 'De teksten verschillen te veel voor een woord-voor-woordvergelijking.',
    otherChanges: 'Overige wijzigingen',
    field: { actionLine: 'actielijn', footnotes: 'voetnoten', title: 'titel', status: 'status', planning: 'Wanneer', owners: 'Wie', explanation: 'Toelichting' } as Record<string, string>,
    none: 'geen',
    column: 'kolom',
    found: 'gevonden',
    expected: 'verwacht',
    footnote: 'voetnoot',
    notes: 'Anders gedrukt, zelfde betekenis',
    notesIntro: 'Geen wijzigingen: de status heeft dezelfde code, de planning dezelfde periode, Wie dezelfde eigenaren.',
    noteField: { status: 'statuslabel', planning: 'tekst van Wanneer', owners: 'tekst van Wie' } as Record<string, string>,
    infoHidden: 'info-meldingen niet getoond (feiten, zoals een rij die over een paginagrens liep); --verbose toont ze',
    counted: 'fouten, waarschuwingen, info',
    dateEdition: 'peildatum (datum van deze editie)',
    dateNone: 'geen peildatum: de editie noemt geen datum (geef er een met --date)',
    openFrom: 'vanaf',
    generated: 'Gemaakt met nap-annex',
    print: 'Afdrukken',
  },
  en: {
    contents: 'Contents',
    source: 'Source',
    pages: 'pages',
    activities: 'activities',
    actionLines: 'action lines',
    footnotes: 'footnotes',
    actionLine: 'Action line',
    progress: 'Progress per action line',
    progressIntro: 'Number of activities per status. Every bar segment carries its count as text; the table below gives the same counts.',
    legendColors: 'Colours: those of the status icons in the document.',
    paletteColors: 'Colours: a palette that stays distinguishable with colour blindness (Okabe-Ito).',
    noStatuses:
      'This input carries no statuses: a text export loses the coloured status icons of the document. So there are no status charts and no list of delayed activities here. Make the report from the PDF as published to see the statuses.',
    total: 'Total',
    attention: 'Delayed, not started or stopped',
    attentionNone: 'No delayed activities and none not started or stopped.',
    timeline: 'Planning',
    timelineIntro: 'One bar per activity (Wanneer, as planned), on a time axis from the first to the last date of the plannings. A striped bar with ▶ has no end date: it runs to the reference date and is not drawn further. The vertical line is the reference date',
    timelineCount: 'activities on the timeline',
    dateGiven: 'reference date',
    open: 'open',
    noDate: 'no date',
    table: 'All activities',
    filterActionLine: 'Action line',
    filterStatus: 'Status',
    filterOwner: 'Owner',
    search: 'Search',
    searchPlaceholder: 'a word of the title, owners or explanation',
    all: 'all',
    shown: 'shown',
    of: 'of',
    id: 'No.',
    activity: 'Activity',
    status: 'Status',
    planning: 'Planning',
    owners: 'Owners',
    explanation: 'Explanation',
    noStatus: 'no status',
    page: 'page',
    line: 'line',
    diagnostics: 'Diagnostics from reading the input',
    diagnosticsNone: 'No diagnostics.',
    severity: { error: 'error', warning: 'warning', info: 'info' },
    code: 'Code',
    location: 'Location',
    message: 'Message',
    compare: 'What changed',
    comparedWith: 'compared with',
    added: 'New',
    removed: 'Removed',
    renamed: 'Renamed',
    changed: 'changed',
    unchanged: 'unchanged',
    transitions: 'Status transitions',
    transitionsIntro: 'Rows: status in the older annex; columns: status in this annex. On the diagonal: unchanged.',
    transitionsNone: 'Statuses not compared: one of the annexes carries no statuses (text export).',
    from: 'from',
    to: 'to',
    statusChanges: 'Changed status',
    planningShifts: 'Shifted planning',
    start: 'start',
    end: 'end',
    quarter: 'quarter',
    quarters: 'quarters',
    notComparable: 'not comparable',
    ownerChanges: 'Changed owners',
    explanationChanges: 'Changed explanation',
    wordsAdded: 'words added',
    wordsRemoved: 'words removed',
    tooDifferent: 'The texts differ too much for a word-by-word comparison.',
    otherChanges: 'Other changes',
    field: { actionLine: 'action line', footnotes: 'footnotes', title: 'title', status: 'status', planning: 'planning', owners: 'owners', explanation: 'explanation' } as Record<string, string>,
    none: 'none',
    column: 'column',
    found: 'found',
    expected: 'expected',
    footnote: 'footnote',
    notes: 'Printed differently, same meaning',
    notesIntro: 'Not changes: the status has the same code, the planning the same period, the owners are the same.',
    noteField: { status: 'status label', planning: 'planning text', owners: 'owners text' } as Record<string, string>,
    infoHidden: 'info diagnostics not listed (facts, such as a row that ran across a page break); --verbose lists them',
    counted: 'errors, warnings, info',
    dateEdition: 'reference date (date of this edition)',
    dateNone: 'no reference date: the edition names no date (give one with --date)',
    openFrom: 'from',
    generated: 'Made with nap-annex',
    print: 'Print',
  },
} as const;

/** The words of one language. */
export type Words = (typeof WORDS)[Lang];

/** `eind +2 kwartalen` / `end -1 quarter` / `begin niet te vergelijken`. */
export function shiftText(side: 'start' | 'end', quarters: number | null, words: Words): string {
  const name = side === 'start' ? words.start : words.end;
  if (quarters === null) return `${name} ${words.notComparable}`;
  const sign = quarters > 0 ? `+${quarters}` : quarters < 0 ? `−${-quarters}` : '±0';
  return `${name} ${sign} ${Math.abs(quarters) === 1 ? words.quarter : words.quarters}`;
}

/** `1 voetnoot`, `3 voetnoten` / `1 footnote`, `3 footnotes`. */
export function footnoteCount(n: number, words: Words): string {
  return `${n} ${n === 1 ? words.footnote : words.footnotes}`;
}
