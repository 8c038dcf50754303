/**
 * A tiny PDF writer for tests: uncompressed content streams, the standard fonts Helvetica and
 * ZapfDingbats (also with a ToUnicode map to ●), a Type3 font with a ● glyph, optional RGB image XObjects. Enough to draw small annex-like tables whose status
 * icons are vector paths, symbol glyphs or images.
 */

export interface MiniImage {
  name: string;
  width: number;
  height: number;
  /** RGB bytes, width × height × 3. */
  rgb: Uint8Array;
}

export interface MiniPage {
  content: string;
  images?: MiniImage[];
  /**
   * More objects for this page, written in order: `{{name}}` in a later object, in `xobjects`,
   * `extGStates`, `pageEntries` or the content becomes a reference (`12 0 R`) to the object of that name.
   */
  objects?: { name: string; body: string }[];
  /** More entries of the page's /XObject dictionary, e.g. `/Fm1 {{form}}`. */
  xobjects?: string;
  /** More entries of the page's /ExtGState dictionary, e.g. `/Mul << /BM /Multiply >>`. */
  extGStates?: string;
  /** More entries of the page dictionary, e.g. `/Annots [{{annot}}]`. */
  pageEntries?: string;
  /** More entries of the page's /Font dictionary, e.g. `/F6 {{type3}}`. */
  fonts?: string;
  /** More entries of the page's /Resources, e.g. `/Shading << /Sh1 {{shading}} >>`. */
  resources?: string;
}

/** A stream object's body: `dict` entries (without /Length) and the data. */
export function streamObject(dict: string, data: string): string {
  return `<< ${dict} /Length ${latin1(data).length} >>\nstream\n${data}\nendstream`;
}

