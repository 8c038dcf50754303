/** `nap-annex check` as CI runs it: verdicts, formats, exit codes, globs, --strict, --expect. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubCommand } from '../src/cli/github.js';
import { type DiagnosticLocation, type Severity } from '../src/model/diagnostics.js';
import { DiagnosticBag } from '../src/diagnostics/bag.js';
import { TEXT_2024 } from './helpers/fixtures.js';
import { runCli, spawnCli } from './helpers/run-cli.js';

const REL = 'fixtures/nap-2024/bijlage-1.txt';
const LEGEND = ' Afgerond\n  In uitvoering\n  Doorlopend gedurende uitvoering programma\n  In uitvoering met vertraging\n  Nog niet begonnen of afgebroken\n';
const HEADER = 'Activiteit\tStatus\tWanneer\tWie\tToelichting\n';
const AL1 = 'Actielijn 1\t\t\t\t\nDoel\t\t\t\t\n';
const tmp = () => mkdtempSync(join(tmpdir(), 'nap-check-'));

describe('nap-annex check', () => {
  it('prints the diagnostics and an OK verdict for the 2024 annex, exit 0, writes nothing', async () => {
    const cwd = tmp();
    const run = await runCli(['check', TEXT_2024], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `${TEXT_2024} info NAP301 The input carries no status icons (a text export loses them): status is null for 83 of 83 activities. Read the PDF as published to get statuses.`,
      `${TEXT_2024} info NAP013 The document prints no edition date (--edition-date YYYY-MM-DD) and no Kamerstuk (--kamerstuk DOSSIER-NR) outside its table; left null. Give it with the option in brackets to label this edition.`,
      `${TEXT_2024}:6:192 warning NAP501 Actielijn 2 title "Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke norme" differs from the NAP title "Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke normen" (the printed title looks truncated). The printed title is kept as printed and canonicalTitle holds the NAP title; check the source for a typo or truncation.`,
      `${TEXT_2024}: OK — 83 activities, 0 errors, 1 warning, 2 info`,
      '',
    ]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('takes --verbose as extract does (the first-time user typed it): the same lines, every diagnostic listed anyway', async () => {
    const plain = await runCli(['check', TEXT_2024]);
    const verbose = await runCli(['check', '--verbose', TEXT_2024]);
    expect([verbose.status, verbose.stdout]).toEqual([0, plain.stdout]);
    expect(verbose.stdout).toContain('info NAP301');
  });

  it('expands a glob, passes --expect, and lets the worst exit code win (2 > 1 > 0)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), readFileSync(TEXT_2024));
    writeFileSync(join(dir, 'b.txt'), `${LEGEND}${HEADER}${AL1}Eerste\t\t2024\tOCW\tZie.⁷\n`);
    const clean = await runCli(['check', '*.txt', '--expect', '27,7,31,6,12'], { cwd: dir });
    expect(clean.status).toBe(1);
    expect(clean.stdout).toContain('a.txt: OK — 83 activities, 0 errors, 1 warning, 2 info');
    expect(clean.stdout).toMatch(/b\.txt:1:9 error NAP201 \[AL1-01\] Footnote marker 7/);
    expect(clean.stdout).toMatch(/b\.txt:\d+:\d+ error NAP502 Actielijn 1: expected 27 activities \(--expect 27,7,31,6,12\), found 1 activity\./);
    expect(clean.stdout).toMatch(/b\.txt error NAP502 Actielijn 2: expected 7 activities .*found no activities/);
    expect(clean.stdout).toContain('2 files: 1 OK, 1 with findings, 0 unreadable');
    const worst = await runCli(['check', '*.txt', 'missing.txt'], { cwd: dir });
    expect(worst.status).toBe(2);
    expect(worst.stdout).toContain('missing.txt: UNREADABLE — NAP001, nothing checked');
  });

  it('a glob matching nothing is exit 2 with a clear message', async () => {
    const run = await runCli(['check', 'annexes/**/*.pdf'], { cwd: tmp() });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^annexes\/\*\*\/\*\.pdf error NAP001 No file matches the pattern "annexes\/\*\*\/\*\.pdf"\. Check the pattern/);
  });

  it('--strict fails on warnings', async () => {
    const dir = tmp();
    // A clean annex of five action lines whose one finding is a warning: a footnote never cited.
    const clean = readFileSync(new URL('../fixtures/adversarial/min.txt', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'w.txt'), `${clean}² Nooit geciteerd.\n`);
    expect((await runCli(['check', 'w.txt'], { cwd: dir })).status).toBe(0);
    const strict = await runCli(['check', '--strict', 'w.txt'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('w.txt: FAIL (--strict: warnings fail) — 5 activities, 0 errors, 1 warning, 2 info');
    expect(strict.stdout).toContain('w.txt:1:25 warning NAP202 Footnote 2 ("Nooit geciteerd.") is never cited by a marker in the table.');
  });

  it('--format json: one document with verdict, counts and diagnostics per file', async () => {
    const run = await runCli(['check', REL, 'nope.txt', '--format', 'json', '--expect', '27,7,31,6,12']);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ tool: 'nap-annex', command: 'check', strict: false, expect: [27, 7, 31, 6, 12], exitCode: 2 });
    expect(report.summary).toEqual({ files: 2, ok: 1, findings: 0, unreadable: 1, internal: 0 });
    expect(report.files[0]).toMatchObject({ name: REL, verdict: 'ok', exitCode: 0, format: 'text', activities: 83, counts: { error: 0, warning: 1, info: 2 } });
    expect(report.files[0].actionLines.map((a: { activityCount: number }) => a.activityCount)).toEqual([27, 7, 31, 6, 12]);
    expect(report.files[1]).toMatchObject({ name: 'nope.txt', verdict: 'unreadable', exitCode: 2, diagnostics: [{ code: 'NAP001', severity: 'error' }] });
  });

  it('--format github: workflow commands per diagnostic', async () => {
    const run = await runCli(['check', REL, '--format', 'github', '--expect', '27,7,31,6,11']);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`::notice file=${REL},title=NAP301::The input carries no status icons (a text export loses them): status is null for 83 of 83 activities. Read the PDF as published to get statuses.`);
    expect(lines.filter((l) => l.includes('title=NAP013'))).toHaveLength(1);
    lines.splice(1, 1);
    expect(lines[1]).toBe(`::warning file=${REL},line=192,title=NAP501 (page 6)::Actielijn 2 title "Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke norme" differs from the NAP title "Wet- en regelgeving weerspiegelen de (veranderende) maatschappelijke normen" (the printed title looks truncated). The printed title is kept as printed and canonicalTitle holds the NAP title; check the source for a typo or truncation.`);
    expect(lines[2]).toMatch(new RegExp(`^::error file=${REL},line=445,title=NAP502 \\(page 15\\)::Actielijn 5: expected 11 activities \\(--expect 27%2C7|^::error file=${REL},line=445,title=NAP502 \\(page 15\\)::Actielijn 5: expected 11`));
    expect(lines[3]).toBe(`${REL}: FAIL — 83 activities, 1 error, 1 warning, 2 info`);
  });

  it('reads standard input with -', async () => {
    const run = await runCli(['check', '-'], { input: readFileSync(TEXT_2024) });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<stdin>: OK — 83 activities');
  });

  it('exits 64 on a malformed --expect or --format', async () => {
    expect((await runCli(['check', REL, '--expect', '27,x'])).stderr).toContain('expected activity counts per action line separated by commas');
    expect((await runCli(['check', REL, '--expect', '27,x'])).status).toBe(64);
    expect((await runCli(['check', REL, '--format', 'xml'])).status).toBe(64);
  });
});

