/**
 * PDF reader: bytes of a PDF rendition of the annex → the neutral page model.
 *
 * pdfjs-dist reads the pages (one walk over each page's operator list for text, paths, colours
 * and images, the structure tree; see document.ts) in a thread that can be stopped, which the
 * caller's page source runs (page-source.ts; src/threads/); this function prepares each page as
 * it arrives and lays the document out (layout.ts). The input is untrusted: no eval, no font
 * loading, no network; every failure maps to a diagnostic.
 */
import { type DiagnosticCode, type DiagnosticLocation } from '../../model/diagnostics.js';
import { type DiagnosticBag } from '../../diagnostics/bag.js';
import { InputError } from '../../diagnostics/errors.js';
import type { Page, PageModel } from '../../model/page-model.js';
import { type LetterNotes, type PlacedLetter, type UnreadLetters, labelNotesWithLetters, noteLabelOf, rewriteLetterLabels } from './note-letters.js';
import { type Box, isFiniteBox } from './geometry.js';
import type { HiddenReason } from './page-graphics.js';
import { budgetExceeded } from './page-budget.js';
import { DAMAGE, VISIBILITY } from './settings.js';
import { type LayoutFinding, layoutDocument } from './layout.js';
import { type PageContent, type PageInput, type PageVisibility, preparePage } from './page-content.js';
import { ScanTally } from './scan-pages.js';
import { unswapLetters } from './swapped-unicode.js';
import { resolveDocumentWords } from './document-words.js';
import { CleanTextTally, cleanText } from '../../model/clean-text.js';
import { type PdfjsWarningKind, classifyPdfjsWarning } from './pdfjs-warnings.js';
import { OpenError, PageLimitError, PageReadError, type PageSource, ReadLimitError } from './page-source.js';

/** Options of readPdf. */
export interface ReadPdfOptions {
  diagnostics: DiagnosticBag;
  /**
   * Where the pages come from: `readPagesInWorkers` (src/threads/read-pages.ts) reads them in
   * page-reader threads, which the limits below stop.
   */
  readPages: PageSource;
  /** Refuse PDFs with more pages than this (NAP005), before reading any page. */
  maxPages?: number;
  /** Stop after this many milliseconds (NAP009); the reading thread is terminated. */
  timeoutMs?: number;
  /**
   * Stop when reading needs more than this many MB (NAP010), e.g. a decompression bomb: each
   * reader thread's heap, and the growth of the process's resident memory during the read.
   */
  maxMemoryMb?: number;
  /** Reader threads, where the page source reads in threads (see readPagesInWorkers). */
  workers?: number;
  /** Keep the reader threads for the next read (default true; see ExtractOptions.keepWarm). */
  keepWarm?: boolean;
}

