#!/usr/bin/env node
// The `cloudarch` command: a thin launcher for the bundled CLI (built by `npm run build`).
require('../dist/cli/main.js');
