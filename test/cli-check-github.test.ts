/** `check --format github` caps annotations per file, `$GITHUB_STEP_SUMMARY` gets a verdict table, `--quiet` prints verdicts only. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const LEGEND = ' Afgerond\n  In uitvoering\n  Doorlopend gedurende uitvoering programma\n  In uitvoering met vertraging\n  Nog niet begonnen of afgebroken\n';
const HEADER = 'Activiteit\tStatus\tWanneer\tWie\tToelichting\n';
const AL1 = 'Actielijn 1\t\t\t\t\nDoel\t\t\t\t\n';
/** 14 rows citing undefined footnotes (14 NAP201 errors) with unparsable planning (14 NAP401 warnings); only Actielijn 1 (NAP503 error, NAP501 warning). */
const NOISY = `${LEGEND}${HEADER}${AL1}${Array.from({ length: 14 }, (_, i) => `Activiteit ${i + 1}\t\tooit\tOCW\tZie noot.${'⁰¹²³⁴⁵⁶⁷⁸⁹'[(i % 9) + 1]}\n`).join('')}`;

describe('check --format github and friends', () => {
  it('caps annotations at 10 errors and 10 warnings per file, lists the rest in the log, one summary notice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-gh-'));
    writeFileSync(join(dir, 'noisy.txt'), NOISY);
    writeFileSync(join(dir, 'summary.md'), '# earlier step\n');
    const run = await runCli(['check', 'noisy.txt', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') } });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    const count = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).length;
    expect(count('::error ')).toBe(10);
    expect(count('::warning ')).toBe(10);
    // 15 errors (14 NAP201, 1 NAP503) and 15 warnings (14 NAP401, 1 NAP501): 5 of each stay in the log as plain lines.
    expect(lines.filter((l) => /^noisy\.txt(:\d+)* error NAP(201|503) /.test(l))).toHaveLength(5);
    expect(lines.filter((l) => /^noisy\.txt(:\d+)* warning NAP(401|501) /.test(l))).toHaveLength(5);
    const summary = lines.filter((l) => l.includes('title=nap-annex%3A 10 more'));
    expect(summary).toEqual([
      '::notice file=noisy.txt,title=nap-annex%3A 10 more::5 error(s), 5 warning(s) more than GitHub shows as annotations (10 errors, 10 warnings per step); all are listed in the step log above.',
    ]);
    expect(lines.at(-1)).toMatch(/^noisy\.txt: FAIL — 14 activities, 15 errors, 15 warnings, 2 info$/);
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(md.startsWith('# earlier step\n### nap-annex check\n')).toBe(true);
    expect(md).toMatch(/\| noisy\.txt \| FAIL \| 14 \| 15 \| 15 \| 2 \| 0 \|/);
    expect(md).toContain('Exit code 1.');
  });

  it('--quiet prints only the verdict lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nap-gh-'));
    writeFileSync(join(dir, 'noisy.txt'), NOISY);
    const run = await runCli(['check', 'noisy.txt', 'missing.txt', '--quiet'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(/^noisy\.txt: FAIL — 14 activities, 15 errors, 15 warnings, 2 info$/),
      'missing.txt: UNREADABLE — NAP001, nothing checked',
      '2 files: 0 OK, 1 with findings, 1 unreadable',
      '',
    ]);
  });
});