/**
 * Reads a PDF rendition of the annex into the page model. Throws InputError for unreadable input:
 * NAP001 empty, NAP008 not a PDF, NAP004 truncated or damaged (with the page), NAP003 encrypted,
 * NAP005 over the page limit, NAP009 over the time limit, NAP010 over the memory limit. Legend
 * scope and missing legends are assembly's (a page without a legend uses the one in force).
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<PageModel> {
  const { diagnostics } = options;
  const fail = (code: DiagnosticCode, message: string, location: DiagnosticLocation = {}, fields?: Parameters<DiagnosticBag['report']>[3]): never => {
    throw new InputError(diagnostics.report(code, message, location, fields));
  };
  checkEnvelope(bytes, fail);

  // Each page is prepared as it arrives (text cleaned, lines built, diagnostics of its reading
  // reported); the layout then reads the whole document, so that what one page shows (a header, a
  // running footer) serves every page.
  // One clean-text rule for every reader: controls, bidi controls, unmapped private-use characters
  // (symbol-font glyphs were mapped in the reader thread) and non-characters never reach the data.
  const tally = new CleanTextTally();
  const scans = new ScanTally();
  const contents: PageContent[] = [];
  const sizes = new Map<number, { width: number; height: number }>();
  const prepare = (input: PageInput): void => {
    if (input.size) sizes.set(input.number, input.size);
    let unswapped = 0;
    const damaged: string[] = [];
    for (const c of input.chunks) {
      const fixed = unswapLetters(c.text);
      unswapped += fixed.repaired;
      damaged.push(...fixed.damaged);
      c.text = cleanText(fixed.text, tally, { page: input.number });
    }
    if (unswapped > 0 || damaged.length > 0) reportUnswapped(unswapped, damaged, input.number, diagnostics);
    scans.note(input);
    reportPdfjsWarnings(input.warnings ?? [], input.number, diagnostics);
    if (input.visibility) reportHiddenText(input.visibility, input.number, diagnostics);
    reportDamage(input, diagnostics);
    contents.push(preparePage(input));
  };
  try {
    await options.readPages(bytes, prepare, {
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxMemoryMb !== undefined ? { maxMemoryMb: options.maxMemoryMb } : {}),
      ...(options.keepWarm !== undefined ? { keepWarm: options.keepWarm } : {}),
    });
  } catch (err) {
    if (err instanceof OpenError) {
      if (err.kind === 'password') {
        return fail('NAP003', 'The PDF is encrypted or password protected, so its text cannot be read. Ask for an unprotected copy, or remove the protection (e.g. `qpdf --decrypt`) and try again.');
      }
      return fail('NAP004', `The PDF ${err.kind === 'invalid' ? 'is damaged' : 'could not be opened'} (${err.message}); no page could be read. Download the file again.`);
    }
    if (err instanceof PageLimitError) {
      return fail('NAP005', `The PDF has ${err.pageCount} pages, more than the limit of ${options.maxPages}. Raise --max-pages if this is a genuine annex.`, {}, { actual: err.pageCount, expected: options.maxPages });
    }
    if (err instanceof ReadLimitError) {
      const at = err.pagesRead + 1;
      return err.kind === 'time'
        ? fail('NAP009', `Reading the PDF took longer than ${err.limit} ms; it was stopped at page ${at}. Check the file (a page may hold millions of drawing operations), or raise --timeout if it is a genuine, very large annex.`, { page: at }, { expected: err.limit })
        : fail('NAP010', `Reading the PDF needed more than ${err.limit} MB of memory; it was stopped at page ${at}. The file may hold a compressed stream that inflates enormously; check it, or raise --max-memory if it is a genuine, very large annex.`, { page: at }, { expected: err.limit });
    }
    if (err instanceof PageReadError) {
      const over = budgetExceeded(err.message);
      if (over !== null) {
        return fail(
          'NAP031',
          `Page ${err.page} of the PDF draws more than any annex page could (${over.what}: more than ${over.limit}${over.what === 'time' ? ' ms of parsing' : ''}); it was refused before reading it further. Check the file; it is crafted or damaged.`,
          { page: err.page },
          { actual: over.count, expected: over.limit, note: over.what },
        );
      }
      return fail('NAP004', `Page ${err.page} of the PDF is damaged (${err.message}). Download the file again.`, { page: err.page }, { cause: err.message });
    }
    throw err;
  }

  tally.report(diagnostics);
  scans.report(diagnostics);
  const laidOut = layoutWithNoteLetters(contents, diagnostics);
  for (const { page, finding } of laidOut.findings) reportLayoutFinding(finding, page, diagnostics);
  const model: PageModel = { format: 'pdf', pages: laidOut.pages.map((p) => (sizes.has(p.number) ? { ...p, size: sizes.get(p.number)! } : p)) };
  await resolveDocumentWords(model, diagnostics);
  return model;
}

/** Reports a finding of the layout: text drawn twice (NAP121), tags and geometry that disagree about rows (NAP120). */
/**
 * The document laid out (layout.ts), its notes labelled with letters read first (note-letters.ts:
 * raised letters rewritten to numbers before layout, each note given its letter as its label after).
 */
function layoutWithNoteLetters(contents: readonly PageContent[], diagnostics: DiagnosticBag): ReturnType<typeof layoutDocument> {
  const letters = rewriteLetterLabels(contents);
  const laidOut = layoutDocument(contents);
  if (letters !== null && letters.kind !== 'unread') reportLetterNotes(letters, laidOut.pages, diagnostics);
  if (letters?.kind === 'unread') reportUnreadLetters(letters, diagnostics);
  return laidOut;
}

