// The floor of our stack: read every page of a PDF with pdfjs-dist, nothing else, in one thread,
// with the same loading options as nap-annex (and, like nap-annex's reader, without loading the
// @napi-rs/canvas add-on). Usage: node bare-pdfjs.mjs file.pdf [--one-pass]
// --one-pass: only getOperatorList per page (the content stream parsed once, as nap-annex does);
// default: getTextContent and getOperatorList (parsed twice).
import { readFileSync } from 'node:fs';

await import('../../dist/threads/pdfjs-environment.js');
const { openPdf } = await import('../../dist/readers/pdf/document.js');
const onePass = process.argv.includes('--one-pass');
const task = openPdf(new Uint8Array(readFileSync(process.argv[2])));
const doc = await task.promise;
let items = 0;
let ops = 0;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const [text, list] = await Promise.all([onePass ? { items: [] } : page.getTextContent(), page.getOperatorList({ annotationMode: 0 })]);
  items += text.items.length;
  ops += list.fnArray.length;
  page.cleanup();
}
await task.destroy();
console.log(JSON.stringify({ pages: doc.numPages, items, ops }));
