#!/usr/bin/env node
// nap-annex command line; dist/bundle/cli.js is built from src/ by `npm run build` (scripts/build-bundles.mjs).
import '../dist/bundle/cli.js';