/** Notes labelled with letters: each note gets its letter as its label; NAP207 (info) says how they were read. */
function reportLetterNotes(letters: LetterNotes, pages: Page[], diagnostics: DiagnosticBag): void {
  labelNotesWithLetters(pages, letters);
  const first = pages.find((p) => p.footnotes.length > 0);
  const name = noteLabelOf(letters);
  const [from, to] = [name(letters.first), name(letters.last)];
  const what = { roman: ['capital Roman numerals', 'numeral'], symbols: ['symbols', 'symbol'], letters: ['letters', 'letter'] }[letters.kind];
  diagnostics.report(
    'NAP207',
    `The notes are labelled with ${what[0]} (${from} to ${to}): each is read as the number of its ${what[1]} (${from} = ${letters.first}, ${to} = ${letters.last}), markers too, and keeps its ${what[1]} as its label ("label"). A ${what[1]} raised right after a digit (2ᵉ) is not a marker.`,
    first !== undefined ? { page: first.number } : {},
    { actual: letters.rewritten, note: 'actual: raised letters read as note labels and markers' },
  );
}

/** Letters that look like note labels or markers but are not read (NAP208): the notes and their markers stay text. */
function reportUnreadLetters(letters: UnreadLetters, diagnostics: DiagnosticBag): void {
  const list = (xs: readonly PlacedLetter[]): string => {
    const shown = [...new Set(xs.map((x) => x.text))];
    const pages = [...new Set(xs.map((x) => x.page))];
    return `${shown.slice(0, 8).join(', ')}${shown.length > 8 ? ' …' : ''} on page${pages.length === 1 ? '' : 's'} ${pages.slice(0, 6).join(', ')}${pages.length > 6 ? ' …' : ''}`;
  };
  const reason =
    letters.labels.length > 0
      ? `${letters.labels.length} line${letters.labels.length === 1 ? '' : 's'} start with a raised or smaller letter (${list(letters.labels)}), as notes labelled with letters do, but the letters do not run from the first to the last without a gap${letters.labels.length === 1 ? '' : ', or mix capitals and small letters'}, so they were not read as note labels: these notes are not in the output`
      : `${letters.markers.length} raised letters in the text (${list(letters.markers)}) look like note markers, but no notes labelled with letters were found (a list of notes "a." … printed at text size is not read: it cannot be told from an enumeration in the text)`;
  const first = letters.labels[0] ?? letters.markers[0]!;
  diagnostics.report(
    'NAP208',
    `${reason}; ${letters.markers.length > 0 ? `the ${letters.markers.length} raised letters stay in the cells' text as printed and cite no note` : 'no raised letter in the text cites them'}. Check the notes' numbering in the source.`,
    { page: first.page, ...withBbox(first.box) },
    { actual: [...new Set([...letters.labels, ...letters.markers].map((x) => x.text))].slice(0, 50), note: 'actual: the letters read as neither labels nor markers' },
  );
}

function reportLayoutFinding(f: LayoutFinding, page: number, diagnostics: DiagnosticBag): void {
  if (f.kind === 'uncertain') {
    diagnostics.report(
      'NAP124',
      `The table on page ${page} prints its cells centred in their rows and no ruling between two of them: the Toelichting runs on from one row into the next, so where one row's Toelichting ends cannot be seen. The row was started at its title; check the rows' explanations on page ${page} (nap-annex inspect shows each row).`,
      { page, bbox: f.bbox },
    );
    return;
  }
  if (f.kind === 'marks') {
    diagnostics.report(
      'NAP122',
      `A row on page ${page} holds ${f.marks} status marks in its Status cell, where a row has one: it is most likely ${f.marks} rows read as one. Check the row on page ${page} (nap-annex inspect shows what started each row).`,
      { page, bbox: f.bbox },
      { actual: f.marks, expected: 1 },
    );
    return;
  }
  if (f.kind === 'header-continued') {
    diagnostics.report('NAP108', `Header row broken by the end of page ${f.headerPage}: its last line, on page ${page}, joined into the header (${f.header.map((c) => `"${c}"`).join(', ')}).`, { page, bbox: f.bbox }, { actual: f.header });
    return;
  }
  if (f.kind === 'stray-mark') {
    diagnostics.report(
      'NAP126',
      `A status mark on page ${page} stands in the Status column beside no row's text: that row's text is drawn as shapes or as an image, which cannot be read, so its activity is missing. Check page ${page} (nap-annex inspect shows each row), and ask for a PDF with the text as text.`,
      { page, bbox: f.bbox },
    );
    return;
  }
  if (f.kind === 'duplicate') {
    diagnostics.report('NAP121', `Text drawn twice at the same place on page ${page} ("${f.text.slice(0, 60)}"; fake bold, or hidden duplicate text) was read once.`, { page, bbox: f.bbox }, { actual: f.text.slice(0, 200) });
    return;
  }
  diagnostics.report(
    'NAP120',
    f.tagRows > 1
      ? `The PDF's tags put ${f.tagRows} table rows (TR) where its layout shows one row; what the page shows was followed. Check the row on page ${page}.`
      : `The PDF's tags make one table row (TR) of what its layout shows as ${f.geometryRows} rows; what the page shows was followed. Check the row on page ${page}.`,
    { page, bbox: f.bbox },
    { actual: f.tagRows, expected: f.geometryRows, note: 'actual: table rows (TR) in the tags; expected: rows the layout shows' },
  );
}

