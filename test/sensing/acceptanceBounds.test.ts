import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kappaSNegBinomial, kappaSPalm } from '../../src/sensing/acceptance.ts';
import { crlbAcceptanceThinnedNormalized } from '../../src/sensing/index.ts';

// Regression: at a tiny load (λ_s/λ_b = 1e-4) rounding pushed κ_s to 1 + 4e-15, and the CRLB with
// acceptance then rejected it as out of [0, 1].
test('corrected κ_s stays within [0, 1] at tiny loads and feeds the CRLB with acceptance', () => {
  for (const N of [1, 2, 5, 10, 15, 30, 50]) {
    for (const mu of [1e-6, 1e-4, 1e-2]) {
      const k1 = kappaSNegBinomial(15, mu, N);
      const k2 = kappaSPalm(15, mu, N);
      assert.ok(k1 <= 1 && k1 > 0.999, `NB N=${N} μ=${mu}: ${k1}`);
      assert.ok(k2 <= 1 && k2 > 0.999, `Palm N=${N} μ=${mu}: ${k2}`);
      if (N >= 2) assert.ok(Number.isFinite(crlbAcceptanceThinnedNormalized(N, k1, 2)));
    }
  }
});
