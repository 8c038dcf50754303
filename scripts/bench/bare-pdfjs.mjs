// The floor of our stack: read every page of a PDF with pdfjs-dist, nothing else, in one thread,
// with the same loading options and environment as nap-annex's reader (no @napi-rs/canvas add-on,
// V8's own Array.prototype.push: src/threads/pdfjs-environment.ts). Needs `npm run build`.
// Usage: node bare-pdfjs.mjs file.pdf [--two-pass]
// default: only getOperatorList per page (each content stream parsed once, as nap-annex does);
// --two-pass: getTextContent and getOperatorList (parsed twice).
import { readFileSync } from 'node:fs';

const { loadPdfReader } = await import('../../dist/threads/pdfjs-environment.js');
const { openPdf } = await loadPdfReader();
const twoPass = process.argv.includes('--two-pass');
const task = openPdf(new Uint8Array(readFileSync(process.argv[2])));
const doc = await task.promise;
let items = 0;
let ops = 0;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const [text, list] = await Promise.all([twoPass ? page.getTextContent() : { items: [] }, page.getOperatorList({ annotationMode: 0 })]);
  items += text.items.length;
  ops += list.fnArray.length;
  page.cleanup();
}
await task.destroy();
console.log(JSON.stringify({ pages: doc.numPages, items, ops }));