/** The diagnostic code for each kind of pdfjs warning (pdfjs-warnings.ts). */
const WARNING_CODES = { skipped: 'NAP019', font: 'NAP020', 'font-failed': 'NAP030', repaired: 'NAP021', other: 'NAP022' } as const satisfies Record<string, DiagnosticCode>;

/**
 * Reports what pdfjs warned about while reading one page: one diagnostic per kind of warning
 * (pdfjs-warnings.ts), with how often it was raised, the first message as `cause` and up to five
 * distinct messages as `actual`. A skipped operator or stream is an error (content may be
 * missing), a font or a repaired file a warning.
 */
function reportPdfjsWarnings(warnings: readonly string[], page: number, diagnostics: DiagnosticBag): void {
  const byKind = new Map<PdfjsWarningKind, string[]>();
  for (const w of warnings) {
    const kind = classifyPdfjsWarning(w);
    const list = byKind.get(kind) ?? [];
    list.push(w);
    byKind.set(kind, list);
  }
  for (const [kind, messages] of byKind) {
    const n = messages.length;
    const times = n > 1 ? ` (${n} times)` : '';
    const first = messages[0]!.slice(0, 200);
    const reason =
      kind === 'skipped'
        ? `Page ${page} could not be read completely: pdfjs skipped part of its drawing${times} ("${first}"), as viewers do, so text or status icons drawn there may be missing. Check the page against the data, or get an undamaged copy of the PDF.`
        : kind === 'font'
          ? `A font used on page ${page} could not be read fully${times} ("${first}"); its text was taken from the font's character mappings. Check the page's text.`
          : kind === 'font-failed'
            ? `A font used on page ${page} could not be loaded${times} ("${first}"): the text drawn in it may be read wrongly or not at all. Get an undamaged copy of the PDF.`
          : kind === 'repaired'
            ? `The PDF's cross-reference table is damaged and was rebuilt (noticed on page ${page}); the pages were read from the rebuilt file.`
            : `pdfjs noted a problem while reading page ${page}${times} ("${first}"); the page was read. Check it.`;
    const distinct = [...new Set(messages.map((m) => m.slice(0, 200)))].slice(0, 5);
    diagnostics.report(WARNING_CODES[kind], reason, { page }, { cause: first, actual: distinct });
  }
}

/**
 * Damage that pdfjs reads through without a warning, made loud (errors, with page and box):
 * content that stops early (NAP027), a page of which most text cannot be seen (NAP028), text
 * that is mostly U+FFFD (an unmapped or damaged font mapping; NAP029). Runs after cleanText, so
 * controls and unmapped private-use characters count as U+FFFD.
 */
