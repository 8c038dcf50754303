/**
 * Loading an annex for the commands that compare or present annexes (`diff`, `report`): any input
 * format the readers know, or an `annex.json` that `extract` wrote.
 */
import { DiagnosticBag } from '../diagnostics/bag.js';
import { InputError } from '../diagnostics/errors.js';
import { type Diagnostic } from '../schema/diagnostic.js';
import { extractAnnex, type ExtractOptions } from '../pipeline.js';
import { annexSchema, type Annex } from '../schema/annex.js';
import { type CliIo, processIo } from './io.js';
import { readInput } from './read-input.js';

/** An annex loaded for diff or report, with the path given on the command line. */
export interface LoadedAnnex {
  path: string;
  annex: Annex;
  /** The annex's diagnostics naming the file as given (for a terminal); an annex.json's own ones as stored. */
  diagnostics: Diagnostic[];
}

/**
 * Reads an annex file (any input format, through the pipeline with `options`) or an annex.json
 * written by `extract` (validated against the schema; its diagnostics are those of its extraction).
 * Throws InputError (exit 2) for unreadable input or JSON that is not an annex.json.
 */
export async function loadAnnex(
  path: string,
  options: Omit<ExtractOptions, 'fileName'> & { maxBytes: number },
  io: Pick<CliIo, 'stdin' | 'cwd'> = processIo(),
): Promise<LoadedAnnex> {
  const { name, bytes } = await readInput(path, options.maxBytes, io);
  if (startsAsJson(bytes)) {
    const diagnostics = new DiagnosticBag(name);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new InputError(diagnostics.report('NAP001', `Input looks like JSON but does not parse: ${(error as Error).message}.`));
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      const kind = Array.isArray(json) ? 'array' : json === null ? 'null' : typeof json;
      throw new InputError(diagnostics.report('NAP001', `JSON input is ${kind === 'array' ? 'an array' : `a ${kind}`}, not an annex.json written by nap-annex extract.`, {}, { actual: kind, expected: 'object' }));
    }
    const parsed = annexSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      throw new InputError(diagnostics.report('NAP001', `JSON input is not an annex.json of this nap-annex version: ${first.path.join('.') || '(root)'}: ${first.message}.`));
    }
    return { path: name, annex: parsed.data, diagnostics: parsed.data.diagnostics };
  }
  const { annex, diagnostics } = await extractAnnex(bytes, { ...options, fileName: name });
  return { path: name, annex, diagnostics };
}

/** True when the first character that is not white space (after a UTF-8 BOM) is `{` or `[`: JSON, whatever the indentation. */
function startsAsJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}
