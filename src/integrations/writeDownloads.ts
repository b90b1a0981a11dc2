import { writeDownloads } from './martDownloads.ts';

// Child process of the martDownloads integration: writes the downloads into the folder given, from the
// marts in CARTEIRA_MARTS_DIR, and prints what it wrote as JSON on its last line.
// Stop if the build that started this process is gone (killed): nobody would use the files.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(1), 500).unref();

const [target] = process.argv.slice(2);
console.log(JSON.stringify(await writeDownloads(target!)));
