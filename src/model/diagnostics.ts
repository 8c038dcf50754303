/**
 * Diagnostics: every problem any stage finds, with a stable code, a severity and a location.
 * Nothing the source says is silently dropped or invented: it becomes a diagnostic instead.
 *
 * This file holds the codes and the words stages report with (severity, stage, place, details,
 * `Reporter`); what a diagnostic is as data is its zod schema (src/schema/diagnostic.ts, the
 * `Diagnostic` type), and where they are collected is the DiagnosticBag (src/diagnostics/bag.ts).
 *
 * Severity follows data loss: `error` where a value of the source would be lost or wrong,
 * `warning` where the source is odd but nothing is lost, `info` for facts worth knowing once.
 */

/** Every severity, worst first; see the module doc for the rule. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** How bad a diagnostic is. */
export type Severity = (typeof SEVERITIES)[number];

/** The pipeline stage that reported a diagnostic. */
export type DiagnosticSource = 'input' | 'reader:text' | 'reader:pdf' | 'reader:html' | 'assemble' | 'footnotes' | 'normalise' | 'validate' | 'emit' | 'diff';

/** Every stage name, for the schema. */
export const DIAGNOSTIC_SOURCES = ['input', 'reader:text', 'reader:pdf', 'reader:html', 'assemble', 'footnotes', 'normalise', 'validate', 'emit', 'diff'] as const satisfies readonly DiagnosticSource[];

/** A position in a text input: 1-based line and, where known, 1-based character column. */
export interface TextPoint {
  line: number;
  column?: number;
}

/**
 * Where in the source a diagnostic points (vfile-message's `place`, with the PDF's page and box):
 * `page` 1-based; `line`/`column` 1-based in a text input (PDF input has no lines); `bbox`
 * `[x0, y0, x1, y1]` in PDF points from the page's top-left; `end` where a text span ends.
 */
export interface DiagnosticPlace {
  page?: number;
  line?: number;
  column?: number;
  bbox?: readonly [number, number, number, number];
  end?: TextPoint;
}

/** A value a diagnostic found or expected: text, a number, or a list of them. */
export type DiagnosticValue = string | number | readonly string[] | readonly number[];

/**
 * Where a diagnostic points, as stages pass it to `report`: the place, the row and the table
 * column (`field`). `file` is normally filled in by the bag.
 */
export interface DiagnosticLocation extends DiagnosticPlace {
  file?: string;
  row?: string;
  field?: string;
}

/** The structured fields of a diagnostic beyond its location (the optional 4th argument of `report`). */
export interface DiagnosticDetails {
  actual?: DiagnosticValue;
  expected?: DiagnosticValue;
  note?: string;
  cause?: string;
  /** Overrides the code's severity; needs a reason given in the calling code. */
  severity?: Severity;
}

/**
 * What a stage reports into: `report(code, reason, location, details)` with `reason` the sentence,
 * `location` where (page, line, bbox, row, table column as `field`), `details` the values found
 * (`actual`) and accepted (`expected`). A DiagnosticBag, or the bag of one stage
 * (`bag.stage('assemble')`, src/diagnostics/bag.ts), which also returns the diagnostic it made.
 */
export interface Reporter {
  report(code: DiagnosticCode, reason: string, location?: DiagnosticLocation, details?: DiagnosticDetails): unknown;
}

/** Where docs/diagnostics.md is published; each code is a section (`#nap201`). */
export const DIAGNOSTICS_DOC_URL = 'https://github.com/nap-annex/nap-annex/blob/main/docs/diagnostics.md';

/** The documentation address of one code, e.g. `…/docs/diagnostics.md#nap201`. */
export function diagnosticUrl(code: DiagnosticCode): string {
  return `${DIAGNOSTICS_DOC_URL}#${code.toLowerCase()}`;
}

