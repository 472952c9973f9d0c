/**
 * MurmurHash3 x86 32-bit over bytes, written from Austin Appleby's reference
 * (smhasher MurmurHash3.cpp, MurmurHash3_x86_32) with Math.imul, independently of
 * murmurhash3js. The tests use it to state exactly which bytes murmurhash3js hashes.
 */
export function murmur3x86(bytes: Uint8Array, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h1 = seed >>> 0;
  const blocks = bytes.length - (bytes.length % 4);
  for (let i = 0; i < blocks; i += 4) {
    let k1 = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
    k1 = Math.imul(k1, c1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, c2);
    h1 ^= k1;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
  }
  let k1 = 0;
  switch (bytes.length & 3) {
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: the reference's tail falls through
    case 3:
      k1 ^= bytes[blocks + 2]! << 16;
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: the reference's tail falls through
    case 2:
      k1 ^= bytes[blocks + 1]! << 8;
    case 1:
      k1 ^= bytes[blocks]!;
      k1 = Math.imul(k1, c1);
      k1 = (k1 << 15) | (k1 >>> 17);
      k1 = Math.imul(k1, c2);
      h1 ^= k1;
  }
  h1 ^= bytes.length;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  return h1 >>> 0;
}

/** The string as UTF-8, what Unleash's Java and Go SDKs hash. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The low 8 bits of each UTF-16 code unit: what murmurhash3js reads (`charCodeAt(i) & 0xff`). */
export function lowBytesOfCodeUnits(text: string): Uint8Array {
  return Uint8Array.from({ length: text.length }, (_, i) => text.charCodeAt(i) & 0xff);
}
