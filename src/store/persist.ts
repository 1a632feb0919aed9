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

export interface StorageHealth {
  /** 'unknown' where the browser has no way to say (WebKitGTK has no `persisted`). */
  readonly persistence: 'persistent' | 'may be cleared' | 'unknown'
  /** Whether `persist()` can be asked for (from a tap, "Keep data on this tablet"). */
  readonly canAsk: boolean
  /** Bytes used and the browser's rough allowance, where it says. */
  readonly usage?: number
  readonly quota?: number
}

/** What the browser says of this origin's storage, for "This tablet". */
export async function storageHealth(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageHealth> {
  let persistence: StorageHealth['persistence'] = 'unknown'
  try {
    if (storage?.persisted) persistence = (await storage.persisted()) ? 'persistent' : 'may be cleared'
  } catch {
    persistence = 'unknown'
  }
  let estimate: StorageEstimate | undefined
  try {
    estimate = await storage?.estimate?.()
  } catch {
    estimate = undefined
  }
  return {
    persistence,
    canAsk: typeof storage?.persist === 'function',
    ...(estimate?.usage !== undefined ? { usage: estimate.usage } : {}),
    ...(estimate?.quota !== undefined ? { quota: estimate.quota } : {}),
  }
}

/** "2.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}
