/**
 * Asks the browser to keep this origin's storage even when the tablet runs short of space.
 * Returns whether storage is persistent (false where the browser will not say).
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.persist) return false
  try {
    if (await storage.persisted?.()) return true
    return await storage.persist()
  } catch {
    return false
  }
}

/** Words for a person when a write to IndexedDB fails. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? ''
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'This tablet’s storage is full, so the last change was not saved. Free some space (or remove an old workshop), then try again.'
  }
  const message = error instanceof Error ? error.message : String(error)
  return `The last change could not be saved: ${message}`
}
