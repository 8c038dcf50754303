/**
 * A PDF's page count read from its bytes without pdfjs-dist, so that the pipeline thread can send
 * a long PDF to page-reader threads without loading pdfjs-dist and opening the document first
 * (pipeline-thread.ts). A hint, never the count the reader uses: wherever the PDF is read, the
 * count comes from pdfjs-dist and `--max-pages` is checked against it, so a wrong hint costs only
 * time or memory (a short PDF read in a page-reader thread, a long one opened here first), never
 * output.
 *
 * The count is the `/Count` of the page tree's root (ISO 32000-1 §7.7.3.2: the `/Type /Pages`
 * dictionary without a `/Parent`), found in the file's bytes and in its object streams
 * (`/Type /ObjStm`, §7.5.7; Flate-compressed, with a direct `/Length`). Null when no root is found,
 * when roots disagree (an incremental update that changed the pages), or when something on the way
 * cannot be read plainly (an object stream with another filter or encrypted, a dictionary longer
 * than WINDOW). Linear in the file's size: the bytes are searched natively, and only WINDOW bytes
 * around each `/Pages` or `/ObjStm` are read as text.
 */
import { inflateSync } from 'node:zlib';

/** Bytes read as text on each side of a `/Pages` or `/ObjStm` name (a root's /Kids of 1000 pages is about 8 KB). */
const WINDOW = 64 * 1024;

/** What may follow a name: a delimiter or white space (so `/Pages` is not `/PagesX`). */
const AFTER_NAME = /^[\s/<>[\]()%]/;
const TYPE_BEFORE = /\/Type\s*$/;
const PARENT = /\/Parent[\s/<[]/;
/** A direct integer (not the object number of `n g R`). */
const COUNT = /\/Count\s+(\d{1,9})(?![\d.])(?!\s+\d+\s+R)/;
const LENGTH = /\/Length\s+(\d{1,10})(?![\d.])(?!\s+\d+\s+R)/;
const FLATE_ONLY = /\/Filter\s*(?:\/FlateDecode|\[\s*\/FlateDecode\s*\])/;

/** The page count the page tree's root gives, or null when the bytes do not tell it plainly. */
export function pageCountHint(bytes: Uint8Array): number | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const counts: number[] = [];
  for (let at = buf.indexOf('/ObjStm'); at >= 0; at = buf.indexOf('/ObjStm', at + 1)) {
    const inside = objectStream(buf, at);
    if (inside === undefined) continue;
    if (inside === null) return null;
    if (!rootCounts(inside, counts)) return null;
  }
  for (let at = buf.indexOf('/Pages'); at >= 0; at = buf.indexOf('/Pages', at + 1)) {
    const w = windowAt(buf, at, '/Pages'.length);
    if (w === null) continue;
    if (!rootCount(w.text, w.at, counts)) return null;
  }
  if (counts.length === 0 || counts.some((c) => c !== counts[0])) return null;
  return counts[0]!;
}

/** The text around a name at `at` when it is a `/Type` value followed by a delimiter; its position in that text. */
function windowAt(buf: Buffer, at: number, nameLength: number): { text: string; at: number; from: number } | null {
  const from = Math.max(0, at - WINDOW);
  const text = buf.toString('latin1', from, Math.min(buf.length, at + WINDOW));
  const i = at - from;
  const next = text.slice(i + nameLength, i + nameLength + 1);
  if ((next !== '' && !AFTER_NAME.test(next)) || !TYPE_BEFORE.test(text.slice(Math.max(0, i - 16), i))) return null;
  return { text, at: i, from };
}

/** Adds the /Count of every page tree root in `text` to `counts`; false when a `/Type /Pages` dictionary cannot be read. */
function rootCounts(text: string, counts: number[]): boolean {
  for (const m of text.matchAll(/\/Type\s*\/Pages(?=[\s/<>[\]()%]|$)/g)) if (!rootCount(text, m.index, counts)) return false;
  return true;
}

/** Adds the /Count of the `/Type /Pages` dictionary at `at` in `text` if it is a root; false when it cannot be read. */
function rootCount(text: string, at: number, counts: number[]): boolean {
  const d = enclosingDictionary(text, at);
  if (d === null) return false;
  const dict = text.slice(d.start, d.end);
  if (PARENT.test(dict)) return true;
  const c = COUNT.exec(dict);
  if (c === null) return false;
  counts.push(Number(c[1]));
  return true;
}

const LT = 0x3c;
const GT = 0x3e;

/** Start and end (exclusive) of the dictionary `<< … >>` that holds position `at` (nested dictionaries counted), or null. */
function enclosingDictionary(text: string, at: number): { start: number; end: number } | null {
  let depth = 0;
  let start = -1;
  for (let i = at - 1; i >= 1; i--) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i);
    if (a === GT && b === GT) {
      depth++;
      i--;
    } else if (a === LT && b === LT) {
      if (depth === 0) {
        start = i - 1;
        break;
      }
      depth--;
      i--;
    }
  }
  if (start < 0) return null;
  depth = 0;
  for (let i = at; i < text.length - 1; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (a === LT && b === LT) {
      depth++;
      i++;
    } else if (a === GT && b === GT) {
      if (depth === 0) return { start, end: i + 2 };
      depth--;
      i++;
    }
  }
  return null;
}

/**
 * The inflated content of the object stream named at `at`, as latin1 text; undefined when `at` is
 * no `/Type /ObjStm` (the name elsewhere), null when the stream cannot be read plainly.
 */
function objectStream(buf: Buffer, at: number): string | null | undefined {
  const w = windowAt(buf, at, '/ObjStm'.length);
  if (w === null) return undefined;
  const d = enclosingDictionary(w.text, w.at);
  if (d === null) return null;
  const dict = w.text.slice(d.start, d.end);
  const length = LENGTH.exec(dict);
  if (!FLATE_ONLY.test(dict) || length === null || /\/DecodeParms/.test(dict)) return null;
  const stream = /^\s*stream\r?\n/.exec(w.text.slice(d.end, d.end + 32));
  if (stream === null) return null;
  const from = w.from + d.end + stream[0].length;
  try {
    return inflateSync(buf.subarray(from, from + Number(length[1]))).toString('latin1');
  } catch {
    return null;
  }
}
