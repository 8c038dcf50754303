/**
 * Seeded mutations of a PDF page's content, for the PDF oracle campaign
 * (test/property/pdf-mutation-campaign.full.test.ts). A page is cut out of a committed rendition into
 * a one-page PDF whose content is one uncompressed stream (pdf-lib), so that a mutation hits the
 * drawing operators, not compressed bytes; then one of: a byte flipped in the content, an
 * operator (with its operands) dropped or duplicated, a font swapped for another of the page's
 * fonts, the content truncated after an operator, or a digit of the cross-reference table
 * changed (pdfjs then rebuilds it).
 */
import { PDFDocument, PDFName, PDFRawStream, PDFArray, PDFDict, PDFRef, decodePDFRawStream } from 'pdf-lib';

/** One page of `bytes` (1-based) as a PDF of its own with one uncompressed content stream; also its content and font names. */
export async function pageExcerpt(bytes: Uint8Array, page: number): Promise<{ pdf: Uint8Array; content: string; fonts: string[] }> {
  const src = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const [copied] = await out.copyPages(src, [page - 1]);
  out.addPage(copied!);
  const node = copied!.node;
  const contents = node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : contents !== undefined ? [contents] : [];
  const parts: string[] = [];
  for (const s of streams) {
    const stream = s instanceof PDFRef ? out.context.lookup(s) : s;
    if (stream instanceof PDFRawStream) parts.push(Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'));
  }
  const content = parts.join('\n');
  node.set(PDFName.of('Contents'), out.context.register(out.context.stream(Buffer.from(content, 'latin1'))));
  const fontDict = node.Resources()?.lookup(PDFName.of('Font'));
  const fonts = fontDict instanceof PDFDict ? fontDict.keys().map((k) => k.asString()) : [];
  return { pdf: await out.save({ useObjectStreams: false }), content, fonts };
}

/** The PDF of a page excerpt with its content replaced. */
export async function withContent(pdf: Uint8Array, content: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const node = doc.getPage(0).node;
  node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(Buffer.from(content, 'latin1'))));
  return doc.save({ useObjectStreams: false });
}

/** Where each operator (with its operands) starts and ends in a content stream: a small tokenizer (strings, hex strings, arrays, dictionaries, inline images). */
export function operatorSpans(content: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = -1;
  let i = 0;
  const n = content.length;
  const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
  const isDelim = (c: string): boolean => '()<>[]{}/%'.includes(c);
  while (i < n) {
    const c = content[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (c === '%') {
      while (i < n && content[i] !== '\n' && content[i] !== '\r') i++;
    } else if (c === '(') {
      let depth = 0;
      for (; i < n; i++) {
        const d = content[i];
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      i++;
    } else if (c === '<' && content[i + 1] === '<') i += 2;
    else if (c === '>' && content[i + 1] === '>') i += 2;
    else if (c === '<') i = content.indexOf('>', i) + 1 || n;
    else if (c === '[' || c === ']' || c === '{' || c === '}') i++;
    else if (c === '/') {
      i++;
      while (i < n && !isSpace(content[i]!) && !isDelim(content[i]!)) i++;
    } else {
      const from = i;
      while (i < n && !isSpace(content[i]!) && !isDelim(content[i]!)) i++;
      const word = content.slice(from, i);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') continue;
      if (word === 'BI') {
        const end = content.indexOf('EI', i);
        i = end < 0 ? n : end + 2;
      }
      spans.push([start, i]);
      start = -1;
    }
  }
  return spans;
}

export type ContentMutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'drop' | 'duplicate' | 'truncate'; op: number }
  | { kind: 'font'; op: number; font: number }
  | { kind: 'xref'; at: number; digit: number };

/** A small seeded PRNG (mulberry32): the same seed gives the same mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The next mutation from `random`, for a content of `length` characters with `ops` operators. */
export function nextMutation(random: () => number, length: number, ops: number, fonts: number): ContentMutation {
  const pick = (k: number): number => Math.floor(random() * k);
  const kinds = ['flip', 'drop', 'duplicate', 'truncate', 'font', 'xref'] as const;
  const kind = kinds[pick(kinds.length)]!;
  if (kind === 'flip') return { kind, at: pick(length), xor: 1 + pick(255) };
  if (kind === 'font') return { kind, op: pick(ops), font: pick(Math.max(1, fonts)) };
  if (kind === 'xref') return { kind, at: pick(1 << 20), digit: pick(10) };
  return { kind, op: pick(ops) };
}

/** The page excerpt's PDF after a mutation (content mutations are written into its content stream). */
export async function mutate(excerpt: { pdf: Uint8Array; content: string; fonts: string[] }, spans: readonly [number, number][], m: ContentMutation): Promise<Uint8Array> {
  const c = excerpt.content;
  if (m.kind === 'xref') {
    const text = Buffer.from(excerpt.pdf).toString('latin1');
    const xref = text.lastIndexOf('\nxref');
    const entries = [...text.slice(xref).matchAll(/\d{10} \d{5} n/g)];
    if (entries.length === 0) return excerpt.pdf;
    const e = entries[m.at % entries.length]!;
    const pos = xref + e.index! + (m.at % 10);
    const out = Buffer.from(excerpt.pdf);
    out[pos] = 0x30 + (m.digit === out[pos]! - 0x30 ? (m.digit + 1) % 10 : m.digit);
    return new Uint8Array(out);
  }
  if (m.kind === 'flip') {
    const codes = Buffer.from(c, 'latin1');
    const at = m.at % codes.length;
    codes[at] = codes[at]! ^ m.xor;
    return withContent(excerpt.pdf, codes.toString('latin1'));
  }
  const [s, e] = spans[m.op % spans.length]!;
  if (m.kind === 'drop') return withContent(excerpt.pdf, c.slice(0, s) + c.slice(e));
  if (m.kind === 'duplicate') return withContent(excerpt.pdf, `${c.slice(0, e)} ${c.slice(s, e)}${c.slice(e)}`);
  if (m.kind === 'truncate') return withContent(excerpt.pdf, c.slice(0, e));
  if (m.kind !== 'font') return withContent(excerpt.pdf, c);
  // Font swap: the next Tf at or after the chosen operator takes another of the page's fonts.
  const tf = spans.slice(m.op % spans.length).find(([a, b]) => /\bTf$/.test(c.slice(a, b)));
  if (tf === undefined || excerpt.fonts.length < 2) return withContent(excerpt.pdf, c);
  const op = c.slice(tf[0], tf[1]);
  const other = excerpt.fonts[m.font % excerpt.fonts.length]!;
  const swapped = op.replace(/\/[^\s/]+/, other === op.match(/\/[^\s/]+/)?.[0] ? excerpt.fonts[(m.font + 1) % excerpt.fonts.length]! : other);
  return withContent(excerpt.pdf, c.slice(0, tf[0]) + swapped + c.slice(tf[1]));
}
