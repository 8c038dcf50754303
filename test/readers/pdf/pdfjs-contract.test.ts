/**
 * The pdfjs-dist contract (src/readers/pdf/pdfjs-contract.ts): every field and behaviour of
 * pdfjs-dist the PDF reader relies on beyond its documented API, checked through its accessor
 * on a fixture, so that an upgrade of pdfjs-dist fails here on the exact fact that changed.
 * Small PDFs made for a fact (test/readers/pdf/mini-pdf.ts) say exactly what pdfjs must hand
 * over; the committed renditions show the facts hold on real files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openPdf } from '../../../src/readers/pdf/document.js';
import {
  AnnotationMode,
  BLEND_DARKENING,
  BLEND_NORMAL,
  DrawOp,
  ImageKind,
  OPS,
  type OperatorList,
  PDFJS_CHECKED_VERSION,
  VerbosityLevel,
  WARNING_PREFIX,
  WARNING_WORDING,
  classifyPdfjsWarning,
  contentId,
  contentIdPrefix,
  fontFacts,
  formArgs,
  gStateEntries,
  glyphFacts,
  groupArgs,
  markedContentArgs,
  objectStore,
  pathArgs,
  showTextGlyphs,
  stencilMask,
  toUnicodeMap,
  isClosingRestore,
  watchOperatorListChunks,
} from '../../../src/readers/pdf/pdfjs-contract.js';
import { PDF_2024 } from '../../helpers/fixtures.js';
import { buildPdf, iconImage, streamObject } from './mini-pdf.js';

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/${path}`, import.meta.url))));

const tasks: { destroy(): Promise<void> }[] = [];
afterAll(async () => {
  for (const t of tasks) await t.destroy();
});

/** Page `n` of a PDF and its operator list, read as the reader reads it (annotations left out). */
async function operatorList(bytes: Uint8Array, n = 1): Promise<{ page: PDFPageProxy; ops: OperatorList }> {
  const task = openPdf(bytes);
  tasks.push(task);
  const page = await (await task.promise).getPage(n);
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  return { page, ops };
}

/** The arguments of every operator `op` in a list, in order. */
function argsOf(ops: OperatorList, op: number): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < ops.fnArray.length; i++) if (ops.fnArray[i] === op) out.push(ops.argsArray[i] as unknown[]);
  return out;
}

