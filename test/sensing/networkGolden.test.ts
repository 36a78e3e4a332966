/**
 * Regression test of kernel `sensing.network` (src/sensing/network.ts): the records must stay
 * byte-identical for the same seed across performance work on the kernel and its k-nearest search
 * (src/geometry/torus.ts; the search is exact, so a faster exact search writes the same numbers).
 *
 * The fixture test/sensing/fixtures/network_golden.json was captured from the pre-optimization code
 * at commit 1d90c2f by test/sensing/fixtures/capture_network_golden.ts. It is a regression fixture,
 * not an independent reference: the independent checks of the network model are the existing tests
 * (test/sensing/network.test.ts against Lemma 1, the negative-binomial form and the geometry Monte
 * Carlo; test/geometry/torus.test.ts against brute-force neighbours). Exact comparison (no tolerance):
 * the same arithmetic on the same draws must give the same bits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runJobSync } from '../../src/registry/inline.ts';
import { runJob } from '../../src/registry/nodePool.ts';
import { sensingNetworkJob, type SensingNetworkOptions } from '../../src/sensing/networkSummary.ts';
import { NF, sensingNetworkRecordWidth } from '../../src/sensing/network.ts';
import { NETWORK_GOLDEN_SETTINGS } from './fixtures/networkGoldenSettings.ts';

interface GoldenSetting {
  options: SensingNetworkOptions & { label: string };
  length: number;
  sha256: string;
  counters: number[][];
  crlbW0B0: string[];
}

const golden = (JSON.parse(readFileSync(new URL('./fixtures/network_golden.json', import.meta.url), 'utf8')) as { settings: GoldenSetting[] }).settings;

const sha = (rec: Float64Array): string => createHash('sha256').update(Buffer.from(rec.buffer, rec.byteOffset, rec.byteLength)).digest('hex');

test('the fixture covers the settings of networkGoldenSettings.ts', () => {
  assert.deepEqual(
    golden.map((g) => g.options),
    NETWORK_GOLDEN_SETTINGS.map((o) => JSON.parse(JSON.stringify(o)) as unknown),
  );
});

for (const g of golden) {
  test(`sensing.network records are byte-identical to the 1d90c2f capture: ${g.options.label}`, () => {
    const rec = runJobSync(sensingNetworkJob(g.options));
    assert.equal(rec.length, g.length);
    const K = g.options.samplesPerWindow ?? 256;
    const width = sensingNetworkRecordWidth(g.options.psis.length, g.options.Ns.length, K);
    const blocks = g.options.psis.length * g.options.Ns.length;
    // Readable diagnostics first (counters of every block, the first block's CRLB samples), then all bytes.
    let i = 0;
    for (let w = 0; w < g.options.windows; w++) {
      for (let b = 0; b < blocks; b++, i++) {
        const at = w * width + b * (NF + 2 * K);
        assert.deepEqual(Array.from(rec.subarray(at, at + NF)), g.counters[i], `window ${w}, block ${b}`);
      }
    }
    assert.deepEqual(Array.from(rec.subarray(NF, NF + K), (v) => String(v)), g.crlbW0B0);
    assert.equal(sha(rec), g.sha256);
  });
}

test('sensing.network through 2 worker threads gives the captured bytes too (fig3-N15)', async () => {
  const g = golden[0];
  const rec = await runJob(sensingNetworkJob(g.options), 2, undefined, true);
  assert.equal(sha(rec), g.sha256);
});
