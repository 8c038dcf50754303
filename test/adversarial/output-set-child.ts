/** Child of output-set.test.ts: writes sets into argv[2] forever (set n: every file says "set n"), until killed. */
import { writeOutputSet } from '../../src/emit/output-set.js';

const folder = process.argv[2]!;
for (let n = 1; ; n++) {
  const body = `set ${n}\n${'x'.repeat(200_000)}\n`;
  await writeOutputSet(folder, [
    { name: 'annex.json', content: body },
    { name: 'activities.csv', content: body },
    { name: 'footnotes.csv', content: body },
  ]);
  if (n === 1) process.stdout.write('first\n');
  // Let the event loop turn (signal handlers run there): the writer's calls are all synchronous,
  // so without this the loop would only ever run microtasks and a SIGTERM would never be handled.
  await new Promise((resolve) => setImmediate(resolve));
}
