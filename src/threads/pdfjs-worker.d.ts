/** pdfjs-dist ships no types for its worker module; pdfjs-environment.ts only loads it. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** The message handler pdfjs's in-thread ("fake") worker runs; the module also sets it as `globalThis.pdfjsWorker`. */
  export const WorkerMessageHandler: unknown;
}
