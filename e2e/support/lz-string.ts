// lz-string ships as a UMD/CommonJS file whose named exports Node's native ESM cannot see, while the app
// (bundled by Vite) imports them by name. The end-to-end tests import the app's own link codec under
// plain Node, so e2e/tsconfig.json maps 'lz-string' here: the same library, re-exported by name.
import { createRequire } from 'node:module';

type LZ = typeof import('lz-string');
const lz = createRequire(import.meta.url)('lz-string/libs/lz-string.js') as LZ;

export const compressToEncodedURIComponent: LZ['compressToEncodedURIComponent'] = lz.compressToEncodedURIComponent;
export const decompressFromEncodedURIComponent: LZ['decompressFromEncodedURIComponent'] = lz.decompressFromEncodedURIComponent;
export const compress: LZ['compress'] = lz.compress;
export const decompress: LZ['decompress'] = lz.decompress;
export const compressToBase64: LZ['compressToBase64'] = lz.compressToBase64;
export const decompressFromBase64: LZ['decompressFromBase64'] = lz.decompressFromBase64;
export default lz;
