// The floor of our stack: read every page's text content and operator list with pdfjs-dist,
// nothing else, in one thread, with the same loading options as nap-annex. Usage: node bare-pdfjs.mjs file.pdf
import { readFileSync } from 'node:fs';
import { openPdf } from '../../dist/readers/pdf/document.js';

const task = openPdf(new Uint8Array(readFileSync(process.argv[2])));
const doc = await task.promise;
let items = 0;
let ops = 0;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const [text, list] = await Promise.all([page.getTextContent(), page.getOperatorList({ annotationMode: 0 })]);
  items += text.items.length;
  ops += list.fnArray.length;
  page.cleanup();
}
await task.destroy();
console.log(JSON.stringify({ pages: doc.numPages, items, ops }));
