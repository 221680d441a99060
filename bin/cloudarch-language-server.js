#!/usr/bin/env node
// The language server for any LSP editor: `cloudarch-language-server --stdio`.
require('../dist/server/main.js');
