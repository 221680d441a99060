// The benchmark's second configuration of the peer: yaml-language-server exactly as shipped, except
// that its fixed 200 ms wait before validating a changed document (`validationDelayMs`, set in the
// SettingsState constructor and not exposed as a setting) is 0. The engine-to-engine comparison
// needs it: as shipped, every edit of the peer includes that wait.
//
// The change is made here, at run time, in the benchmark's own process: the project's installed
// copy of yaml-language-server is not modified. The server's entry module reads
// `SettingsState` from its `./yamlSettings` module when it starts, so replacing the export before
// requiring the entry point is enough.
'use strict';
const { dirname, join } = require('node:path');

const packageRoot = dirname(require.resolve('yaml-language-server/package.json'));
const settingsModule = require(join(packageRoot, 'out/server/src/yamlSettings.js'));
const ShippedSettingsState = settingsModule.SettingsState;

class SettingsStateWithoutValidationDelay extends ShippedSettingsState {
  constructor(...args) {
    super(...args);
    this.validationDelayMs = 0;
  }
}

settingsModule.SettingsState = SettingsStateWithoutValidationDelay;
require(join(packageRoot, 'out/server/src/server.js'));
