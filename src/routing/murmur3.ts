/**
 * MurmurHash3 x86 32-bit, from Austin Appleby's reference (smhasher `MurmurHash3_x86_32`), over
 * `length` bytes read through `byteAt`. The shim's own copy, proven equal to `murmurhash3js`
 * (the package Unleash's Node SDK calls) in test/routing/plan.test.ts: that package is
 * unmaintained since 2016 and ships two 128-bit variants the shim never uses.
 */
export function murmur3x86(length: number, byteAt: (index: number) => number, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h1 = seed >>> 0;
  const blocks = length - (length % 4);
  for (let i = 0; i < blocks; i += 4) {
    let k1 = byteAt(i) | (byteAt(i + 1) << 8) | (byteAt(i + 2) << 16) | (byteAt(i + 3) << 24);
    k1 = Math.imul(k1, c1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, c2);
    h1 ^= k1;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
  }
  let k1 = 0;
  switch (length & 3) {
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: the reference's tail falls through
    case 3:
      k1 ^= byteAt(blocks + 2) << 16;
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: the reference's tail falls through
    case 2:
      k1 ^= byteAt(blocks + 1) << 8;
    case 1:
      k1 ^= byteAt(blocks);
      k1 = Math.imul(k1, c1);
      k1 = (k1 << 15) | (k1 >>> 17);
      k1 = Math.imul(k1, c2);
      h1 ^= k1;
  }
  h1 ^= length;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  return h1 >>> 0;
}

/**
 * What Unleash's Node SDK hashes: the low 8 bits of each UTF-16 code unit (`murmurhash3js` reads
 * `charCodeAt(i) & 0xff`), not UTF-8. Identical to Unleash's Java and Go SDKs for ASCII only.
 */
export function murmur3OfCodeUnits(text: string, seed = 0): number {
  return murmur3x86(text.length, (index) => text.charCodeAt(index) & 0xff, seed);
}
