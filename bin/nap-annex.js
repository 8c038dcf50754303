#!/usr/bin/env node
// nap-annex command line; the code is compiled from src/ into dist/ by `npm run build`.
import '../dist/cli/bin.js';
