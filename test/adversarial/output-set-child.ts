/**
 * Child of output-set.test.ts: writes sets into argv[2] forever (set n: every file says "set n",
 * the manifest last), until killed; SIGTERM and SIGINT are handled as the command line handles
 * them (src/cli/write-output.ts).
 */
import { writeOutputSet } from '../../src/emit/output-set.js';
import { installSignalHandlers } from '../../src/cli/write-output.js';

installSignalHandlers();
const folder = process.argv[2]!;
const names = ['annex.json', 'activities.csv', 'footnotes.csv', 'excel/activities.csv', 'datapackage.json'];
for (let n = 1; ; n++) {
  const body = `set ${n}\n${'x'.repeat(200_000)}\n`;
  // Every other set leaves out the Excel copy, so that removing a file of the old set is killed too.
  const files = names.filter((name) => n % 2 === 1 || !name.startsWith('excel/')).map((name) => ({ name, content: body }));
  writeOutputSet(folder, files, { owned: names, last: ['datapackage.json'] });
  if (n === 1) process.stdout.write('first\n');
  // Let the event loop turn (signal handlers run there): the writer's calls are all synchronous,
  // so without this the loop would only ever run microtasks and a SIGTERM would never be handled.
  await new Promise((resolve) => setImmediate(resolve));
}
