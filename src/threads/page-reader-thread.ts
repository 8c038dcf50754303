/**
 * Worker thread entry of the PDF page reader: prepares the thread and hands its port to
 * servePageReader (page-reader-loop.ts), which reads one document after another. See
 * read-pages.ts for the protocol.
 *
 * pdfjs-dist is loaded here with `import()`, after the two modules that must run before it (a
 * bundler hoists static imports of an external package above all bundled code, so a static
 * import could not be ordered after them): no-canvas.ts keeps its native canvas add-on from
 * loading, native-array-push.ts saves V8's Array.prototype.push, which pdfjs-dist's core-js
 * replaces with a slower one. pdf.worker.mjs, the part of pdfjs-dist that parses pages (its "fake
 * worker" in this thread), is loaded here too rather than on the first getDocument: it registers
 * itself as `globalThis.pdfjsWorker`, which getDocument then uses. Then the native push is put back.
 */
import './no-canvas.js';
import { restoreNativeArrayPush } from './native-array-push.js';
import { parentPort, workerData } from 'node:worker_threads';
import { capturePdfjsWarnings } from '../readers/pdf/pdfjs-warnings.js';
import type { OpenMessage } from './read-pages.js';

const { servePageReader } = await import('./page-reader-loop.js');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
restoreNativeArrayPush();
capturePdfjsWarnings();
servePageReader(parentPort!, (workerData as OpenMessage | null) ?? undefined);
