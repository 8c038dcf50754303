/**
 * Bad PDF inputs through the CLI. The fixtures in fixtures/bad/ are made by
 * scripts/make-bad-fixtures.sh.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const bad = (name: string) => `fixtures/bad/${name}`;

describe('bad PDF inputs', () => {
  it('a truncated PDF: exit 2, NAP004', async () => {
    const run = await runCli(['check', bad('truncated.pdf')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^fixtures\/bad\/truncated\.pdf\S* error NAP004 /m);
  });

  it('an encrypted PDF: exit 2, NAP003', async () => {
    const run = await runCli(['check', bad('encrypted.pdf')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^fixtures\/bad\/encrypted\.pdf\S* error NAP003 /m);
  });

  it('a PDF that is not an annex: exit 1, NAP101', async () => {
    const run = await runCli(['check', bad('not-an-annex.pdf')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^fixtures\/bad\/not-an-annex\.pdf\S* error NAP101 /m);
  });

  it('a PDF over the page limit: exit 2, NAP005', async () => {
    const run = await runCli(['check', bad('three-pages.pdf'), '--max-pages', '2']);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^fixtures\/bad\/three-pages\.pdf\S* error NAP005 /m);
    expect((await runCli(['check', bad('three-pages.pdf'), '--max-pages', '3'])).stdout).not.toContain('NAP005');
  });
});
