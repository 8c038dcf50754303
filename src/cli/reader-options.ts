/**
 * The reading options that `extract` and `check` share, and how they map onto the pipeline's
 * ExtractOptions (seconds → milliseconds, absent options left to the pipeline's defaults).
 */
import type { InputFormat } from '../model/page-model.js';
import type { ExtractOptions } from '../pipeline.js';

/** Options of the CLI that control reading one input (as commander parses them). */
export interface ReaderCliOptions {
  inputFormat?: InputFormat;
  maxBytes: number;
  maxPages: number;
  workers?: number;
  /** Seconds. */
  timeout: number;
  /** MB. */
  maxMemory: number;
  expect?: number[];
  /** ISO date for source.edition (--edition-date). */
  editionDate?: string;
  /** Kamerstuk for source.edition (--kamerstuk), already normalised to `34843-109`. */
  kamerstuk?: string;
}

/**
 * The pipeline options for reading `fileName` with the given CLI options; `keepWarm` when another
 * input follows (its threads are then kept for it: ExtractOptions.keepWarm).
 */
export function extractOptionsFrom(fileName: string, options: ReaderCliOptions, keepWarm = false): ExtractOptions {
  return {
    fileName,
    keepWarm,
    maxBytes: options.maxBytes,
    maxPages: options.maxPages,
    timeoutMs: options.timeout * 1000,
    maxMemoryMb: options.maxMemory,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.expect ? { expect: options.expect } : {}),
    ...(options.inputFormat ? { format: options.inputFormat } : {}),
    ...(options.editionDate ? { editionDate: options.editionDate } : {}),
    ...(options.kamerstuk ? { kamerstuk: options.kamerstuk } : {}),
  };
}
