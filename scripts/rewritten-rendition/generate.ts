/**
 * Committed renditions re-written by another program, as PDFs are on their way to a reader
 * (printed "to PDF" again, optimised, archived): Ghostscript's `pdfwrite` re-distils, cairo
 * (`pdftocairo -pdf`) re-draws. The page layout does not change, so the truth is the source's,
 * re-checked: same page count and size, and every page's text (pdfjs-dist, white space removed)
 * the same as the source page's — except where the program is known to damage the text layer,
 * which the truth then names (`textLayer`).
 *
 *   npx tsx scripts/rewritten-rendition/generate.ts [--variant NAME] [--out DIR]   # → fixtures/rewritten/
 *
 * Needs Ghostscript (10.00.0 used) and poppler-utils (pdftocairo 22.12, cairo 1.16).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const REWRITTEN_DIR = join(FIXTURES, 'rewritten');

export interface RewriteVariant {
  name: string;
  description: string;
  tool: 'gs' | 'cairo';
  /** The committed rendition re-written, under fixtures/. */
  source: string;
  /** Its truth file, under fixtures/. */
  sourceTruth: string;
  /**
   * A known damage to the text layer, and how the check undoes it before comparing with the
   * source: `undo` repairs what can be repaired and returns a pattern the source page must match.
   */
  textLayer?: { damage: string; undo: (s: string) => RegExp };
}

/**
 * Ghostscript 10.00.0 writes the ToUnicode entry of a ligature glyph (LibreOffice sets `ti`, `tti`,
 * `fi` … in Carlito as one glyph) as the characters' bytes shifted into the high byte: `ti` becomes
 * U+7400 U+6900 (`琀椀`). Such characters are taken back as ASCII; what cannot be (a three-letter
 * ligature reads as a character outside the BMP, as U+FFFD, or as one shifted character past
 * ASCII: `ffi` as U+CF00) may stand for one to three letters.
 */
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function undoShiftedLigatures(s: string): RegExp {
  const repaired = s.replace(/[\u2000-\uff00]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code & 0xff) return c;
    return code >> 8 <= 0x7e ? String.fromCharCode(code >> 8) : '\ufffd';
  });
  const parts = repaired.split(/[\u{10000}-\u{10ffff}\ufffd]/u);
  return new RegExp(`^${parts.map(escapeRe).join('[a-z]{1,3}')}$`);
}

export const REWRITE_VARIANTS: RewriteVariant[] = [
  {
    name: 'gs-wingdings-a4-landscape-calibri',
    description:
      'word-generated/wingdings-a4-landscape-calibri.pdf re-distilled by Ghostscript 10.00.0 pdfwrite (untagged now); its text layer carries Carlito\'s ligatures with their bytes shifted (Ghostscript 10.00.0 ToUnicode): `ti` as U+7400 U+6900, so `Activiteit` reads `Ac琀椀viteit`, and `tti`/`ffi` as characters no repair can read back',
    tool: 'gs',
    source: 'word-generated/wingdings-a4-landscape-calibri.pdf',
    sourceTruth: 'word-generated/wingdings-a4-landscape-calibri.truth.json',
    textLayer: {
      damage: 'ligature glyphs map to their letters\' bytes shifted into the high byte (`ti` → U+7400 U+6900; `tti`, `ffi` unrecoverably) (Ghostscript 10.00.0 ToUnicode)',
      undo: undoShiftedLigatures,
    },
  },
  {
    name: 'gs-unicode-a4-portrait-arial',
    description: 'word-generated/unicode-a4-portrait-arial.pdf re-distilled by Ghostscript 10.00.0 pdfwrite (untagged now; Liberation Sans has no ligatures the layout uses)',
    tool: 'gs',
    source: 'word-generated/unicode-a4-portrait-arial.pdf',
    sourceTruth: 'word-generated/unicode-a4-portrait-arial.truth.json',
  },
  {
    name: 'cairo-shading-a4-landscape-calibri',
    description:
      'word-generated/shading-a4-landscape-calibri-tagged.pdf re-drawn by pdftocairo -pdf (cairo 1.16, untagged now); cairo puts the glyphs it cannot encode in WinAnsi (the `ti` ligature, bullets) in a second, CID font of the same face, so a word can switch font in its middle (`Ac|ti|viteit`)',
    tool: 'cairo',
    source: 'word-generated/shading-a4-landscape-calibri-tagged.pdf',
    sourceTruth: 'word-generated/shading-a4-landscape-calibri.truth.json',
  },
  {
    name: 'cairo-unicode-a4-portrait-arial',
    description: 'word-generated/unicode-a4-portrait-arial.pdf re-drawn by pdftocairo -pdf (cairo 1.16, untagged now)',
    tool: 'cairo',
    source: 'word-generated/unicode-a4-portrait-arial.pdf',
    sourceTruth: 'word-generated/unicode-a4-portrait-arial.truth.json',
  },
];

