/**
 * The checks of the corpus manifest test (test/corpus-manifest.test.ts, quick tier, and
 * test/corpus-manifest.full.test.ts, full tier): each committed rendition of the 2024 annex, from
 * fixtures/manifest.json, read by the whole pipeline and compared with its truth the way
 * scripts/score-rendition.ts scores it (scripts/corpus/compare.ts): 83 activities 27/7/31/6/12,
 * titles, 83/83 statuses, Wanneer, Wie, footnotes per row, start pages, explanations as the text
 * export's, 25 note texts, and a clean exit.
 *
 * The quick tier reads one rendition of each producer folder (the first the manifest lists, see
 * quickTierEntries); the full tier reads all others. An entry marked `known` is a layout today's
 * reader gets wrong (what fails is written there, measured): all its checks run as one `it.fails`,
 * which turns red the moment the reader reads the file right — then remove `known` from the manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  explanationMismatches,
  extractedNotes,
  extractedRow,
  truthNotes,
  truthRow,
  type Tolerances,
} from '../../scripts/corpus/compare.js';
import { FIXTURES_DIR, readManifest, type ManifestEntry } from '../../scripts/corpus/manifest.js';
import { loadTruth, type RenditionTruth } from '../../scripts/corpus/truth.js';
import { extractAnnex, type ExtractResult } from '../../src/pipeline.js';
import { extract2024Text, extractFixture } from './fixtures.js';

type Annex = ExtractResult['annex'];

export const manifest = readManifest();

/**
 * Renditions the quick tier reads besides one per producer folder: each shows a layout feature no
 * other rendition of the quick tier has, so that the quick tier's line coverage does not fall.
 */
const QUICK_EXTRA: Readonly<Record<string, string>> = {
  'word-generated/three-headers-a5-arial': 'words a narrow column broke at a page end',
  'word-generated/mirrored-borderless-a4-landscape-carlito': 'a header row broken by a page end',
  'html-printed/chromium-a4-landscape-headings-liberationserif': 'each action line a heading and a goal above a table of its own',
  'reportlab-generated/reportlab-letter-landscape-liberationserif-rings': 'status marks drawn as outlines (rings)',
  'rewritten/cairo-shading-a4-landscape-calibri': 'a label run on over chunks in other fonts (cairo draws ligatures in a font of their own)',
};

/**
 * The entries the quick tier reads: the first rendition of each producer folder in manifest order
 * (one per family: pdf-lib, LibreOffice Writer and Calc, Chromium and WeasyPrint, LaTeX,
 * ReportLab, ConTeXt, the re-writers, the scan …) that is not `known`, and QUICK_EXTRA; the full
 * tier reads the rest.
 */
export function quickTierEntries(): Set<string> {
  const seen = new Set<string>();
  const quick = new Set<string>(Object.keys(QUICK_EXTRA));
  for (const e of manifest.renditions) {
    const folder = e.file.split('/')[0]!;
    if (seen.has(folder) || e.known !== undefined) continue;
    seen.add(folder);
    quick.add(e.id);
  }
  return quick;
}
/** Codes of text or rows the reader could not place, of legend and cue trouble: none may appear on a rendition read right. */
const LAYOUT_TROUBLE = ['NAP104', 'NAP106', 'NAP109', 'NAP120', 'NAP201', 'NAP202', 'NAP303', 'NAP304'];

/** Folders of renditions (anything else under fixtures/ is bad input, adversarial text or a generator's source). */
export const RENDITION_FOLDERS = ['nap-2024', 'pdf-generated', 'word-generated', 'html-generated', 'html-printed', 'calc-generated', 'latex-generated', 'reportlab-generated', 'context-generated', 'rewritten', 'scanned'];
/** Files in those folders that are not renditions of the annex to be read. */
export const NOT_RENDITIONS = new Set(['pdf-generated/encrypted-user-password.pdf']);

function tolerances(entry: ManifestEntry): Tolerances {
  if (!entry.tolerate) return {};
  const { why: _why, ...t } = entry.tolerate;
  return t;
}

/** The outcome of reading one entry: the result, or the error the pipeline threw. */
type Read = { result: ExtractResult; error?: undefined } | { result?: undefined; error: Error & { diagnostic?: { code: string; reason: string } } };

const reads = new Map<string, Promise<Read>>();
function read(entry: ManifestEntry): Promise<Read> {
  let r = reads.get(entry.id);
  if (!r) {
    r = extractFixture(join(FIXTURES_DIR, entry.file)).then(
      (result) => ({ result }),
      (error: Error) => ({ error }),
    );
    reads.set(entry.id, r);
  }
  return r;
}

export async function annexOf(entry: ManifestEntry): Promise<{ annex: Annex; diagnostics: ExtractResult['diagnostics'] }> {
  const r = await read(entry);
  if (r.error) throw new Error(`${entry.file}: the pipeline threw ${r.error.name}: ${r.error.message}`);
  return r.result;
}