function reportDamage(input: PageInput, diagnostics: DiagnosticBag): void {
  const page = input.number;
  const open = input.graphics.unfinished ?? [];
  if (open.length > 0) {
    diagnostics.report(
      'NAP027',
      `The content of page ${page} is malformed (${open.join('; ')}): it stops early, as a truncated or damaged content stream does, or draws text where viewers disagree on what it shows. Text on the page may be missing or misplaced; get an undamaged copy of the PDF.`,
      { page },
      { actual: open },
    );
  }
  const letters = (t: string): number => t.replace(/\s+/g, '').length;
  const shown = input.chunks.reduce((n, c) => n + letters(c.text), 0);
  const hidden = (input.visibility?.hidden ?? []).reduce((n, h) => n + letters(h.text), 0);
  if (hidden >= DAMAGE.minHiddenLetters && hidden > shown) {
    diagnostics.report(
      'NAP028',
      `Most of the text drawn on page ${page} cannot be seen (${hidden} characters hidden, ${shown} visible): the page is damaged or made to hide its content, so its rows would be missing. Check the page in a viewer; get an undamaged copy of the PDF.`,
      { page },
      { actual: hidden, expected: shown, note: 'actual: hidden characters; expected: at most the visible characters' },
    );
  }
  const unmapped = input.graphics.unmapped;
  if (unmapped !== undefined && unmapped.glyphs >= DAMAGE.minUnreadableLetters) {
    diagnostics.report(
      'NAP029',
      `Page ${page} draws ${unmapped.glyphs} of ${unmapped.of} glyphs in fonts whose character mapping (/ToUnicode) leaves them out: the map is damaged, so the text read is not the text shown. Get an undamaged copy of the PDF.`,
      { page, ...(unmapped.box !== null ? withBbox(unmapped.box) : {}) },
      { actual: unmapped.glyphs, note: 'glyphs not in their font\'s /ToUnicode map' },
    );
    return;
  }
  const unreadable = input.chunks.filter((c) => {
    const n = letters(c.text);
    const bad = (c.text.match(/\uFFFD/g) ?? []).length;
    return bad >= DAMAGE.minUnreadableLetters && bad >= DAMAGE.unreadableShare * n;
  });
  if (unreadable.length > 0) {
    const first = unreadable[0]!;
    diagnostics.report(
      'NAP029',
      `Page ${page} has ${unreadable.length} piece${unreadable.length === 1 ? '' : 's'} of text that ${unreadable.length === 1 ? 'is' : 'are'} mostly unreadable ("${first.text.slice(0, 40)}"): a font's character mapping is damaged, so the text read is not the text shown. Get an undamaged copy of the PDF.`,
      { page, ...withBbox(first) },
      { actual: unreadable.length },
    );
  }
}

/**
 * NAP033: letters a font's Unicode map gives byte-swapped (swapped-unicode.ts) were read as the
 * letters they are; words that still hold a character of another script inside them are named.
 */
function reportUnswapped(count: number, damaged: readonly string[], page: number, diagnostics: DiagnosticBag): void {
  if (count > 0) {
    diagnostics.report(
      'NAP033',
      `Page ${page}: ${count} letter${count === 1 ? '' : 's'} came from a font whose Unicode map writes them byte-swapped (as Ghostscript 10.00 writes ligatures: "琀椀" for "ti", "昀케" for "ffi") and ${count === 1 ? 'was' : 'were'} read as the letters they stand for. Check words with ligatures (ti, tti, ff, fi, fl, ffi, ffl) on that page.`,
      { page },
      { actual: count },
    );
  }
  if (damaged.length > 0) {
    diagnostics.report(
      'NAP034',
      `Page ${page}: ${damaged.length} word${damaged.length === 1 ? '' : 's'} hold${damaged.length === 1 ? 's' : ''} a character that is no Latin letter inside ${damaged.length === 1 ? 'it' : 'them'} (${damaged.slice(0, 5).map((w) => `"${w}"`).join(', ')}): a ligature whose Unicode the font gives wrongly, which could not be read. The data holds the word as read; correct it, or get a PDF written without this damage.`,
      { page },
      { actual: damaged.slice(0, 20) },
    );
  }
}