/** Every diagnostic code, its severity and what it means: one meaning per code. docs/diagnostics.md is generated from this (`npm run diagnostics-doc`). */
export const DIAGNOSTIC_CODES = {
  // Input (NAP0xx)
  NAP001: { severity: 'error', summary: 'Input could not be read (missing, empty, binary or unreadable).' },
  NAP002: { severity: 'error', summary: 'Input is larger than the size limit (--max-bytes).' },
  NAP003: { severity: 'error', summary: 'PDF is encrypted or password protected.' },
  NAP004: { severity: 'error', summary: 'PDF is damaged or truncated.' },
  NAP005: { severity: 'error', summary: 'PDF has more pages than the page limit (--max-pages).' },
  NAP006: { severity: 'warning', summary: 'Text input is not UTF-8; it was decoded as Windows-1252.' },
  NAP007: { severity: 'info', summary: 'Text input had a byte-order mark or CRLF line endings; they were normalised.' },
  NAP008: { severity: 'error', summary: 'Input format could not be recognised.' },
  NAP009: { severity: 'error', summary: 'Reading the input took longer than the time limit (--timeout).' },
  NAP010: { severity: 'error', summary: 'Reading the input needed more memory than the limit (--max-memory).' },
  NAP011: { severity: 'info', summary: 'Text input is UTF-16 (with a byte-order mark); it was decoded as UTF-16.' },
  NAP012: { severity: 'warning', summary: 'Control characters in the input text (e.g. HTML character references such as &#1;, a PDF font mapping to ESC) were replaced with U+FFFD.' },
  NAP013: { severity: 'info', summary: 'Edition date or Kamerstuk neither printed in the document nor given (--edition-date, --kamerstuk); left null.' },
  NAP014: { severity: 'warning', summary: 'Private-use characters (no standard meaning, e.g. unmapped symbol-font glyphs) in the input text were replaced with U+FFFD.' },
  NAP015: { severity: 'warning', summary: 'Unicode non-characters in the input text were replaced with U+FFFD.' },
  NAP016: { severity: 'warning', summary: 'HTML nested deeper than 512 elements; the deeper tags were removed (text kept), as browsers flatten them.' },
  NAP017: { severity: 'warning', summary: 'Content a reader does not see was left out of the data: HTML (hidden element, display:none, zero size, text coloured like its background, <del>, SVG …) or PDF (invisible render mode, text coloured like what lies under it, clipped away by any clipping path, covered by a later paint of any shape (fill, stroke, image, stencil mask, shading, annotation), masked out by a soft mask, blended away (Screen, Lighten, Difference …), Type3 glyphs that paint nothing, optional content that is off, text too small to read (font size 0 included) or placed outside the page, text in an annotation or form field).' },
  NAP018: { severity: 'warning', summary: 'Bidirectional control characters (overrides, embeddings, isolates, marks) in the input text were removed.' },
  NAP019: { severity: 'error', summary: 'Part of a PDF page could not be read: a broken operator, resource or content stream was skipped (as viewers skip it), so what it draws may be missing from the data.' },
  NAP020: { severity: 'warning', summary: 'A font program in the PDF could not be read fully; its text was taken from the font\'s character mappings.' },
  NAP021: { severity: 'warning', summary: 'The PDF\'s file structure (cross-reference table) was damaged and was rebuilt before reading.' },
  NAP022: { severity: 'warning', summary: 'pdfjs-dist noted a problem in the PDF that the reader does not know; the page was read, check it.' },
  NAP023: { severity: 'error', summary: 'A PDF text item holds visible and invisible text that could not be told apart; the whole item was left out of the data.' },
  NAP024: { severity: 'error', summary: 'Text on a PDF page could not be checked for visibility (more overlapping fills than the reader checks); it was kept as data.' },
  NAP025: { severity: 'error', summary: 'The input has more table rows than any NAP annex could (over 20,000; the annex has about 100); it was not processed further.' },
  NAP026: { severity: 'error', summary: 'A PDF page has no readable text: blank, or damaged so that nothing on it can be read (its rows would be missing).' },
  NAP027: { severity: 'error', summary: 'A PDF page\'s content is malformed: it stops early (ends inside a text object, a marked-content sequence or a saved graphics state, as a truncated stream does) or places or draws text outside a text object; viewers disagree on what such a page shows.' },
  NAP028: { severity: 'error', summary: 'Most of the text drawn on a PDF page cannot be seen (clipped, covered, hidden): the page is damaged or made to hide its content, and its rows would be missing.' },
  NAP029: { severity: 'error', summary: 'Text on a PDF page is mostly unreadable (U+FFFD, unmapped or control characters): a font\'s character mapping is damaged, so the text read is not the text shown.' },
  NAP030: { severity: 'error', summary: 'A font of a PDF page could not be loaded; the text drawn in it may be read wrongly or not at all.' },
  NAP031: { severity: 'error', summary: 'A PDF page draws far more than any annex page could (operators, glyphs, paths, nesting, form paints or parse time over the page budget); it was refused before it was read further.' },
  NAP032: { severity: 'warning', summary: 'HTML style rules generate text a browser shows (::before / ::after content) that is not in the document\'s text; it is not in the data.' },
  NAP033: { severity: 'warning', summary: 'Letters a PDF font\'s Unicode map gives byte-swapped (Ghostscript 10.00\'s ligatures: 琀椀 for ti, 昀케 for ffi) were read as the letters they stand for; check words with ligatures.' },
  NAP034: { severity: 'error', summary: 'Words on a PDF page hold a character of another script inside them (a ligature whose Unicode the font gives wrongly) that could not be read.' },
  NAP035: { severity: 'error', summary: 'Dutch spelling (Hunspell with the Dutch dictionary) could not be loaded: words a narrow column broke, or hyphenated at line ends, were decided by the document\'s own words only. Reinstall nap-annex (npm ci).' },
  NAP038: { severity: 'warning', summary: 'PDF pages were read from an OCR text layer (invisible text over a scanned image): OCR misreads characters and loses status colours; check the data against the pages.' },
  NAP039: { severity: 'error', summary: 'A PDF page is an image without text (a scan without a text layer); a PDF of only such pages is refused: run OCR on it first.' },
  // Table structure (NAP1xx)
  NAP101: { severity: 'error', summary: 'No activity table found in the input.' },
  NAP102: { severity: 'error', summary: 'Table rows without a header row above them.' },
  NAP103: { severity: 'error', summary: 'Column header not recognised.' },
  NAP104: { severity: 'error', summary: 'Row without a title (Activiteit cell empty) that cannot be joined to a previous row.' },
  NAP105: { severity: 'error', summary: 'Row has more or fewer cells than the header.' },
  NAP106: { severity: 'error', summary: 'Text outside the table that is not known page furniture; it is not in the output.' },
  NAP107: { severity: 'error', summary: 'Activity row before any "Actielijn N" row.' },
  NAP108: { severity: 'info', summary: 'A row split by a page break was joined into one row.' },
  NAP109: { severity: 'warning', summary: 'Status legend missing or incomplete on a page.' },
  NAP110: { severity: 'error', summary: 'Text in the other cells of an "Actielijn N" row; it is not in the output.' },
  NAP111: { severity: 'warning', summary: 'The same activity title appears twice in one action line (duplicated row?).' },
  NAP112: { severity: 'info', summary: 'Two activities of one action line have the same key (title); the later ones get -2, -3 … in document order.' },
  NAP113: { severity: 'error', summary: 'An action line\'s goal sentence printed again on a later page differs from the first one; only the first is in the output.' },
  NAP115: { severity: 'error', summary: 'An "Actielijn N" row with no activity rows under it: its activities are missing.' },
  NAP116: { severity: 'error', summary: 'Action lines found but no activity rows at all: the annex yields 0 activities.' },
  NAP117: { severity: 'error', summary: 'A page whose table has a header but no rows, while its action line continues on the next page: the page\'s rows are missing.' },
  NAP120: { severity: 'warning', summary: 'A tagged PDF\'s structure tree and its layout disagree about a table row; what the page shows (rulings, gaps, cells starting side by side) was followed.' },
  NAP121: { severity: 'warning', summary: 'The same text was drawn twice at the same place in a PDF (fake bold, or a hidden duplicate); it was read once.' },
  NAP122: { severity: 'error', summary: 'A PDF row holds more than one status mark in its Status cell: most likely two rows read as one.' },
  NAP123: { severity: 'warning', summary: 'A PDF table cell is merged vertically over several rows: its text is given to the row where the cell starts.' },
  NAP124: { severity: 'error', summary: 'A PDF table prints its cells centred in their rows with no ruling between two rows: where the Toelichting of one row ends and the next begins cannot be seen.' },
  NAP125: { severity: 'warning', summary: 'A row\'s printed number (a Nr. column) is not the number of the activity it reads as: a row may be missing, doubled or out of order.' },
  NAP126: { severity: 'error', summary: 'A status mark in a PDF table stands beside no row\'s text: the row\'s text is drawn as shapes or an image, and its activity is missing.' },
  // Footnotes (NAP2xx)
  NAP201: { severity: 'error', summary: 'Footnote marker cites a footnote that is not defined.' },
  NAP202: { severity: 'warning', summary: 'Footnote is defined but never cited.' },
  NAP203: { severity: 'error', summary: 'Footnote number defined twice.' },
  NAP204: { severity: 'error', summary: 'Footnote marker or definition whose number is not a valid footnote number (0, or over 9999).' },
  NAP205: { severity: 'warning', summary: 'Footnote definition without text.' },
  NAP206: { severity: 'info', summary: 'Footnote numbering restarts on each page: markers are read with the notes of their own page, and the notes are numbered through in document order, each keeping its printed label.' },
  NAP207: { severity: 'info', summary: 'Notes are labelled with letters (a, b, c …), capital Roman numerals (I, II, III …) or symbols (*, †, ‡, § …): each is read as the number of its label, markers too, and keeps its label.' },
  NAP208: { severity: 'error', summary: 'Letters that look like note labels or markers were not read: line-start letters that leave a letter out, or raised letters in the text with no notes labelled with letters.' },
  NAP209: { severity: 'info', summary: 'A footnote runs on at the foot of the next page (a long note Word continues there, without a label); its parts were joined.' },
  // Status (NAP3xx)
  NAP301: { severity: 'info', summary: 'Input carries no status icons (text export); every status is null.' },
  NAP302: { severity: 'error', summary: 'Unknown status label.' },
  NAP303: { severity: 'error', summary: 'Status icon colour matches no legend entry on the page.' },
  NAP304: { severity: 'error', summary: 'Row has no status icon although the input carries icons; its status is lost.' },
  // Normalisation (NAP4xx)
  NAP401: { severity: 'warning', summary: 'Planning (Wanneer) not parsable; raw text kept.' },
  NAP402: { severity: 'warning', summary: 'Owner (Wie) not recognised; raw text kept.' },
  NAP403: { severity: 'warning', summary: 'Citation in a footnote not parsable; raw text kept.' },
  NAP404: { severity: 'warning', summary: 'Link whose URL is not http, https or mailto (javascript:, data:, file: …); the link text is kept, the URL dropped.' },
  // Action lines (NAP5xx)
  NAP501: { severity: 'warning', summary: 'Action-line title differs from the canonical NAP title.' },
  NAP502: { severity: 'error', summary: 'Activity count of an action line differs from the --expect counts.' },
  NAP503: { severity: 'error', summary: 'Action lines missing: an action line of the NAP (1 to 5) was not found.' },
  NAP504: { severity: 'error', summary: 'An "Actielijn N" row whose number is not a valid action-line number (0, or over 99).' },
  NAP505: { severity: 'warning', summary: 'Action lines out of order: an action line starts after a higher one.' },
  NAP506: { severity: 'warning', summary: 'An action line numbered beyond the NAP\'s five; its rows are read as printed.' },
  // Output (NAP6xx)
  NAP601: { severity: 'warning', summary: "A text cell longer than Excel's limit of 32,767 characters was cut in annex.xlsx or the Excel copies of the CSV files (--excel); annex.json and the Data Package's CSV files keep the whole text." },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

/** A known diagnostic code such as `NAP201`. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** At most this many diagnostics of one code are listed per input; the rest are counted (see DiagnosticBag.items). */
export const MAX_DIAGNOSTICS_PER_CODE = 200;

/** A page-model location (page, text line, PDF box) as a diagnostic location, optionally naming a row. */
export function locationOf(location: { page: number; line?: number; bbox?: readonly [number, number, number, number] }, row?: string): DiagnosticLocation {
  return {
    page: location.page,
    ...(location.line !== undefined ? { line: location.line } : {}),
    ...(location.bbox !== undefined ? { bbox: location.bbox } : {}),
    ...(row !== undefined ? { row } : {}),
  };
}
