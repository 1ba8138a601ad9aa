/** Saves text as a file download (a Blob URL clicked through a temporary link). */
export function downloadText(name: string, text: string, type = 'text/plain'): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** Saves a blob (e.g. a PNG) as a file download. */
export function downloadBlob(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** Saves data as pretty-printed JSON. */
export function downloadJson(name: string, data: unknown): void {
  downloadText(name, JSON.stringify(data, null, 2), 'application/json');
}
