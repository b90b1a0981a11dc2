import { open } from 'node:fs/promises';
import { Zip, ZipDeflate } from 'fflate';

/** Where the text of one CSV file goes: a plain file, or the one entry of a .zip archive. */
export interface TextSink {
  write: (text: string) => Promise<void>;
  close: () => Promise<void>;
}

/** The entries' modification time, fixed so that the same marts give the same archives. */
const ENTRY_TIME = new Date(2000, 0, 1);

/** A plain UTF-8 file. */
export async function fileSink(path: string): Promise<TextSink> {
  const file = await open(path, 'w');
  return {
    write: async (text) => {
      await file.write(text);
    },
    close: () => file.close(),
  };
}

/**
 * A .zip at `path` holding one deflated file `entryName`, streamed: the compressed chunks are written
 * as they come, so a 150 MB CSV never sits in memory whole.
 */
export async function zipSink(path: string, entryName: string): Promise<TextSink> {
  const file = await open(path, 'w');
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  const entry = new ZipDeflate(entryName, { level: 6 });
  entry.mtime = ENTRY_TIME;
  zip.add(entry);
  const encoder = new TextEncoder();
  const flush = async () => {
    if (failure) throw failure;
    for (const chunk of pending.splice(0)) await file.write(chunk);
  };
  return {
    write: async (text) => {
      entry.push(encoder.encode(text));
      await flush();
    },
    close: async () => {
      try {
        entry.push(new Uint8Array(0), true);
        zip.end();
        await flush();
      } finally {
        await file.close();
      }
    },
  };
}
