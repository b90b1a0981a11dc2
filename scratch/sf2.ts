import { loadSellersData } from '../src/lib/vendedores.ts';
import { queryMart } from '../src/lib/readMart.ts';
let t = performance.now();
await loadSellersData();
console.log('sellersData ms', Math.round(performance.now() - t));
