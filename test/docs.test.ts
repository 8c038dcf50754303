/**
 * Docs that stay true: docs/cli.md names every command, option, choice and exit code of the real
 * commander program (walked, not listed here), and every relative link or picture in README.md and
 * docs/*.md points at a file that exists and, with `#anchor`, at a heading of that file.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { EXIT } from '../src/cli/exit-codes.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI_DOC = join(ROOT, 'docs/cli.md');
const cliDoc = readFileSync(CLI_DOC, 'utf8');

/** The `## name` sections of a Markdown text, by heading (the text before the first: key ''). */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let name = '';
  let lines: string[] = [];
  for (const line of withoutCode(markdown).split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      out.set(name, lines.join('\n'));
      name = heading[1]!.trim();
      lines = [];
    } else lines.push(line);
  }
  out.set(name, lines.join('\n'));
  return out;
}

/** Fenced code blocks blanked (their lines kept, so that `#` in a shell comment is no heading). */
function withoutCode(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

/** How docs/cli.md writes an option: `` `-f, --format `` or `` `--force` ``, followed by a space or the closing backtick. */
function written(option: Option): RegExp {
  const flags = option.short ? `${option.short}, ${option.long}` : option.long!;
  return new RegExp(`\`${flags.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \`]`);
}

const program: Command = buildProgram(() => undefined);
const doc = sections(cliDoc);
/** Everything before the first command's section, code blocks included (the synopsis). */
const prelude = cliDoc.slice(0, cliDoc.indexOf('\n## '));

describe('docs/cli.md documents the command line as the program defines it', () => {
  it('has a section for every command, and the synopsis names its arguments', () => {
    const names = program.commands.map((c) => c.name());
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const command of program.commands) {
      expect(doc.has(command.name()), `section "## ${command.name()}"`).toBe(true);
      const args = command.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}]`));
      expect(prelude, `synopsis of ${command.name()}`).toContain(['nap-annex', command.name(), ...args].join(' '));
    }
  });

  it("names every option of every command in that command's section, with its short flag and every choice", () => {
    let checked = 0;
    for (const command of program.commands) {
      const section = doc.get(command.name()) ?? '';
      const help = command.createHelp();
      for (const option of help.visibleOptions(command)) {
        if (option.long === '--help') continue; // one help option for every command: checked in the prelude
        const at = written(option);
        expect(section, `${command.name()} ${option.flags}: write it as ${at.source} in "## ${command.name()}"`).toMatch(at);
        for (const choice of option.argChoices ?? []) {
          const rows = section.split('\n').filter((line) => at.test(line));
          expect(rows.some((row) => row.includes(choice)), `${command.name()} ${option.flags}: choice ${choice}`).toBe(true);
        }
        checked++;
      }
    }
    // extract alone has 21 options; every command has at least one.
    expect(checked).toBeGreaterThanOrEqual(50);
  });

  it("names the program's own options (--version) and --help before the first command", () => {
    const options = program.createHelp().visibleOptions(program);
    expect(options.map((o) => o.long)).toEqual(expect.arrayContaining(['--version', '--help']));
    for (const option of options) {
      expect(prelude, option.flags).toContain(option.long!);
      if (option.short) expect(prelude, option.flags).toContain(option.short);
    }
  });

  it('has a row for every exit code of src/cli/exit-codes.ts, and no other', () => {
    const table = doc.get('Exit codes') ?? '';
    const rows = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(rows.sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
  });
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen (as github-slugger). */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor of a Markdown file: its headings' slugs (a repeated one gets -1, -2 …) and explicit ids. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCode(markdown).split('\n')) {
    const heading = /^#{1,6} (.+)$/.exec(line);
    if (heading) {
      const base = slug(heading[1]!);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const id of line.matchAll(/<a (?:id|name)="([^"]+)"/g)) out.add(id[1]!);
  }
  return out;
}

/** The links and pictures of a Markdown text outside code: `[text](target)`, `![alt](target)`. */
function links(markdown: string): string[] {
  const text = withoutCode(markdown).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/!?\[[^\]\n]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

const DOCS = join(ROOT, 'docs');
const PAGES = [join(ROOT, 'README.md'), ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => join(DOCS, f))];

describe('README.md and docs/*.md: every relative link resolves', () => {
  it.each(PAGES.map((p) => [relative(ROOT, p), p]))('%s', (_name, page) => {
    const markdown = readFileSync(page, 'utf8');
    for (const target of links(markdown)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
      expect(existsSync(file), `${target}: no file ${relative(ROOT, file)}`).toBe(true);
      if (anchor !== undefined && anchor !== '') {
        expect(statSync(file).isFile() && file.endsWith('.md'), `${target}: an anchor into a file that is not Markdown`).toBe(true);
        expect([...anchors(readFileSync(file, 'utf8'))], `${target}: no heading #${anchor} in ${relative(ROOT, file)}`).toContain(anchor);
      }
    }
  });

  it('checks the links of README and of every page under docs/', () => {
    const all = PAGES.flatMap((p) => links(readFileSync(p, 'utf8')).filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t)));
    // README alone links to more than ten pages under docs/.
    expect(all.length).toBeGreaterThan(40);
    expect(PAGES.length).toBeGreaterThanOrEqual(10);
  });

  it('finds the anchors GitHub makes (checked on headings of these docs)', () => {
    expect(slug('annex.json: provenance / herkomst')).toBe('annexjson-provenance--herkomst');
    expect(slug('Speed and memory (`npm run bench`)')).toBe('speed-and-memory-npm-run-bench');
    expect(slug('Which PDFs it reads')).toBe('which-pdfs-it-reads');
    expect([...anchors('# A\n## B\n## B\n```\n# not a heading\n```\n')]).toEqual(['a', 'b', 'b-1']);
  });
});

describe('README is for users', () => {
  it('stays short: the reference lives in docs/ (about 150 lines)', () => {
    const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length;
    expect(lines, 'README.md: move reference material to a page under docs/ and link it').toBeLessThanOrEqual(200);
  });
});
