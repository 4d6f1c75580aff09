/**
 * Saving a file from an extension page without the `downloads` permission: a Blob URL
 * behind an `<a download>` click. The URL is revoked on the next task, once the browser
 * has started the download.
 */
export function downloadText(doc: Document, fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
