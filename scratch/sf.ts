import { loadSalesFilterFiles } from '../src/lib/salesFilterData.ts';
const t0 = performance.now();
const f = await loadSalesFilterFiles();
console.log('total ms', Math.round(performance.now() - t0), f?.bySeller.size);
