import { open } from 'node:fs/promises';
import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

/** Where the text of one CSV file goes: a plain file, or the one entry of a .zip archive. */
export interface TextSink {
  /** Text is written as UTF-8; bytes as they are. */
  write: (text: string | Uint8Array) => Promise<void>;
  close: () => Promise<void>;
}

/** The entries' modification time, fixed so that the same marts give the same archives. */
const ENTRY_TIME = new Date(2000, 0, 1);

/** A plain UTF-8 file. */
export async function fileSink(path: string): Promise<TextSink> {
  const file = await open(path, 'w');
  return {
    write: async (text) => {
      await file.write(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
    },
    close: () => file.close(),
  };
}

/**
 * One deflated entry of a fflate Zip, compressed by Node's native zlib (about three times faster than
 * fflate's JavaScript deflate, and on libuv's thread pool, so it overlaps the CSV formatting). Size and
 * CRC are counted as the text goes in; fflate writes them in the data descriptor after the last chunk.
 */
const MAX_UNCOMPRESSED_BACKLOG = 16 * 1024 * 1024;

class NativeDeflateEntry implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  mtime = ENTRY_TIME;
  ondata?: ZipInputFile['ondata'];
  private readonly deflate = createDeflateRaw({ level: 6 });
  private readonly ended: Promise<void>;

  constructor(readonly filename: string) {
    this.deflate.on('data', (chunk: Buffer) => this.ondata!(null, chunk as Uint8Array<ArrayBuffer>, false));
    this.ended = new Promise((done, fail) => {
      this.deflate.on('end', () => {
        this.ondata!(null, new Uint8Array(0), true);
        done();
      });
      this.deflate.on('error', fail);
    });
  }

  async push(bytes: Buffer): Promise<void> {
    this.size += bytes.length;
    this.crc = crc32(bytes, this.crc);
    this.deflate.write(bytes);
    // Let formatting run ahead of compression by a few chunks, but not without bound.
    if (this.deflate.writableLength > MAX_UNCOMPRESSED_BACKLOG) await once(this.deflate, 'drain');
  }

  end(): Promise<void> {
    this.deflate.end();
    return this.ended;
  }
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
  const entry = new NativeDeflateEntry(entryName);
  zip.add(entry);
  const flush = async () => {
    if (failure) throw failure;
    for (const chunk of pending.splice(0)) await file.write(chunk);
  };
  return {
    write: async (text) => {
      await entry.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength));
      await flush();
    },
    close: async () => {
      try {
        await entry.end();
        zip.end();
        await flush();
      } finally {
        await file.close();
      }
    },
  };
}