describe('GitHub workflow command escaping', () => {
  it('escapes % CR LF in data, and also : , in properties', async () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('dir:x/a,b%.txt\n')).toBe('dir%3Ax/a%2Cb%25.txt%0A');
  });

  it('maps severities to error / warning / notice and leaves out missing properties', async () => {
    const d = (severity: Severity, location: DiagnosticLocation) => new DiagnosticBag().report('NAP201', 'm1\nm2 100%', location, { severity });
    expect(githubCommand(d('error', { file: 'a,b:c.txt', page: 3, line: 12, row: 'AL1-05' }))).toBe(
      '::error file=a%2Cb%3Ac.txt,line=12,title=NAP201 (page 3%2C AL1-05)::m1%0Am2 100%25',
    );
    expect(githubCommand(d('warning', {}))).toBe('::warning title=NAP201::m1%0Am2 100%25');
    expect(githubCommand(d('info', { file: '<stdin>' }))).toBe('::notice title=NAP201::m1%0Am2 100%25');
  });
});

describe('nap-annex check --ignore', () => {
  it('accepts a known warning under --strict: the real annex passes with --ignore NAP501', async () => {
    const strict = await runCli(['check', '--strict', REL]);
    expect(strict.status).toBe(1);
    const run = await runCli(['check', '--strict', '--ignore', 'NAP501', REL]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warning NAP501 Actielijn 2 title');
    expect(run.stdout).toContain(`${REL}: OK — 83 activities, 0 errors, 0 warnings, 2 info, 1 ignored (--ignore)`);
  });

  it('refuses an unknown code (exit 64)', async () => {
    const run = await runCli(['check', '--ignore', 'NAP999', REL]);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('unknown: NAP999');
  });
});

describe('nap-annex check as a real process (the built bundle)', () => {
  it('sets the process exit status: 0 for the 2024 annex, 2 for a missing file', () => {
    const ok = spawnCli(['check', TEXT_2024, '--expect', '27,7,31,6,12']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(': OK — 83 activities, 0 errors, 1 warning, 2 info');
    const missing = spawnCli(['check', 'no-such-annex.txt'], { cwd: tmpdir() });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('no-such-annex.txt error NAP001 Cannot read input: no such file.');
  });
});
