/**
 * lz-string's decompressFromEncodedURIComponent with a cap on the output: the package's decoder has no limit, and a
 * 74 KB link can inflate to 500 MB before anything can be checked (a decompression bomb). This is the same
 * algorithm (lz-string 1.5, MIT: a variable-width LZW stream of 6-bit URI-safe characters), written here only to
 * stop as soon as the output would pass maxChars. Tests compare it with the package on random inputs.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
/**
 * Each character code's 6 bits in reading order, lowest first (lz-string reads a character's bits from the highest
 * down and weighs the k-th bit read 2^k); 0 for a character outside the alphabet, as lz-string reads it. A table
 * and a bit buffer, not a Map and a loop per bit: the largest links have 400,000 characters.
 */
const REVERSED_VALUE = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) {
  let r = 0;
  for (let b = 0; b < 6; b++) r |= ((i >> b) & 1) << (5 - b);
  REVERSED_VALUE[ALPHABET.charCodeAt(i)] = r;
}

/** The decompressed text, '' for an empty or invalid stream (as lz-string), or null once it would exceed maxChars. */
export function decompressBounded(input: string, maxChars: number): string | null {
  if (input === '') return '';
  const data = input.replace(/ /g, '+');
  // Unread bits, the next one lowest; characters past the end read as 0 (as lz-string's). At most 22 + 6 bits are
  // held: a code has at most 16 bits for a literal, or log2 of a dictionary of at most maxChars entries.
  let buffer = 0;
  let held = 0;
  let loaded = 0;
  let consumed = 0;
  const read = (numBits: number): number => {
    while (held < numBits) {
      const code = data.charCodeAt(loaded++);
      buffer |= (code < 128 ? REVERSED_VALUE[code] : 0) << held;
      held += 6;
    }
    const bits = buffer & ((1 << numBits) - 1);
    buffer >>>= numBits;
    held -= numBits;
    consumed += numBits;
    return bits;
  };
  // Every dictionary entry is a stretch of the output so far (LZW: an entry is the previous output piece plus the
  // first character of the next, which follows it in the output): kept as offset and length into one UTF-16 buffer
  // rather than as strings, whose concatenations made the largest links take 200 ms to read.
  let out = new Uint16Array(1024);
  let size = 0;
  const reserve = (more: number) => {
    if (size + more <= out.length) return;
    const grown = new Uint16Array(Math.max(2 * out.length, size + more));
    grown.set(out.subarray(0, size));
    out = grown;
  };
  const offsets: number[] = [0, 0, 0];
  const lengths: number[] = [0, 0, 0];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const first = read(2);
  if (first === 2) return '';
  reserve(1);
  out[size++] = read(first === 0 ? 8 : 16);
  offsets[3] = 0;
  lengths[3] = 1;
  // the previous piece of output (lz-string's w)
  let wOffset = 0;
  let wLength = 1;
  for (;;) {
    // lz-string's end test: it has moved to character 1 + consumed / 6 (it loads the next one as a character ends)
    if (1 + Math.floor(consumed / 6) > data.length) return '';
    let c = read(numBits);
    let literal = -1;
    if (c === 0 || c === 1) {
      literal = read(c === 0 ? 8 : 16);
      c = dictSize++;
      enlargeIn--;
    } else if (c === 2) {
      return utf16Text(out, size);
    }
    if (enlargeIn === 0) {
      enlargeIn = 1 << numBits;
      numBits++;
    }
    const entryOffset = size;
    let entryLength: number;
    if (literal >= 0) {
      // a new one-character entry, written where it is output
      if (size + 1 > maxChars) return null;
      reserve(1);
      out[size++] = literal;
      entryLength = 1;
      offsets[c] = entryOffset;
      lengths[c] = 1;
    } else if (c < dictSize) {
      entryLength = lengths[c];
      if (size + entryLength > maxChars) return null;
      reserve(entryLength);
      for (let k = 0, from = offsets[c]; k < entryLength; k++) out[size + k] = out[from + k];
      size += entryLength;
    } else if (c === dictSize) {
      // the entry being defined: w and w's first character
      entryLength = wLength + 1;
      if (size + entryLength > maxChars) return null;
      reserve(entryLength);
      for (let k = 0; k < wLength; k++) out[size + k] = out[wOffset + k];
      out[size + wLength] = out[wOffset];
      size += entryLength;
    } else return '';
    // w + the entry's first character: w's stretch and the character after it, the entry's first
    offsets[dictSize] = wOffset;
    lengths[dictSize] = wLength + 1;
    dictSize++;
    enlargeIn--;
    wOffset = entryOffset;
    wLength = entryLength;
    if (enlargeIn === 0) {
      enlargeIn = 1 << numBits;
      numBits++;
    }
  }
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * The first `size` UTF-16 code units of a buffer as a string: by the platform's decoder when no unit is a surrogate
 * (it would replace a lone one, which a garbled stream can hold), else in pieces of String.fromCharCode.
 */
function utf16Text(units: Uint16Array, size: number): string {
  const text = units.subarray(0, size);
  let surrogates = false;
  for (let i = 0; i < size && !surrogates; i++) surrogates = (text[i] & 0xf800) === 0xd800;
  if (!surrogates) return UTF16.decode(text);
  const pieces: string[] = [];
  for (let i = 0; i < size; i += 8192) pieces.push(String.fromCharCode(...units.subarray(i, Math.min(size, i + 8192))));
  return pieces.join('');
}
