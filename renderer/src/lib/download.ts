/**
 * Saves text as a file the way a browser saves a download: a Blob behind an object URL and
 * an `<a download>`. Nothing is navigated to; the URL is revoked once the click is handled.
 */
export function saveText(text: string, filename: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A file name's extension for a body's content type. */
export function extensionFor(contentType: string | undefined, language: 'json' | 'xml' | 'text'): string {
  if (language === 'json') return 'json'
  if (language === 'xml') return 'xml'
  if ((contentType ?? '').includes('html')) return 'html.txt'
  return 'txt'
}
