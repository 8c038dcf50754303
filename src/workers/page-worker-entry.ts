/**
 * Entry of the page-reader thread as shipped (dist/bundle/page-worker.js, built by
 * scripts/build-bundles.mjs): keeps @napi-rs/canvas from loading (./no-canvas.ts), then starts the
 * reader (src/readers/pdf/page-worker.ts). The reader is imported dynamically so that pdfjs-dist,
 * which the bundle leaves external, is evaluated only after no-canvas.ts has run.
 */
import './no-canvas.js';

await import('../readers/pdf/page-worker.js');
