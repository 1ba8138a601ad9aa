/**
 * lz-string's decompressFromEncodedURIComponent with a cap on the output: the package's decoder has no limit, and a
 * 74 KB link can inflate to 500 MB before anything can be checked (a decompression bomb). This is the same
 * algorithm (lz-string 1.5, MIT: a variable-width LZW stream of 6-bit URI-safe characters), written here only to
 * stop as soon as the output would pass maxChars. Tests compare it with the package on random inputs.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((ch, i) => [ch, i]));

/** The decompressed text, '' for an empty or invalid stream (as lz-string), or null once it would exceed maxChars. */
export function decompressBounded(input: string, maxChars: number): string | null {
  if (input === '') return '';
  const data = input.replace(/ /g, '+');
  const reset = 32;
  let val = VALUE.get(data[0]) ?? 0;
  let position = reset;
  let index = 1;
  const read = (numBits: number): number => {
    let bits = 0;
    for (let power = 1, k = 0; k < numBits; k++, power *= 2) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = reset;
        val = VALUE.get(data[index++]) ?? 0;
      }
      if (resb > 0) bits += power;
    }
    return bits;
  };
  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const first = read(2);
  if (first === 2) return '';
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const result = [w];
  let total = w.length;
  for (;;) {
    if (index > data.length) return '';
    let c = read(numBits);
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(read(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    } else if (c === 2) {
      return result.join('');
    }
    if (enlargeIn === 0) {
      enlargeIn = 1 << numBits;
      numBits++;
    }
    let entry: string;
    if (dictionary[c] !== undefined) entry = dictionary[c];
    else if (c === dictSize) entry = w + w.charAt(0);
    else return '';
    total += entry.length;
    if (total > maxChars) return null;
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 1 << numBits;
      numBits++;
    }
  }
}
