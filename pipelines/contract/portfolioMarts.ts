import { balanceMarts } from './portfolio/balanceMarts.ts';
import { clusterMarts } from './portfolio/clusterMarts.ts';
import { contractMarts } from './portfolio/contractMarts.ts';
import { customerMarts } from './portfolio/customerMarts.ts';
import { historyMarts } from './portfolio/historyMarts.ts';
import { opportunityMarts } from './portfolio/opportunityMarts.ts';
import { productMarts } from './portfolio/productMarts.ts';
import { salesMarts } from './portfolio/salesMarts.ts';
import { sellerMarts } from './portfolio/sellerMarts.ts';
import { targetMarts } from './portfolio/targetMarts.ts';

/** Portfolio marts of issue 3, computed by the SQL models under pipelines/sql (one .sql file per mart). */
export const portfolioMarts = [
  ...customerMarts,
  ...clusterMarts,
  ...salesMarts,
  ...sellerMarts,
  ...contractMarts,
  ...opportunityMarts,
  ...productMarts,
  ...balanceMarts,
  ...targetMarts,
  ...historyMarts,
] as const;
