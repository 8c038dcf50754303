/**
 * Entry of the pipeline thread as shipped (dist/bundle/pipeline-thread.js, built by
 * scripts/build-bundles.mjs; started by limited-pipeline.ts): keeps @napi-rs/canvas from
 * loading (./no-canvas.ts) before the pipeline, which may load pdfjs-dist, is imported.
 */
import './no-canvas.js';

await import('./pipeline-thread.js');
