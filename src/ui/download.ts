/** Saves text as a file download (a Blob URL clicked through a temporary link). */
export function downloadText(name: string, text: string, type = 'text/plain'): void {
  const blob = new Blob([text], { type });
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
