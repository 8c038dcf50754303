/**
 * The annex content the generator lays out, taken from the real text export through the
 * project's own pipeline (`extractAnnex`), plus the statuses the rendition's icons stand for.
 *
 * Footnote markers: the pipeline removes them from the explanation, so their positions are
 * recovered from the assembled (marker-bearing) Toelichting cells: each marker is replaced by a
 * private-use placeholder, the cell goes through the same explanation normaliser, and the
 * placeholders become marker anchors on words. The result, markers dropped, is checked to equal
 * the pipeline's explanation blocks exactly.
 */
import { readFileSync } from 'node:fs';
import { assembleRows } from '../../src/assemble/rows.js';
import { DiagnosticBag } from '../../src/diagnostics/bag.js';
import { STATUS_LEGEND } from '../../src/model/vocabulary.js';
import { fromSuperscript } from '../../src/model/superscript.js';
import { normaliseExplanation } from '../../src/normalise/explanation.js';
import { extractAnnex } from '../../src/pipeline.js';
import { readText } from '../../src/readers/text-reader.js';
import type { ExplanationBlock } from '../../src/schema/annex.js';

export const TEXT_EXPORT = new URL('../../fixtures/nap-2024/bijlage-1.txt', import.meta.url);
export const EXPECTED_STATUSES = new URL('../../fixtures/nap-2024/bijlage-1-rendition.expected-statuses.json', import.meta.url);

/** The five legend labels, in legend order. */
export const STATUS_LABELS = STATUS_LEGEND.map((e) => e.label);
export type StatusLabel = string;

/** A footnote marker inside a word: printed as raised small digits before character `at`. */
export interface Marker {
  at: number;
  number: number;
  /** The export prints a space before this marker (`ontvangen. ¹⁶`); otherwise it is glued (`2023.¹⁴`). */
  spaced: boolean;
}

/** A word of running text (no spaces inside) with the footnote markers it carries. */
export interface RichWord {
  text: string;
  markers: Marker[];
}

export type RichBlock = { type: 'paragraph'; words: RichWord[] } | { type: 'list'; items: RichWord[][] };

export interface ActivityData {
  id: string;
  actionLine: number;
  sequence: number;
  title: string;
  status: StatusLabel;
  planning: string;
  owners: string;
  blocks: RichBlock[];
  /** Footnote numbers cited in the row, in order of appearance. */
  footnotes: number[];
}

export interface ActionLineData {
  number: number;
  title: string;
  /** Third header cell: `Wanneer`, or `Oorspronkelijke planning` (Actielijn 4). */
  planningHeader: string;
}

export interface FootnoteData {
  number: number;
  text: string;
}

export interface AnnexData {
  title: string;
  actionLines: ActionLineData[];
  activities: ActivityData[];
  footnotes: FootnoteData[];
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER_WITH_SPACE = /[ \t\u00a0]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g;
const PLACEHOLDER = new RegExp(`${OPEN}(s?)(\\d+)${CLOSE}`, 'g');

function toRichWords(text: string): RichWord[] {
  return text
    .split(' ')
    .filter((w) => w !== '')
    .map((raw) => {
      const markers: Marker[] = [];
      let clean = '';
      let last = 0;
      for (const m of raw.matchAll(PLACEHOLDER)) {
        clean += raw.slice(last, m.index);
        markers.push({ at: clean.length, number: Number(m[2]), spaced: m[1] === 's' });
        last = m.index + m[0].length;
      }
      clean += raw.slice(last);
      return { text: clean, markers };
    });
}

function wordsText(words: RichWord[]): string {
  return words.map((w) => w.text).join(' ');
}

/** The explanation blocks of `blocks`, markers dropped (for comparison with the pipeline). */
export function plainBlocks(blocks: RichBlock[]): ExplanationBlock[] {
  return blocks.map((b) =>
    b.type === 'paragraph' ? { type: 'paragraph', text: wordsText(b.words) } : { type: 'list', items: b.items.map(wordsText) },
  );
}

let cached: Promise<AnnexData> | undefined;

/** Loads (once per process) the annex data from the text export and the expected statuses. */
export function loadAnnexData(): Promise<AnnexData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<AnnexData> {
  const bytes = new Uint8Array(readFileSync(TEXT_EXPORT));
  const { annex } = await extractAnnex(bytes, { fileName: 'bijlage-1.txt' });
  const statuses = JSON.parse(readFileSync(EXPECTED_STATUSES, 'utf8')) as Array<{ actielijn: number; title: string; status: string }>;
  if (statuses.length !== annex.activities.length) {
    throw new Error(`expected-statuses has ${statuses.length} entries, the text export ${annex.activities.length} activities`);
  }
  // Marker-bearing Toelichting cells, by activity id.
  const bag = new DiagnosticBag('bijlage-1.txt');
  const rawCells = new Map(assembleRows(readText(bytes, bag), bag).rows.map((r) => [r.id, r.cells.explanation]));

  const activities = annex.activities.map((a, i): ActivityData => {
    const expected = statuses[i];
    if (!expected || expected.title !== a.title || expected.actielijn !== a.actionLine) {
      throw new Error(`expected-statuses entry ${i + 1} does not match activity ${a.id} "${a.title}"`);
    }
    if (!STATUS_LABELS.includes(expected.status)) throw new Error(`unknown status "${expected.status}" for ${a.id}`);
    const raw = rawCells.get(a.id);
    if (raw === undefined) throw new Error(`no assembled row for ${a.id}`);
    const withPlaceholders = raw.replace(
      MARKER_WITH_SPACE,
      (m, digits: string) => `${OPEN}${m.length > digits.length ? 's' : ''}${fromSuperscript(digits)}${CLOSE}`,
    );
    const normalised = normaliseExplanation(withPlaceholders);
    const blocks: RichBlock[] = normalised.blocks.map((b) =>
      b.type === 'paragraph' ? { type: 'paragraph', words: toRichWords(b.text) } : { type: 'list', items: b.items.map(toRichWords) },
    );
    if (JSON.stringify(plainBlocks(blocks)) !== JSON.stringify(a.explanation.blocks)) {
      throw new Error(`marker recovery changed the explanation of ${a.id}`);
    }
    const markerOrder = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.words] : b.items)).flat().flatMap((w) => w.markers.map((m) => m.number));
    if (JSON.stringify(markerOrder) !== JSON.stringify(a.footnotes)) {
      throw new Error(`${a.id}: markers ${markerOrder.join(',')} outside the Toelichting or out of order (pipeline: ${a.footnotes.join(',')})`);
    }
    return {
      id: a.id,
      actionLine: a.actionLine,
      sequence: a.sequence,
      title: a.title,
      status: expected.status,
      planning: a.planning.text,
      owners: a.owners.text,
      blocks,
      footnotes: a.footnotes,
    };
  });

  const actionLines = annex.actionLines.map((l) => ({
    number: l.number,
    title: l.title,
    planningHeader: l.number === 4 ? 'Oorspronkelijke planning' : 'Wanneer',
  }));
  return {
    title: annex.title ?? 'Bijlage 1.',
    actionLines,
    activities,
    footnotes: annex.footnotes.map((f) => ({ number: f.number, text: f.text })),
  };
}
