/**
 * Entry of the page-reader thread as shipped (dist/bundle/page-reader-thread.js, built by
 * scripts/build-bundles.mjs): the reader, page-reader-thread.ts. It keeps
 * @napi-rs/canvas from loading (./no-canvas.ts) and V8's own Array.prototype.push
 * (./native-array-push.ts) itself, loading pdfjs-dist, which the bundle leaves external, only
 * after those have run; so the library build (tsc) and the sources start the same reader.
 */
import './page-reader-thread.js';
