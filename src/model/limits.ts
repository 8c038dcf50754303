/**
 * The default limits of one extraction (ExtractOptions in src/pipeline.ts, the command line's
 * --max-bytes, --max-pages, --timeout and --max-memory).
 */

/** Default input size limit: 50 MiB (the 2024 annex is 0.1 MB as text, 0.35 MB as PDF). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Default PDF page limit: 2000 pages (the 2024 annex has 17). */
export const DEFAULT_MAX_PAGES = 2000;

/** Default time limit: 120 s (the 2024 annex reads in well under a second, 1000 pages in about 10 s). */
export const DEFAULT_PDF_TIMEOUT_MS = 120_000;

/** Default memory limit: 2048 MB (a 1000-page annex peaks near 300 MB). */
export const DEFAULT_MAX_MEMORY_MB = 2048;