async function pages(bytes: Uint8Array): Promise<{ texts: string[]; size: [number, number]; marked: boolean }> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent();
    texts.push(tc.items.map((i) => ('str' in i ? i.str : '')).join('').replace(/\s+/g, ''));
  }
  const [x0, y0, x1, y1] = (await doc.getPage(1)).view as [number, number, number, number];
  const marked = ((await doc.getMarkInfo()) as { Marked?: boolean } | null)?.Marked === true;
  await doc.destroy();
  return { texts, size: [Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100], marked };
}

function rewrite(v: RewriteVariant, out: string): string {
  const src = join(FIXTURES, v.source);
  if (v.tool === 'gs') {
    execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', '-o', out, src]);
    return execFileSync('gs', ['--version'], { encoding: 'utf8' }).trim().replace(/^/, 'GPL Ghostscript ') + ' pdfwrite';
  }
  execFileSync('pdftocairo', ['-pdf', src, out]);
  const version = execFileSync('pdftocairo', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  return `pdftocairo -pdf (${/pdftocairo version ([\d.]+)/.exec(version)?.[1] ?? '?'}, cairo)`;
}

/** Re-writes one committed rendition, checks it against its source and writes PDF and truth. */
export async function generateRewrite(v: RewriteVariant, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${v.name}.pdf`);
  const producer = rewrite(v, out);
  const [before, after] = await Promise.all([pages(new Uint8Array(readFileSync(join(FIXTURES, v.source)))), pages(new Uint8Array(readFileSync(out)))]);
  if (after.texts.length !== before.texts.length) throw new Error(`${v.name}: ${after.texts.length} pages, the source has ${before.texts.length}`);
  if (Math.abs(after.size[0] - before.size[0]) > 1 || Math.abs(after.size[1] - before.size[1]) > 1) throw new Error(`${v.name}: page size changed`);
  let damaged = 0;
  after.texts.forEach((t, i) => {
    if (t === before.texts[i]) return;
    damaged++;
    if (!v.textLayer?.undo(t).test(before.texts[i]!)) throw new Error(`${v.name}: page ${i + 1} text differs from the source's`);
  });
  if (v.textLayer && damaged === 0) throw new Error(`${v.name}: the damage "${v.textLayer.damage}" is not there`);
  const truth = JSON.parse(readFileSync(join(FIXTURES, v.sourceTruth), 'utf8')) as Record<string, unknown>;
  const out2 = {
    ...truth,
    name: v.name,
    description: v.description,
    generator: `scripts/rewritten-rendition/generate.ts --variant ${v.name}`,
    source: v.source,
    producer,
    pdfs: [{ file: `${v.name}.pdf`, tagged: after.marked }],
    tagged: after.marked,
    ...(v.textLayer ? { textLayer: { damage: v.textLayer.damage, pagesAffected: damaged } } : {}),
  };
  writeFileSync(join(outDir, `${v.name}.truth.json`), `${JSON.stringify(out2, null, 2)}\n`);
  console.log(`${v.name}: ${after.texts.length} pages, text as the source's${v.textLayer ? ` once "${v.textLayer.damage}" is undone (${damaged} pages affected)` : ''}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { variant: { type: 'string', multiple: true }, out: { type: 'string' } } });
  const chosen = values.variant ? REWRITE_VARIANTS.filter((v) => values.variant!.includes(v.name)) : REWRITE_VARIANTS;
  (async () => {
    for (const v of chosen) await generateRewrite(v, values.out ?? REWRITTEN_DIR);
  })().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
