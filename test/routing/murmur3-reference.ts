import { murmur3x86 as murmur3 } from '../../src/routing/murmur3.js';

/** MurmurHash3 x86 32-bit of a byte array, through the shim's implementation. */
export function murmur3x86(bytes: Uint8Array, seed = 0): number {
  return murmur3(bytes.length, (index) => bytes[index]!, seed);
}

/** The string as UTF-8, what Unleash's Java and Go SDKs hash. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The low 8 bits of each UTF-16 code unit: what murmurhash3js reads (`charCodeAt(i) & 0xff`). */
export function lowBytesOfCodeUnits(text: string): Uint8Array {
  return Uint8Array.from({ length: text.length }, (_, i) => text.charCodeAt(i) & 0xff);
}
