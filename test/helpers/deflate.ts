/**
 * A zlib (FlateDecode) stream of `repeat` copies of `chunk`, built in milliseconds however large
 * the inflated data: the chunk is compressed once as the stream's start and once with the
 * window of a copy before it (a preset dictionary), both ending in a sync flush (byte-aligned,
 * not final), so the second can be repeated; the stream then ends with an empty final block and
 * the Adler-32 of the whole inflated data (RFC 1950/1951). Deflating 1.5 GB with zlib would take
 * seconds of CPU in every test run.
 */
import { constants, deflateRawSync } from 'node:zlib';

const MOD = 65521;
const WINDOW = 32 * 1024;

/** Adler-32 sums (a, b) of `bytes` (RFC 1950). */
function adler(bytes: Uint8Array): [number, number] {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % MOD;
    b = (b + a) % MOD;
  }
  return [a, b];
}

/** Deflated (zlib format) `repeat` copies of `chunk`; `repeat` ≥ 1. */
export function deflateRepeated(chunk: Buffer, repeat: number): Buffer {
  const options = { level: 9, finishFlush: constants.Z_SYNC_FLUSH };
  const first = deflateRawSync(chunk, options);
  // What precedes a later copy: the last 32 KB of the copies before it.
  const before = Buffer.concat(Array.from({ length: Math.ceil(WINDOW / chunk.length) + 1 }, () => chunk)).subarray(-WINDOW);
  const next = deflateRawSync(chunk, { ...options, dictionary: before });
  // Adler-32 of the copies, combined copy by copy (zlib's adler32_combine).
  const [a1, b1] = adler(chunk);
  let [a, b] = [a1, b1];
  for (let k = 1; k < repeat; k++) {
    b = (b + b1 + ((chunk.length % MOD) * ((a + MOD - 1) % MOD))) % MOD;
    a = (a + a1 + MOD - 1) % MOD;
  }
  const check = Buffer.alloc(4);
  check.writeUInt32BE(((b << 16) | a) >>> 0);
  // zlib header (deflate, 32 KB window, best compression), the blocks, an empty final fixed block, the check.
  return Buffer.concat([Buffer.from([0x78, 0xda]), first, ...Array.from({ length: repeat - 1 }, () => next), Buffer.from([0x03, 0x00]), check]);
}
