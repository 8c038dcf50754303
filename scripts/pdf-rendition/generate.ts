/**
 * Generates PDF renditions of the 2024 NAP annex whose truth is known.
 *
 *   npx tsx scripts/pdf-rendition/generate.ts                       # all committed variants → fixtures/pdf-generated/
 *   npx tsx scripts/pdf-rendition/generate.ts --variant glyph-a4-portrait [--palette c1,c2,c3,c4,c5] [--out DIR]
 *   npx tsx scripts/pdf-rendition/generate.ts --pages 200 [--out FILE.pdf]   # scaled benchmark annex (+ FILE.truth.json)
 *   npx tsx scripts/pdf-rendition/generate.ts --check               # regenerate in memory, compare with the committed files
 *
 * Library use (benchmark): `generateScaledAnnex(pages)`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadAnnexData, type ActivityData, type AnnexData, type FootnoteData, type RichBlock, type RichWord } from './annex-data.js';
import { renderAnnex, type Truth, type VariantConfig } from './render.js';
import { SCALED_VARIANT, VARIANTS, palette, variantByName } from './variants.js';

export { VARIANTS, SCALED_VARIANT, variantByName } from './variants.js';
export type { Truth, VariantConfig } from './render.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/pdf-generated/', import.meta.url));

/** Renders one variant of the real annex: the PDF bytes and its truth. */
export async function generateVariant(cfg: VariantConfig): Promise<{ pdf: Uint8Array; truth: Truth }> {
  const { bytes, truth } = await renderAnnex(await loadAnnexData(), cfg);
  return { pdf: bytes!, truth };
}

/** The truth file text (stable key order, trailing newline). */
export function truthJson(truth: Truth): string {
  return `${JSON.stringify(truth, null, 2)}\n`;
}

/**
 * The annex with each action line's activities cycled to about `factor` times as many rows.
 * Copies get ` (kopie N)` appended to the title and fresh ids; footnotes are renumbered in
 * document order (a copied citation cites a copied footnote).
 */
export function scaleAnnexData(data: AnnexData, factor: number): AnnexData {
  const byNumber = new Map(data.footnotes.map((f) => [f.number, f]));
  const footnotes: FootnoteData[] = [];
  const activities: ActivityData[] = [];
  for (const line of data.actionLines) {
    const base = data.activities.filter((a) => a.actionLine === line.number);
    const count = Math.max(base.length, Math.round(base.length * factor));
    for (let i = 0; i < count; i++) {
      const a = base[i % base.length]!;
      const copy = Math.floor(i / base.length) + 1;
      const renumber = new Map<number, number>();
      const fix = (w: RichWord): RichWord =>
        w.markers.length === 0
          ? w
          : {
              text: w.text,
              markers: w.markers.map((m) => {
                let n = renumber.get(m.number);
                if (n === undefined) {
                  n = footnotes.length + 1;
                  renumber.set(m.number, n);
                  footnotes.push({ number: n, text: byNumber.get(m.number)?.text ?? '' });
                }
                return { at: m.at, number: n, spaced: m.spaced };
              }),
            };
      const blocks: RichBlock[] = a.blocks.map((b) =>
        b.type === 'paragraph' ? { type: 'paragraph', words: b.words.map(fix) } : { type: 'list', items: b.items.map((it) => it.map(fix)) },
      );
      const sequence = i + 1;
      activities.push({
        ...a,
        id: `AL${line.number}-${String(sequence).padStart(2, '0')}`,
        sequence,
        title: copy === 1 ? a.title : `${a.title} (kopie ${copy})`,
        blocks,
        footnotes: a.footnotes.map((n) => renumber.get(n)!),
      });
    }
  }
  return { ...data, activities, footnotes };
}

/** A scaled annex of about `pages` pages, with its truth. Two layout-only passes size it. */
export async function generateScaledAnnexWithTruth(pages: number): Promise<{ pdf: Uint8Array; truth: Truth }> {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`--pages must be a positive integer, got ${pages}`);
  const data = await loadAnnexData();
  let factor = 1;
  for (let pass = 0; pass < 2; pass++) {
    const { truth } = await renderAnnex(scaleAnnexData(data, factor), SCALED_VARIANT, { draw: false });
    if (pass === 0 && truth.pages >= pages) break;
    factor *= pages / truth.pages;
  }
  const { bytes, truth } = await renderAnnex(scaleAnnexData(data, factor), SCALED_VARIANT);
  return { pdf: bytes!, truth };
}

/** A scaled annex of about `pages` pages (20, 200, 1000 …) for the benchmark. */
export async function generateScaledAnnex(pages: number): Promise<Uint8Array> {
  return (await generateScaledAnnexWithTruth(pages)).pdf;
}

function write(dir: string, name: string, pdf: Uint8Array, truth: Truth): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  writeFileSync(join(dir, `${name}.truth.json`), truthJson(truth));
  const splits = truth.activities.filter((a) => a.split).length;
  console.log(`${join(dir, name)}.pdf  ${truth.pages} pages, ${pdf.byteLength} bytes, ${truth.activities.length} activities, ${splits} split`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      variant: { type: 'string' },
      palette: { type: 'string' },
      pages: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean', default: false },
    },
  });
  if (values.pages !== undefined) {
    const started = performance.now();
    const { pdf, truth } = await generateScaledAnnexWithTruth(Number(values.pages));
    const out = resolve(values.out ?? `scaled-${values.pages}.pdf`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, pdf);
    writeFileSync(out.replace(/\.pdf$/i, '') + '.truth.json', truthJson(truth));
    console.log(`${out}  ${truth.pages} pages, ${truth.activities.length} activities, ${pdf.byteLength} bytes, ${Math.round(performance.now() - started)} ms`);
    return 0;
  }
  let variants = values.variant ? [variantByName(values.variant)] : [...VARIANTS];
  if (values.palette) {
    const colors = values.palette.split(',').map((c) => c.trim());
    if (colors.length !== 5 || !colors.every((c) => /^#[0-9a-f]{6}$/i.test(c))) throw new Error('--palette needs five #rrggbb colours, legend order');
    variants = variants.map((v) => ({ ...v, palette: palette(colors as [string, string, string, string, string]) }));
  }
  const dir = resolve(values.out ?? FIXTURE_DIR);
  let stale = 0;
  for (const v of variants) {
    const { pdf, truth } = await generateVariant(v);
    if (values.check) {
      const same =
        Buffer.compare(readFileSync(join(dir, `${v.name}.pdf`)), Buffer.from(pdf)) === 0 &&
        readFileSync(join(dir, `${v.name}.truth.json`), 'utf8') === truthJson(truth);
      console.log(`${v.name}: ${same ? 'up to date' : 'STALE'}`);
      if (!same) stale++;
    } else {
      write(dir, v.name, pdf, truth);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(2);
    },
  );
}