/** Builds a complete PDF file (A4 landscape pages). */
export function buildPdf(pages: readonly MiniPage[], size: [number, number] = [842, 595]): Uint8Array {
  const objects: (string | Uint8Array)[] = [];
  const add = (body: string | Uint8Array): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const helv = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  // A second font object with the same base font (/F5), as some producers write per page or per run.
  const helv2 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const zapf = add('<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>');
  // ZapfDingbats with a ToUnicode CMap that maps its `l` (a71) to U+25CF ●, as PDF producers that
  // write ToUnicode do; and a Type3 font whose one glyph, a filled circle, is named /blackcircle.
  const cmap =
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /ZaToUni def 1 begincodespacerange <00> <FF> endcodespacerange ' +
    '1 beginbfchar <6C> <25CF> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end';
  const toUnicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
  const zapfMapped = add(`<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats /ToUnicode ${toUnicode} 0 R >>`);
  const proc = `750 0 0 0 750 750 d1 ${circle(375, 375, 375)}`;
  const circleProc = add(`<< /Length ${proc.length} >>\nstream\n${proc}\nendstream`);
  const type3 = add(
    `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /blackcircle ${circleProc} 0 R >> ` +
      '/Encoding << /Type /Encoding /Differences [108 /blackcircle] >> /FirstChar 108 /LastChar 108 /Widths [750] /Resources << >> >>',
  );
  // Two optional-content groups, /OCon (shown) and /OCoff (hidden in the default configuration),
  // and ExtGStates /Clear (alpha 0), /Half (alpha 0.9) and /SM (a soft mask): for tests of content
  // a reader can or cannot see.
  // A soft mask whose group paints a grey page (a watermark's mask: its drawing is never seen).
  const maskDraw = '0.3 g 0 0 842 595 re f';
  const maskGroup = add(`<< /Type /XObject /Subtype /Form /BBox [0 0 842 595] /Group << /S /Transparency /CS /DeviceGray >> /Length ${maskDraw.length} >>\nstream\n${maskDraw}\nendstream`);
  const ocOn = add('<< /Type /OCG /Name (Zichtbaar) >>');
  const ocOff = add('<< /Type /OCG /Name (Verborgen) >>');
  const kids: number[] = [];
  for (const p of pages) {
    const named = new Map<string, number>();
    const refs = (text: string): string => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => `${named.get(name) ?? 0} 0 R`);
    for (const o of p.objects ?? []) named.set(o.name, add(refs(o.body)));
    const xobjects: string[] = p.xobjects !== undefined ? [refs(p.xobjects)] : [];
    for (const im of p.images ?? []) {
      const head = `<< /Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${im.rgb.length} >>\nstream\n`;
      const id = add(concat(latin1(head), im.rgb, latin1('\nendstream')));
      xobjects.push(`/${im.name} ${id} 0 R`);
    }
    const body = refs(p.content);
    const content = add(`<< /Length ${latin1(body).length} >>\nstream\n${body}\nendstream`);
    const page = add(
      `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${size[0]} ${size[1]}] /Contents ${content} 0 R ` +
        `/Resources << /Font << /F1 ${helv} 0 R /F2 ${zapf} 0 R /F3 ${zapfMapped} 0 R /F4 ${type3} 0 R /F5 ${helv2} 0 R ${refs(p.fonts ?? '')} >> ${refs(p.resources ?? '')} /XObject << ${xobjects.join(' ')} >> ` +
        `/Properties << /OCon ${ocOn} 0 R /OCoff ${ocOff} 0 R >> /ExtGState << /Clear << /Type /ExtGState /ca 0 /CA 0 >> /Half << /Type /ExtGState /ca 0.9 >> ` +
        `/SM << /Type /ExtGState /SMask << /Type /Mask /S /Luminosity /G ${maskGroup} 0 R >> >> ${refs(p.extGStates ?? '')} >> >> ${refs(p.pageEntries ?? '')} >>`,
    );
    kids.push(page);
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R /OCProperties << /OCGs [${ocOn} 0 R ${ocOff} 0 R] /D << /ON [${ocOn} 0 R] /OFF [${ocOff} 0 R] >> >> >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  const parts: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const bytes = concat(latin1(`${i + 1} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n'));
    parts.push(bytes);
    offset += bytes.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(latin1(xref));
  return concat(...parts);
}

export function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function concat(...arrays: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}

/** PDF string literal for Helvetica/WinAnsi text. */
export function pdfString(s: string): string {
  return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

export function rgbOperands(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => (v / 255).toFixed(3)).join(' ');
}

/** A filled circle of radius r centred at (cx, cy) in PDF user space. */
export function circle(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  return (
    `${cx + r} ${cy} m ${cx + r} ${cy + k} ${cx + k} ${cy + r} ${cx} ${cy + r} c ` +
    `${cx - k} ${cy + r} ${cx - r} ${cy + k} ${cx - r} ${cy} c ${cx - r} ${cy - k} ${cx - k} ${cy - r} ${cx} ${cy - r} c ` +
    `${cx + k} ${cy - r} ${cx + r} ${cy - k} ${cx + r} ${cy} c f`
  );
}

/**
 * `glyph`: ZapfDingbats `l` without a Unicode mapping (pdfjs reports `l`); `glyph-mapped`: the same
 * glyph with a ToUnicode map, reported as U+25CF ●; `glyph-type3`: a Type3 ● (glyph name
 * /blackcircle, reported as U+25CF); `bullet`: Helvetica • (WinAnsi 0x95).
 */
export type IconKind = 'vector' | 'glyph' | 'glyph-mapped' | 'glyph-type3' | 'bullet' | 'image';

/** Draws a status icon with its centre at (cx, cy). Images are named `Ic<hex>`. */
export function icon(kind: IconKind, hex: string, cx: number, cy: number): string {
  if (kind === 'vector') return `q ${rgbOperands(hex)} rg ${circle(cx, cy, 4)} Q`;
  if (kind === 'bullet') return `q BT /F1 14 Tf ${rgbOperands(hex)} rg ${cx - 2.5} ${cy - 4} Td (\x95) Tj ET Q`;
  if (kind === 'glyph') return `q BT /F2 9 Tf ${rgbOperands(hex)} rg ${cx - 3.8} ${cy - 3.2} Td (l) Tj ET Q`;
  if (kind === 'glyph-mapped') return `q BT /F3 9 Tf ${rgbOperands(hex)} rg ${cx - 3.8} ${cy - 3.2} Td (l) Tj ET Q`;
  if (kind === 'glyph-type3') return `q BT /F4 9 Tf ${rgbOperands(hex)} rg ${cx - 3.4} ${cy - 3.4} Td (l) Tj ET Q`;
  return `q 8 0 0 8 ${cx - 4} ${cy - 4} cm /Ic${hex.slice(1)} Do Q`;
}

export function iconImage(hex: string): MiniImage {
  const n = Number.parseInt(hex.slice(1), 16);
  const px = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const w = 6;
  const rgb = new Uint8Array(w * w * 3);
  for (let y = 0; y < w; y++) {
    for (let x = 0; x < w; x++) {
      // A coloured disc on white: corners stay white.
      const inside = (x - 2.5) ** 2 + (y - 2.5) ** 2 <= 7;
      rgb.set(inside ? px : [255, 255, 255], (y * w + x) * 3);
    }
  }
  return { name: `Ic${hex.slice(1)}`, width: w, height: w, rgb };
}
