import { setPriority } from 'node:os';
import { writeSiteData } from './martDownloads.ts';

// Child process of the martDownloads integration: writes the filter files and the downloads into the site
// folder given, from the marts in CARTEIRA_MARTS_DIR, and prints what it wrote as JSON on its last line.
// Stop if the build that started this process is gone (killed): nobody would use the files.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(1), 500).unref();

// The pages are the build's longest path and these files are done before them: where both want the CPU,
// the pages get it first. Threads started from here on (DuckDB's, zlib's) inherit the lower priority.
try {
  setPriority(10);
} catch {
  // not allowed here: the downloads then share the CPU evenly, as before
}

const [target] = process.argv.slice(2);
console.log(JSON.stringify(await writeSiteData(target!)));
