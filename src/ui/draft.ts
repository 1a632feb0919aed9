import type { Accessor, Setter } from 'solid-js'

/**
 * Hands the text typed in an "add" field to a write. The field is emptied at once, not when
 * the write ends, so whatever the person types next while it runs is kept; should the write
 * fail, the text comes back unless something new was typed. Resolves to whether it was written.
 */
export async function commitDraft(
  draft: Accessor<string>,
  setDraft: Setter<string>,
  write: (text: string) => Promise<unknown>,
): Promise<boolean> {
  const text = draft().trim()
  if (!text) return false
  setDraft('')
  try {
    await write(text)
    return true
  } catch {
    if (!draft()) setDraft(text)
    return false
  }
}
