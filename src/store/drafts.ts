/**
 * The unfinished text of an "add" field, kept on this tablet so that a crash or a reload in
 * mid-sentence loses nothing. Kept synchronously (localStorage), so it is there even when the
 * page dies right after a keystroke; never replicated, for a draft is its writer's alone.
 */
const PREFIX = 'okra-harvest:draft:'

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

export function loadDraft(key: string): string {
  try {
    return storage()?.getItem(PREFIX + key) ?? ''
  } catch {
    return ''
  }
}

export function saveDraft(key: string, text: string): void {
  try {
    if (text) storage()?.setItem(PREFIX + key, text)
    else storage()?.removeItem(PREFIX + key)
  } catch {
    // A full or blocked storage leaves the draft on screen only, as a plain field would.
  }
}
