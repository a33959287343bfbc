/** Saves JSON `text` as a file named `fileName` through a temporary link (the browser's own download). */
export function downloadJson(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has surely started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