let reference: Annex;

/** The checks of one rendition against its truth, each a function so that a known entry can run them all as one. */
function checks(entry: ManifestEntry, truth: () => RenditionTruth, rawTruth: () => Record<string, unknown> | undefined): Array<[string, () => Promise<void>]> {
  const tolerate = tolerances(entry);
  return [
    [
      'reads 83 activities 27/7/31/6/12 in document order with the truth titles and page count',
      async () => {
        const { annex } = await annexOf(entry);
        const t = truth();
        expect(annex.source.pageCount).toBe(t.pages);
        expect(annex.actionLines.map((a) => [a.number, a.title, a.activityCount])).toEqual(
          t.actionLines.map((l) => [l.number, l.title, t.activities.filter((a) => a.actionLine === l.number).length]),
        );
        expect(annex.actionLines.map((a) => a.activityCount)).toEqual([27, 7, 31, 6, 12]);
        expect(annex.activities.map((a) => a.title)).toEqual(t.activities.map((a) => a.title));
      },
    ],
    [
      'reads every row like the truth: status and how it was found (83/83), Wanneer, Wie, footnotes, start page',
      async () => {
        const { annex } = await annexOf(entry);
        const t = truth();
        expect(annex.activities.map((a) => extractedRow(a, tolerate))).toEqual(t.activities.map((a) => truthRow(a, t, tolerate)));
      },
    ],
    [
      'has the 25 notes with their texts as printed, each cited by one row',
      async () => {
        const { annex } = await annexOf(entry);
        expect(extractedNotes(annex, tolerate)).toEqual(truthNotes(truth()));
        expect(annex.footnotes).toHaveLength(25);
        expect(annex.footnotes.every((f) => f.citedBy.length === 1)).toBe(true);
      },
    ],
    [
      'reads explanations as the text export has them (bullets as list items, no symbol-font code points)',
      async () => {
        const { annex } = await annexOf(entry);
        expect(explanationMismatches(annex, reference, tolerate)).toEqual([]);
        expect(JSON.stringify(annex)).not.toMatch(/[\uf020-\uf0ff\ufffe]/u);
        expect(annex.activities.some((a) => a.explanation.blocks.some((b) => b.type === 'list'))).toBe(true);
      },
    ],
    [
      entry.diagnostics
        ? `gives exactly the diagnostics ${[...new Set(entry.diagnostics)].map((c) => `${c}×${entry.diagnostics!.filter((d) => d === c).length}`).join(', ')}`
        : 'exits clean: no error, and no code of text or rows it could not place',
      async () => {
        const { diagnostics } = await annexOf(entry);
        const codes = diagnostics.map((d) => d.code);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        if (entry.diagnostics) expect([...codes].sort()).toEqual(entry.diagnostics);
        else for (const code of LAYOUT_TROUBLE) expect(codes).not.toContain(code);
        // pdf-rendition truths mark split rows; the reader reports each join once (NAP108).
        const activities = rawTruth()?.activities as Array<{ split?: unknown }> | undefined;
        if (activities?.every((a) => typeof a.split === 'boolean')) {
          expect(codes.filter((c) => c === 'NAP108')).toHaveLength(activities.filter((a) => a.split === true).length);
        }
      },
    ],
  ];
}

/** A scan: no output, exit 2 (InputError), one diagnostic that names the missing text layer. */
function scanChecks(entry: ManifestEntry): Array<[string, () => Promise<void>]> {
  return [
    [
      'is refused (exit 2, no output) with one diagnostic naming the missing text layer',
      async () => {
        const r = await read(entry);
        expect(r.error?.name).toBe('InputError');
        // NAP039: a page that is an image without text; the whole PDF is such pages.
        expect(r.error?.diagnostic?.code).toBe('NAP039');
      },
    ],
  ];
}

/** Describes each of `entries` as a rendition to read and check against its truth. */
export function describeRenditions(entries: readonly ManifestEntry[]): void {
  beforeAll(async () => {
    ({ annex: reference } = await extract2024Text());
  });
  describe.each(entries.map((e) => [e.id, e] as const))('rendition %s', (_id, entry) => {
  let truth: RenditionTruth;
  let raw: Record<string, unknown> | undefined;
  beforeAll(async () => {
    truth = await loadTruth(entry.truth, FIXTURES_DIR, entry.id, extractAnnex);
    raw = typeof entry.truth === 'string' ? (JSON.parse(readFileSync(join(FIXTURES_DIR, entry.truth), 'utf8')) as Record<string, unknown>) : undefined;
  });
  const list =
    entry.expect === 'no-text-layer'
      ? scanChecks(entry)
      : checks(
          entry,
          () => truth,
          () => raw,
        );
  if (entry.known !== undefined) {
    it.fails(`reads like its truth (known to fail today: ${entry.known})`, async () => {
      for (const [, check] of list) await check();
    });
  } else {
    for (const [name, check] of list) it(name, check);
  }
});
}
