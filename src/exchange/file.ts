/**
 * Every file that leaves the app goes out here: through the share sheet where the browser can
 * share files (iPad, Android), through a download elsewhere. An iPad home-screen app ignores
 * `<a download>`, so there the share sheet is the only way out; and the sheet opens only
 * straight from a tap, so `saveFile` calls it before its first await.
 */

/** What became of a file. */
export type Saved =
  | { readonly outcome: 'shared' }
  | { readonly outcome: 'saved' }
  /** The person closed the share sheet: nothing left the tablet. */
  | { readonly outcome: 'cancelled' }
  /** The share sheet wants a tap of its own: the bytes took too long to make. Call again from a tap. */
  | { readonly outcome: 'needs-tap' }
  /** `reason`: a whole sentence for the person. */
  | { readonly outcome: 'failed'; readonly reason: string }

/**
 * 'on-tap': called in the tap's own handler, before any await; a share sheet refused then is
 * refused for good, and the file is downloaded instead. 'after-wait': the bytes were made after
 * the tap; a refused share sheet asks for another tap.
 */
export type SaveMoment = 'on-tap' | 'after-wait'

/** Whether a file of this name and type would leave through the share sheet here. */
export function sharesFiles(name: string, type: string): boolean {
  return canShareFile(new File([], name, { type }))
}

function canShareFile(file: File): boolean {
  const nav = globalThis.navigator as Navigator | undefined
  if (typeof nav?.share !== 'function' || typeof nav.canShare !== 'function') return false
  try {
    return nav.canShare({ files: [file] })
  } catch {
    return false
  }
}

/** Shares or downloads the file, and says which; never throws. */
export function saveFile(data: Blob, name: string, when: SaveMoment): Promise<Saved> {
  const file = data instanceof File && data.name === name ? data : new File([data], name, { type: data.type })
  if (!canShareFile(file)) return Promise.resolve(download(file))
  let sharing: Promise<void>
  try {
    // No await before this line: the share sheet needs the tap's user activation.
    sharing = navigator.share({ files: [file], title: name })
  } catch (error) {
    sharing = Promise.reject(error)
  }
  return sharing.then(
    (): Saved => ({ outcome: 'shared' }),
    (error: unknown): Saved => {
      const kind = error instanceof Error || error instanceof DOMException ? error.name : ''
      if (kind === 'AbortError') return { outcome: 'cancelled' }
      if (kind === 'NotAllowedError' && when === 'after-wait') return { outcome: 'needs-tap' }
      if (kind === 'InvalidStateError') return { outcome: 'failed', reason: 'A share sheet is already open: finish or close it, then try again. Nothing was sent.' }
      // Sharing refused for good here (a browser policy, a file it will not take): a download may still work.
      return download(file)
    },
  )
}

function download(file: File): Saved {
  try {
    downloadBlob(file.name, file)
    return { outcome: 'saved' }
  } catch {
    return { outcome: 'failed', reason: 'This browser could not save the file. Nothing was saved.' }
  }
}

/** Hands a file to the browser's download. */
function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A workshop's title as part of a file name: "Café “Q3”, Berlin" → "cafe-q3-berlin". */
export function fileSlug(title: string, most = 40): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, most)
      .replace(/-+$/, '') || 'workshop'
  )
}
