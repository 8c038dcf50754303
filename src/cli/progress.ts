/**
 * The progress bar of a multi-input `extract` (cli-progress), on stderr: files done, pages read
 * (of the files done) and the file being read. Shown only when stderr is a terminal and not
 * `--quiet`; otherwise every call does nothing, so logs and pipes get no bar.
 */
import cliProgress from 'cli-progress';
import { baseName } from '../model/plain-text.js';
import type { TextSink } from './io.js';
import { printable } from './printable.js';

/** What the extract loop tells the bar. */
export interface Progress {
  started(path: string): void;
  finished(path: string, pages: number): void;
  stop(): void;
}

/** A bar for `total` inputs on `stream`; a silent one when `enabled` is false or `stream` is not a terminal. */
export function startProgress(total: number, enabled: boolean, stream: TextSink & { isTTY?: boolean } = process.stderr): Progress {
  if (!enabled || stream.isTTY !== true) return { started() {}, finished() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: '{bar} {value}/{total} files | {pages} pages read | {file}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let pages = 0;
  const reading = new Set<string>();
  const current = (): string => printable([...reading].map(baseName).join(', ') || '');
  bar.start(total, 0, { pages, file: '' });
  return {
    started(path) {
      reading.add(path);
      bar.update({ file: current() });
    },
    finished(path, n) {
      reading.delete(path);
      pages += n;
      bar.increment(1, { pages, file: current() });
    },
    stop() {
      bar.stop();
    },
  };
}
