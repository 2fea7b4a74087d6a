/** Micro-benchmark: cost of decodeFrame on a NapCat group message vs JSON.parse alone (ns per frame). */
import { decodeFrame } from '../src/codec/frame';
import { sampleGroupMessage } from '../test/fixtures/events';

const text = JSON.stringify(sampleGroupMessage());
const N = 200_000;
function time(label: string, fn: () => unknown): number {
  for (let i = 0; i < 20_000; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) fn();
  const ns = Number(process.hrtime.bigint() - start) / N;
  console.log(`${label.padEnd(14)} ${ns.toFixed(0)} ns/frame`);
  return ns;
}
console.log(`frame: ${text.length} bytes`);
for (let round = 0; round < 3; round++) {
  const parse = time('JSON.parse', () => JSON.parse(text));
  const decode = time('decodeFrame', () => decodeFrame(text));
  console.log(`ratio parse/decode: ${(parse / decode).toFixed(2)}`);
}
