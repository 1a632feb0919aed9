import { vi } from 'vitest'

/**
 * A tablet whose browser shares files (an iPad, an Android tablet): `canShare` says which files it
 * takes, `share` answers as the test says (resolves, or rejects with a DOMException's name).
 * Returns the `share` spy; `restore` puts the browser back as it was (no Web Share in jsdom).
 */
export function stubShareSheet(options: { takes?: (file: File) => boolean; answers?: (string | null)[] } = {}) {
  const answers = [...(options.answers ?? [])]
  const share = vi.fn((_data: ShareData): Promise<void> => {
    const answer = answers.shift() ?? null
    return answer === null ? Promise.resolve() : Promise.reject(new DOMException('refused', answer))
  })
  const canShare = vi.fn((data?: ShareData) => (data?.files ?? []).every(file => options.takes?.(file) ?? true))
  Object.assign(navigator, { share, canShare })
  return share
}

export function restoreShareSheet() {
  Object.assign(navigator, { share: undefined, canShare: undefined })
}

/** The browser's download, caught: each file handed to an `<a download>`, by name. */
export function catchDownloads() {
  const files: { name: string; blob: Blob }[] = []
  const blobs = new Map<string, Blob>()
  let next = 0
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      const url = `blob:download-${next++}`
      blobs.set(url, blob)
      return url
    }),
    revokeObjectURL: vi.fn(),
  })
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! })
  })
  return files
}
