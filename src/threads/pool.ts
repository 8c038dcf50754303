/**
 * Idle worker threads kept for the next job. Starting a thread that loads pdfjs-dist (or the
 * pipeline with zod) costs 0.3–0.5 s of CPU, more than reading a small PDF; a caller that reads
 * several inputs (`extract a.pdf b.pdf …`, a library user in a loop, the test suite) pays it once.
 *
 * A thread is only given back after it finished its job normally; a thread that was stopped by a
 * limit, failed or exited is never reused. Idle threads are unref'd (they never keep the process
 * alive) and terminated after `IDLE_MS` without work. Threads are kept apart by `key`, which names
 * the script and the resource limits they were started with: a thread started with a 250 MB heap
 * never serves a job that was allowed 2 GB, or the other way round.
 */
import type { Worker } from 'node:worker_threads';

/** How long an idle thread waits for the next job before it is terminated (milliseconds). */
export const IDLE_MS = 10_000;

/** Most idle threads kept per key (more are terminated at once). */
export const MAX_IDLE_PER_KEY = 8;

interface Idle {
  worker: Worker;
  timer: NodeJS.Timeout;
}

const idle = new Map<string, Idle[]>();

/**
 * Takes an idle thread started under `key`, or undefined. The thread is ref'd again and has no
 * listeners of the job before; the caller adds its own.
 */
export function takeWarmThread(key: string): Worker | undefined {
  const list = idle.get(key);
  const entry = list?.pop();
  if (!entry) return undefined;
  clearTimeout(entry.timer);
  removeJobListeners(entry.worker);
  entry.worker.ref();
  return entry.worker;
}

/**
 * Gives back a thread that finished its job and waits for the next message. Its listeners are
 * replaced by one that forgets it if it errs or exits while idle; it is terminated after `idleMs`
 * (default IDLE_MS) without a job.
 */
export function giveWarmThread(key: string, worker: Worker, idleMs = IDLE_MS): void {
  const list = idle.get(key) ?? [];
  idle.set(key, list);
  if (list.length >= MAX_IDLE_PER_KEY) {
    void worker.terminate();
    return;
  }
  removeJobListeners(worker);
  const forget = (): void => {
    const at = list.findIndex((e) => e.worker === worker);
    if (at >= 0) {
      clearTimeout(list[at]!.timer);
      list.splice(at, 1);
    }
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  worker.on('message', () => undefined);
  const timer = setTimeout(() => {
    forget();
    void worker.terminate();
  }, idleMs);
  timer.unref();
  worker.unref();
  list.push({ worker, timer });
}

/**
 * Removes the listeners a job added. Only these events: Node's Worker keeps its message port
 * referenced through its own newListener/removeListener hooks, which removeAllListeners() would
 * remove too (the thread's messages would then never arrive).
 */
function removeJobListeners(worker: Worker): void {
  for (const event of ['message', 'messageerror', 'error', 'exit', 'online']) worker.removeAllListeners(event);
}

/** Number of idle threads kept under `key`, or under every key (for tests). */
export function warmThreadCount(key?: string): number {
  return key === undefined ? [...idle.values()].reduce((n, list) => n + list.length, 0) : (idle.get(key)?.length ?? 0);
}

/** Terminates every idle thread now (for tests, and for callers that want the memory back). */
export async function closeWarmThreads(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  for (const e of all) clearTimeout(e.timer);
  await Promise.all(all.map((e) => e.worker.terminate()));
}
