/**
 * `nap-annex inspect <pdf> [--pages 3,5-7] -o <dir> [--format png|svg] [--scale 2]`: one picture
 * per page of what the PDF reader saw (src/inspect/). The pictures are written by the writer every
 * command uses (writeOutputFolder: one set, locked, kill-safe), all or none. The reading's
 * diagnostics are counted on stderr, not judged: inspect is for looking at a reading, good or bad.
 */
import { InvalidArgumentError } from 'commander';
import { DiagnosticBag } from '../diagnostics/bag.js';
import { InputError } from '../diagnostics/errors.js';
import { EXIT } from './exit-codes.js';
import { type CliIo, processIo, resolvePath } from './io.js';
import { printable } from './printable.js';
import { readInput } from './read-input.js';
import { countBySeverity, formatCounts } from './report.js';
import { writeOutputFolder } from './write-output.js';
import type { CanvasLoad } from '../inspect/canvas.js';

/** Most pixels per point `--scale` accepts (8 = 576 dpi; an A4 page is then 4763 × 6736 pixels). */
export const MAX_SCALE = 8;

/** Parsed options of `inspect`. */
export interface InspectCommandOptions {
  output: string;
  pages?: number[];
  format: 'png' | 'svg';
  scale: number;
  maxBytes: number;
  maxPages: number;
  /** Seconds. */
  timeout: number;
  /** MB. */
  maxMemory: number;
  quiet: boolean;
}

/** `3,5-7` → [3, 5, 6, 7]: page numbers and ranges, 1-based, separated by commas. */
export function pageList(value: string): number[] {
  const pages: number[] = [];
  for (const part of value.split(',').map((p) => p.trim())) {
    const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(part);
    const from = m ? Number(m[1]) : 0;
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!m || from < 1 || to < from) {
      throw new InvalidArgumentError(`expected pages as numbers and ranges separated by commas, e.g. 3,5-7 (pages count from 1); "${part}" is not one.`);
    }
    for (let p = from; p <= to; p++) pages.push(p);
  }
  return pages;
}

/** `--scale`: pixels per point, above 0 and at most MAX_SCALE. */
export function scaleOption(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= MAX_SCALE)) throw new InvalidArgumentError(`expected pixels per point above 0 and at most ${MAX_SCALE} (2 = 144 dpi).`);
  return n;
}

/**
 * Runs `inspect`; returns the exit code. InputError (the PDF cannot be read: exit 2) is let through
 * to the caller, as `extract` does. `loadCanvas` replaces the canvas add-on's loader (tests).
 */
export async function runInspect(input: string, options: InspectCommandOptions, io: CliIo = processIo(), loadCanvas?: () => CanvasLoad): Promise<number> {
  const { name, bytes } = await readInput(input, options.maxBytes, io);
  const { inspectPdf, pictureName, MissingPagesError, RenderError } = await import('../inspect/index.js');
  const { readPagesInWorkers } = await import('../threads/read-pages.js');
  let result;
  try {
    result = await inspectPdf(bytes, {
      fileName: name,
      readPages: readPagesInWorkers,
      maxPages: options.maxPages,
      timeoutMs: options.timeout * 1000,
      maxMemoryMb: options.maxMemory,
      keepWarm: io.keepThreads === true,
      format: options.format,
      scale: options.scale,
      ...(options.pages ? { pages: options.pages } : {}),
      ...(loadCanvas ? { loadCanvas } : {}),
    });
  } catch (error) {
    if (error instanceof MissingPagesError) {
      io.stderr.write(`nap-annex: ${printable(name)}: --pages ${options.pages!.join(',')}: ${error.message}. Nothing was written.\n`);
      return EXIT.USAGE;
    }
    if (error instanceof RenderError) {
      throw new InputError(new DiagnosticBag(name).report('NAP004', `Page ${error.page} of the PDF could not be rendered (${error.message}); nothing was written. Check the file, or inspect it with --format svg (the reader's boxes without the rendered page).`, { page: error.page }));
    }
    throw error;
  }
  if (result.fallback !== null) {
    io.stderr.write(
      `nap-annex: the canvas add-on @napi-rs/canvas cannot be loaded (${printable(result.fallback)}), so the pages are not rendered: wrote SVG pictures with the reader's boxes and the page model's text instead of PNG. Install it (npm install @napi-rs/canvas) for PNG pictures of the rendered pages.\n`,
    );
  }
  if (!options.quiet) {
    const drawn = result.overlays.reduce((n, o) => n + o.boxes.filter((b) => b.kind === 'row').length, 0);
    io.stderr.write(`${printable(name)}: ${result.pageCount} page${result.pageCount === 1 ? '' : 's'} read (${formatCounts(countBySeverity(result.diagnostics))}; \`nap-annex check\` lists them); ${result.files.length} drawn, ${drawn} table rows on them\n`);
  }
  // The folder holds the pictures of one inspect: those of this PDF's other pages (either format) are removed.
  const owned = Array.from({ length: result.pageCount }, (_, i) => [pictureName(i + 1, result.pageCount, 'png'), pictureName(i + 1, result.pageCount, 'svg')]).flat();
  const failed = writeOutputFolder(resolvePath(io, options.output), result.files, { owned }, options.quiet, io.stderr, options.output);
  return failed ?? EXIT.OK;
}
