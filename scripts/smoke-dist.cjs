// Loads the CommonJS build the way a `require` user does and checks the public surface is there.
const assert = require('node:assert');
const root = require('onebot-rx');
const testing = require('onebot-rx/testing');
for (const name of ['createClient', 'ofType', 'sameId', 'ActionFailedError', 'segment', 'cq']) {
  assert.ok(root[name] !== undefined, `onebot-rx (cjs) exports ${name}`);
}
assert.strictEqual(typeof testing.createSimulator, 'function', 'onebot-rx/testing (cjs) exports createSimulator');
console.log('cjs ok:', Object.keys(root).length, 'exports');
