/*
 * Runs the demo backend from its TypeScript sources without a file watcher, so that edits
 * elsewhere in the checkout do not restart it in the middle of a browser test.
 * Usage: node e2e/lib/backendMain.js --config a.yaml --config b.yaml (cwd packages/backend)
 */
const path = require('node:path');

require('@backstage/cli/config/nodeTransform.cjs');
require(path.resolve(__dirname, '../../packages/backend/src/index.ts'));
