import type { CodeModel } from '../warehouse/runModels.ts';
import { reassignmentModel } from '../balance/reassignmentModel.ts';
import { customerClusterModel } from './customerClusterModel.ts';
import { customerValueModel } from './customerValueModel.ts';

/** The models computed in TypeScript, placed by the runner among the SQL models. */
export const codeModels: CodeModel[] = [
  {
    kind: 'code',
    name: customerValueModel.name,
    dependsOn: customerValueModel.dependsOn,
    run: async (db, config) => {
      await customerValueModel.run(db, config.customer_value);
    },
  },
  {
    kind: 'code',
    name: reassignmentModel.name,
    dependsOn: reassignmentModel.dependsOn,
    run: async (db, config) => {
      await reassignmentModel.run(db, config.balance);
    },
  },
  {
    kind: 'code',
    name: customerClusterModel.name,
    alsoCreates: customerClusterModel.alsoCreates,
    dependsOn: customerClusterModel.dependsOn,
    run: async (db, config) => {
      await customerClusterModel.run(db, config.clusters);
    },
  },
];