describe('pdfjs-dist contract', () => {
  it('the installed pdfjs-dist is the version the reader was checked against', () => {
    const installed = (createRequire(import.meta.url)('pdfjs-dist/package.json') as { version: string }).version;
    // On a deliberate upgrade: run these tests and the PDF reader tests on every fixture, then update PDFJS_CHECKED_VERSION.
    expect(installed).toBe(PDFJS_CHECKED_VERSION);
  });

  it("pdfjs's exported enums have the members the reader uses", () => {
    expect(AnnotationMode.DISABLE).toBe(0);
    expect([ImageKind.GRAYSCALE_1BPP, ImageKind.RGB_24BPP, ImageKind.RGBA_32BPP]).toEqual([1, 2, 3]);
    expect(VerbosityLevel.WARNINGS).toBe(1);
    for (const name of ['constructPath', 'showText', 'setGState', 'beginGroup', 'paintFormXObjectBegin', 'beginMarkedContentProps', 'setFillRGBColor', 'paintImageXObject']) {
      expect(typeof (OPS as Record<string, number>)[name], name).toBe('number');
    }
  });

  it('constructPath: [paint op, [Float32Array of DrawOp codes and coordinates], minMax in user space]', async () => {
    const { ops } = await operatorList(buildPdf([{ content: '10 20 30 40 re f 5 5 m 15 5 l S 0 0 10 10 re W n' }]));
    const paths = argsOf(ops, OPS.constructPath).map(pathArgs);
    expect(paths.map((p) => p.paintOp)).toEqual([OPS.fill, OPS.stroke, OPS.endPath]);
    expect(Array.from(paths[0]!.path!)).toEqual([DrawOp.moveTo, 10, 20, DrawOp.lineTo, 40, 20, DrawOp.lineTo, 40, 60, DrawOp.lineTo, 10, 60, DrawOp.closePath]);
    expect(Array.from(paths[0]!.minMax!)).toEqual([10, 20, 40, 60]);
    expect(Array.from(paths[1]!.path!)).toEqual([DrawOp.moveTo, 5, 5, DrawOp.lineTo, 15, 5]);
    expect(argsOf(ops, OPS.clip)).toHaveLength(1);
  });

  it('colours arrive as setFillRGBColor / setStrokeRGBColor with a #rrggbb string, whatever the colour space', async () => {
    const { ops } = await operatorList(buildPdf([{ content: '1 0 0 rg 0 0 1 RG 0.5 g 0 1 0 0 k 1 1 1 re f' }]));
    expect(argsOf(ops, OPS.setFillRGBColor).map((a) => a[0])).toEqual(['#ff0000', '#808080', '#fb3199']);
    expect(argsOf(ops, OPS.setStrokeRGBColor).map((a) => a[0])).toEqual(['#0000ff']);
  });

  it('setGState: [[key, value], …] with ca/CA/LW numbers, BM as a canvas composite name, SMask true (its group inline before it) or false', async () => {
    const page = {
      content: '/Half gs /Mul gs /Dark gs /Nrm gs /NoMask gs /SM gs',
      extGStates: '/Mul << /BM /Multiply /CA 0.5 /LW 2 >> /Dark << /BM /Darken >> /Nrm << /BM /Normal >> /NoMask << /SMask /None >>',
    };
    const { ops } = await operatorList(buildPdf([page]));
    const entries = argsOf(ops, OPS.setGState).map((a) => gStateEntries(a));
    expect(entries).toEqual([
      [{ key: 'ca', value: 0.9 }],
      [{ key: 'BM', value: 'multiply' }, { key: 'CA', value: 0.5 }, { key: 'LW', value: 2 }],
      [{ key: 'BM', value: 'darken' }],
      [{ key: 'BM', value: BLEND_NORMAL }],
      [{ key: 'SMask', value: false }],
      [{ key: 'SMask', value: true }],
    ]);
    expect(BLEND_DARKENING).toEqual(new Set(['multiply', 'darken']));
    // The soft mask's group comes before the setGState that sets it: a beginGroup with `smask`.
    const smaskAt = Array.from(ops.fnArray).lastIndexOf(OPS.setGState);
    const groupAt = Array.from(ops.fnArray).indexOf(OPS.beginGroup);
    expect(groupAt).toBeGreaterThan(-1);
    expect(groupAt).toBeLessThan(smaskAt);
    expect(groupArgs(ops.argsArray[groupAt] as unknown[])).toMatchObject({ isMask: true, maskSubtype: 'Luminosity', bbox: [0, 0, 842, 595] });
  });

  it('a transparency group form: beginGroup [{matrix, bbox, smask}] then paintFormXObjectBegin [matrix, null]; a plain form: [matrix, bbox]', async () => {
    const page = {
      content: '/G1 Do /P1 Do',
      objects: [
        { name: 'g1', body: streamObject('/Type /XObject /Subtype /Form /BBox [0 0 50 60] /Matrix [2 0 0 2 5 6] /Group << /S /Transparency >>', '0 g 0 0 1 1 re f') },
        { name: 'p1', body: streamObject('/Type /XObject /Subtype /Form /BBox [1 2 30 40]', '0 g 0 0 1 1 re f') },
      ],
      xobjects: '/G1 {{g1}} /P1 {{p1}}',
    };
    const { ops } = await operatorList(buildPdf([page]));
    expect(argsOf(ops, OPS.beginGroup).map((a) => groupArgs(a))).toEqual([{ isMask: false, maskSubtype: null, maskBackdrop: null, matrix: [2, 0, 0, 2, 5, 6], bbox: [0, 0, 50, 60] }]);
    const forms = argsOf(ops, OPS.paintFormXObjectBegin).map((a) => formArgs(a));
    expect(forms.map((f) => [f.matrix && Array.from(f.matrix), f.bbox && Array.from(f.bbox)])).toEqual([
      [[2, 0, 0, 2, 5, 6], null],
      [null, [1, 2, 30, 40]],
    ]);
  });

  it('marked content: BDC with an MCID → [tag, mcid]; BMC → [tag]; /OC → [OC, {type: OCG, id}]', async () => {
    const { ops } = await operatorList(buildPdf([{ content: '/P <</MCID 3>> BDC EMC /Artifact BMC EMC /OC /OCoff BDC EMC /Span <</Lang (nl)>> BDC EMC' }]));
    const begins = [...argsOf(ops, OPS.beginMarkedContentProps).map((a) => markedContentArgs(OPS.beginMarkedContentProps, a)), ...argsOf(ops, OPS.beginMarkedContent).map((a) => markedContentArgs(OPS.beginMarkedContent, a))];
    expect(begins).toEqual([
      { tag: 'P', mcid: 3, optionalContent: undefined },
      { tag: 'OC', mcid: null, optionalContent: { type: 'OCG', id: expect.stringMatching(/^\d+R$/) } },
      { tag: 'Span', mcid: null, optionalContent: undefined },
      { tag: 'Artifact', mcid: null, optionalContent: undefined },
    ]);
  });

  it("marked-content ids: the structure tree names content p{page ref}_mc{MCID}, the ids the walk gives (a tagged Word rendition)", async () => {
    const { page, ops } = await operatorList(fixture('word-generated/shading-a4-landscape-calibri-tagged.pdf'));
    const prefix = contentIdPrefix(page.ref, 1);
    const drawn = new Set(argsOf(ops, OPS.beginMarkedContentProps).flatMap((a) => {
      const { mcid } = markedContentArgs(OPS.beginMarkedContentProps, a);
      return mcid === null ? [] : [contentId(prefix, mcid)];
    }));
    const ids: string[] = [];
    const visit = (node: { id?: string; type?: string; children?: unknown[] }): void => {
      if (node.type === 'content' && node.id !== undefined) ids.push(node.id);
      for (const c of node.children ?? []) visit(c as typeof node);
    };
    visit((await page.getStructTree()) as never);
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.filter((id) => !drawn.has(id))).toEqual([]);
  });

  it('showText: [glyphs] of glyph objects (unicode, width, isSpace, isInFont) and TJ numbers; fonts in commonObjs under g_ ids', async () => {
    const { page, ops } = await operatorList(buildPdf([{ content: 'BT /F1 10 Tf 10 10 Td [(A) -250 ( B)] TJ (C) Tj ET' }]));
    const runs = argsOf(ops, OPS.showText).map((a) => showTextGlyphs(OPS.showText, a)!.map(glyphFacts));
    expect(runs).toEqual([
      [
        { unicode: 'A', width: 667, isSpace: false, isInFont: true, operatorListId: null, originalCharCode: 65 },
        -250,
        // The space of a standard font without a font program is not "in the font" (nothing is drawn for it).
        { unicode: ' ', width: 278, isSpace: true, isInFont: false, operatorListId: null, originalCharCode: 32 },
        { unicode: 'B', width: 667, isSpace: false, isInFont: true, operatorListId: null, originalCharCode: 66 },
      ],
      [{ unicode: 'C', width: 722, isSpace: false, isInFont: true, operatorListId: null, originalCharCode: 67 }],
    ]);
    const fontId = argsOf(ops, OPS.setFont)[0]![0] as string;
    expect(objectStore(fontId)).toBe('common');
    const font = fontFacts(page.commonObjs.get(fontId))!;
    expect(font).toMatchObject({ vertical: false, isType3Font: false });
    // A standard font without a font program has no fontMatrix: the walk's default (0.001 em) applies.
    expect(font.fontMatrix).toBeUndefined();
    expect(typeof font.ascent).toBe('number');
    expect(typeof font.descent).toBe('number');
    expect(font.name).toMatch(/Helvetica/);
  });

  it('the real rendition: every showText glyph has a string unicode and a number width, every font a 6-number fontMatrix', async () => {
    const { page, ops } = await operatorList(new Uint8Array(readFileSync(PDF_2024)));
    let glyphs = 0;
    for (const a of argsOf(ops, OPS.showText)) {
      for (const g of a[0] as unknown[]) {
        if (typeof g === 'number') continue;
        const o = g as Record<string, unknown>;
        expect([typeof o.unicode, typeof o.width, typeof o.isSpace, typeof o.isInFont]).toEqual(['string', 'number', 'boolean', 'boolean']);
        glyphs++;
      }
    }
    expect(glyphs).toBeGreaterThan(1000);
    for (const [id] of argsOf(ops, OPS.setFont)) expect(fontFacts(page.commonObjs.get(id as string))!.fontMatrix).toHaveLength(6);
  });

  it('fonts carry their Unicode map (fontExtraProperties) by character code: the /ToUnicode map, or one pdfjs built from the encoding', async () => {
    const { page, ops } = await operatorList(buildPdf([{ content: 'BT /F3 9 Tf 10 10 Td (l) Tj /F1 9 Tf (a) Tj ET' }]));
    const [mapped, plain] = argsOf(ops, OPS.setFont).map((a) => toUnicodeMap(fontFacts(page.commonObjs.get(a[0] as string))!));
    expect([mapped!(0x6c), mapped!(0x6d)]).toEqual([true, false]);
    expect([plain!(0x61), plain!(0x41)]).toEqual([true, true]);
  });

  it('a q left open: pdfjs closes it with restore operators whose argument list is empty (a Q gives null)', async () => {
    const { ops } = await operatorList(buildPdf([{ content: 'q Q q q 0 g' }]));
    expect(argsOf(ops, OPS.restore).map((a) => isClosingRestore(a))).toEqual([false, true, true]);
  });

  it("the operator list under construction: a page's _intentStates call each render task's operatorListChanged per chunk of 1000 operators", async () => {
    const task = openPdf(buildPdf([{ content: '0 0 1 1 re f '.repeat(3500) }]));
    tasks.push(task);
    const page = await (await task.promise).getPage(1);
    const seen: number[] = [];
    const pending = page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
    const stop = watchOperatorListChunks(page, (list) => seen.push(list.fnArray.length));
    const list = await pending;
    stop!();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(list.fnArray.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('Type3 fonts: isType3Font, charProcOperatorList by each glyph operatorListId', async () => {
    const { page, ops } = await operatorList(buildPdf([{ content: 'BT /F4 9 Tf 10 10 Td (l) Tj ET' }]));
    const glyph = glyphFacts((argsOf(ops, OPS.showText)[0]![0] as unknown[])[0]) as { operatorListId: string; unicode: string };
    expect(glyph.unicode).toBe('●');
    const font = fontFacts(page.commonObjs.get(argsOf(ops, OPS.setFont)[0]![0] as string))!;
    expect(font.isType3Font).toBe(true);
    const proc = font.charProcOperatorList![glyph.operatorListId]!;
    expect(Array.from(proc.fnArray)).toContain(OPS.constructPath);
  });

  it('image objects: {width, height, kind: ImageKind, data}, in page.objs (ids without g_)', async () => {
    const img = iconImage('#d0006f');
    const { page, ops } = await operatorList(buildPdf([{ content: `q 8 0 0 8 10 10 cm /${img.name} Do Q`, images: [img] }]));
    const id = argsOf(ops, OPS.paintImageXObject)[0]![0] as string;
    expect(objectStore(id)).toBe('page');
    const data = page.objs.get(id) as { width: number; height: number; kind: number; data: Uint8ClampedArray };
    expect([data.width, data.height, data.kind, data.data.length]).toEqual([6, 6, ImageKind.RGB_24BPP, 6 * 6 * 3]);
  });

  it('stencil masks: paintImageMaskXObject [{data: object id, width, height}], the object holding 1-bit rows (0 paints)', async () => {
    const bits = '\x0f\x0f\x0f\x0f\x0f\x0f\x0f\x0f';
    const { page, ops } = await operatorList(buildPdf([{ content: `q 0 0 0 rg 80 0 0 80 10 10 cm BI /W 8 /H 8 /IM true /BPC 1 ID ${bits} EI Q` }]));
    const id = stencilMask(argsOf(ops, OPS.paintImageMaskXObject)[0]![0]);
    expect(typeof id).toBe('string');
    const mask = stencilMask(page.objs.get(id as string));
    expect(mask).toMatchObject({ width: 8, height: 8 });
    expect(Array.from((mask as { data: ArrayLike<number> }).data).slice(0, 8)).toEqual(Array.from({ length: 8 }, () => 0x0f));
  });

  it('annotations (AnnotationMode.ENABLE): beginAnnotation [id, rect, transform, matrix, hasOwnCanvas] … endAnnotation around the appearance', async () => {
    const page = {
      content: '',
      objects: [
        { name: 'ap', body: streamObject('/Type /XObject /Subtype /Form /BBox [0 0 20 10]', '0 g 0 0 20 10 re f') },
        { name: 'annot', body: '<< /Type /Annot /Subtype /Square /Rect [100 200 120 210] /F 4 /AP << /N {{ap}} >> >>' },
      ],
      pageEntries: '/Annots [{{annot}}]',
    };
    const task = openPdf(buildPdf([page]));
    tasks.push(task);
    const p = await (await task.promise).getPage(1);
    const ops = await p.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
    const [begin] = argsOf(ops, OPS.beginAnnotation);
    expect(begin!.slice(1, 4).map((a) => Array.from(a as ArrayLike<number>))).toEqual([[100, 200, 120, 210], [1, 0, 0, 1, 100, 200], [1, 0, 0, 1, 0, 0]]);
    expect(argsOf(ops, OPS.endAnnotation)).toHaveLength(1);
    expect(argsOf(ops, OPS.constructPath)).toHaveLength(1);
  });

  it('warnings: console.warn lines "Warning: …" at VerbosityLevel.WARNINGS, worded as the reader sorts them', async () => {
    const seen: string[] = [];
    const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void seen.push(String(args[0])));
    try {
      // An unknown operator and a missing font resource: skipped.
      await operatorList(buildPdf([{ content: 'BT /F1 9 Tf 10 10 Td (a) Tj ET 1 2 3 zz BT /Nope 9 Tf (b) Tj ET' }]));
      // A damaged cross-reference table: rebuilt.
      const bytes = buildPdf([{ content: 'BT /F1 9 Tf 10 10 Td (a) Tj ET' }]);
      const text = Buffer.from(bytes).toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999');
      await operatorList(new Uint8Array(Buffer.from(text, 'latin1')));
    } finally {
      spy.mockRestore();
    }
    const warnings = seen.filter((s) => s.startsWith(WARNING_PREFIX)).map((s) => s.slice(WARNING_PREFIX.length));
    expect(warnings).toEqual(['Unknown command "zz".', 'Font "Nope" is not available -- attempting to fallback to a default font.', 'Indexing all PDF objects']);
    expect(warnings.map(classifyPdfjsWarning)).toEqual(['skipped', 'font', 'repaired']);
    expect(WARNING_WORDING.skipped.test(warnings[0]!)).toBe(true);
  });
});
