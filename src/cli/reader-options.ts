/**
 * The reading options that `extract` and `check` share, and how they map onto the pipeline's
 * ExtractOptions (seconds → milliseconds, absent options left to the pipeline's defaults).
 */
import type { InputFormat } from '../model/page-model.js';
import type { ExtractOptions } from '../pipeline.js';
import type { CliIo } from './io.js';

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
 * Whether an input's reader and pipeline threads are kept (ExtractOptions.keepWarm): when another
 * input of the command follows, or the host runs more commands in this process (CliIo.keepThreads);
 * otherwise the command's last input frees them at once.
 */
export function keepThreads(io: Pick<CliIo, 'keepThreads'>, anotherInputFollows: boolean): boolean {
  return anotherInputFollows || io.keepThreads === true;
}

/** The pipeline options for reading `fileName` with the given CLI options; `keepWarm` from keepThreads. */
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