/** How each reason for hidden text is said in a diagnostic. */
const HIDDEN_REASONS: Record<HiddenReason, string> = {
  'render-mode': 'drawn in an invisible text render mode (3 or 7)',
  transparent: 'drawn without paint (fully transparent)',
  'optional-content': 'in an optional-content layer that is off',
  clipped: 'clipped away',
  'background-colour': 'drawn in the colour of what lies under it',
  covered: 'covered by an opaque paint drawn after it',
  tiny: `less than ${VISIBILITY.minTextSize} pt tall, or squeezed to almost no width`,
  'off-page': 'placed outside the page',
  'soft-mask': 'masked out by a soft mask',
  'blend-mode': 'blended into what lies under it (its blend mode leaves the page unchanged there)',
  'empty-glyph': 'drawn with glyphs that paint nothing (a Type3 font)',
  annotation: 'drawn by an annotation or form field, not by the page',
};

/**
 * Reports the text visibility.ts left out of one page (NAP017 for each piece, with its box and
 * why), items it could not separate (NAP023) and text it could not check (NAP024).
 */
function reportHiddenText(v: PageVisibility, page: number, diagnostics: DiagnosticBag): void {
  for (const h of v.hidden) {
    diagnostics.report(
      'NAP017',
      `Text on page ${page} that a reader cannot see was left out of the data: "${h.text.slice(0, 80)}", ${HIDDEN_REASONS[h.reason]}. If it should be data, the PDF has to show it.`,
      { page, ...withBbox(h.box) },
      { actual: h.text.slice(0, 200), note: h.reason },
    );
  }
  for (const t of v.inseparable) {
    diagnostics.report(
      'NAP023',
      `Page ${page}: the text "${t.text.slice(0, 80)}" mixes visible and invisible text that could not be told apart, so it was left out of the data. Check the page.`,
      { page, ...withBbox(t.box) },
      { actual: t.text.slice(0, 200) },
    );
  }
  if (v.coveredMarks > 0) {
    diagnostics.report(
      'NAP017',
      `Page ${page}: ${v.coveredMarks} icon-sized mark${v.coveredMarks === 1 ? '' : 's'} (shape, symbol or picture) covered by an opaque fill or image drawn after ${v.coveredMarks === 1 ? 'it was' : 'them were'} left out: a covered status icon is no status.`,
      { page },
      { actual: v.coveredMarks, note: 'covered' },
    );
  }
  if (v.unchecked > 0) {
    diagnostics.report(
      'NAP024',
      `Page ${page}: ${v.unchecked} piece${v.unchecked === 1 ? '' : 's'} of text could not be checked for visibility (too many overlapping fills) and ${v.unchecked === 1 ? 'was' : 'were'} kept as data. Check the page.`,
      { page },
      { actual: v.unchecked },
    );
  }
}

function withBbox(b: Box): { bbox?: [number, number, number, number] } {
  const bbox = bboxOf(b);
  return bbox ? { bbox } : {};
}

/** A box as a diagnostic's `bbox` (0.1 pt), or undefined when a coordinate is not finite. */
function bboxOf(b: Box): [number, number, number, number] | undefined {
  if (!isFiniteBox(b)) return undefined;
  const r = (n: number): number => Math.round(n * 10) / 10;
  return [r(b.x0), r(b.y0), r(b.x1), r(b.y1)];
}

/** Cheap checks before pdfjs: a PDF header, and an end-of-file marker (a truncated file has none). */
function checkEnvelope(bytes: Uint8Array, fail: (code: DiagnosticCode, message: string) => never): void {
  if (bytes.length === 0) fail('NAP001', 'Input is empty (0 bytes).');
  const head = latin1(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) fail('NAP008', 'Not a PDF file (no %PDF- header). Give the annex as PDF, text export or HTML.');
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) fail('NAP004', 'The PDF is truncated (no %%EOF marker at its end); it was probably cut off while downloading. Download the file again.');
}

function latin1(b: Uint8Array): string {
  return new TextDecoder('latin1').decode(b);
}

