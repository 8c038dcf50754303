/** Process entry of the CLI (bin/nap-annex.js loads the compiled form of this file). */
import { main } from './main.js';

await main();
