/**
 * Setup file of every test file: test files share worker processes (vitest.config.ts), and a
 * test that loads pdfjs-dist in the test process (word-generated, pdf-generated, the divergence
 * and version tests) lets its core-js replace Array.prototype.push for every later file in that
 * process (src/threads/pdfjs-environment.ts). This module is evaluated once per worker, before any
 * test file, so it saves V8's own push; it is put back before each file's tests (after the file's
 * imports, which may have loaded pdfjs-dist: its pdf.js then runs with V8's push, as in the reader
 * threads) and after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { restoreNativeArrayPush } from '../../src/threads/pdfjs-environment.js';

beforeAll(restoreNativeArrayPush);
afterAll(restoreNativeArrayPush);
