import { measurePipeline, measurePlainScan } from './measure.ts';

// Runs one measurement and prints it as JSON on the last line; see pipelines/cli/bench.ts.
const [mode, dir, outDir, warehouse] = process.argv.slice(2);
const measurement =
  mode === 'scan' ? await measurePlainScan(dir!) : await measurePipeline(mode!, dir!, outDir!, warehouse && warehouse !== 'none' ? warehouse : null);
console.log(JSON.stringify(measurement));
