/**
 * The rules of UTF-8 byte sequences (RFC 3629, as Node's isUtf8 and DuckDB apply them): which bytes
 * may start a sequence, how many continuation bytes follow, and the narrower range of the first one
 * that excludes overlong forms and surrogates.
 */

/** The continuation bytes a lead byte announces and the range of the first of them, or null for a byte that cannot start one. */
export function utf8Sequence(b: number): { need: number; min: number; max: number } | null {
  if (b >= 0xc2 && b <= 0xdf) return { need: 1, min: 0x80, max: 0xbf };
  if (b === 0xe0) return { need: 2, min: 0xa0, max: 0xbf };
  if (b === 0xed) return { need: 2, min: 0x80, max: 0x9f };
  if (b >= 0xe1 && b <= 0xef) return { need: 2, min: 0x80, max: 0xbf };
  if (b === 0xf0) return { need: 3, min: 0x90, max: 0xbf };
  if (b === 0xf4) return { need: 3, min: 0x80, max: 0x8f };
  if (b >= 0xf1 && b <= 0xf3) return { need: 3, min: 0x80, max: 0xbf };
  return null;
}

/** The length of the valid UTF-8 multi-byte character at `i` (within `length`), or 0. */
export function utf8Length(buffer: Buffer, i: number, length: number): number {
  const sequence = utf8Sequence(buffer[i]!);
  if (!sequence || i + sequence.need >= length) return 0;
  const second = buffer[i + 1]!;
  if (second < sequence.min || second > sequence.max) return 0;
  for (let k = 2; k <= sequence.need; k++) {
    const c = buffer[i + k]!;
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return sequence.need + 1;
}
