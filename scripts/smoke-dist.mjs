// Loads the ES module build the way an `import` user does and checks the public surface is there.
import assert from 'node:assert';
import * as root from 'onebot-rx';
import * as testing from 'onebot-rx/testing';

for (const name of ['createClient', 'ofType', 'sameId', 'ActionFailedError', 'segment', 'cq']) {
  assert.ok(root[name] !== undefined, `onebot-rx (esm) exports ${name}`);
}
assert.strictEqual(typeof testing.createSimulator, 'function', 'onebot-rx/testing (esm) exports createSimulator');
console.log('esm ok:', Object.keys(root).length, 'exports');
