import { rateExact } from '../src/comm/exactRate.ts';
import { kappaCPrinted } from '../src/comm/kappa.ts';
for (const L of [1, 4, 10, 20, 30]) {
  const t0 = performance.now(); let s = 0;
  for (let i = 0; i < 20; i++) s += rateExact({ L, pc: 0.3 + 0.01 * i, kappaC: kappaCPrinted(15, 10, L), alpha: 4, mt: 4 });
  console.log(L, ((performance.now() - t0) / 20).toFixed(2), 'ms per rateExact');
}
