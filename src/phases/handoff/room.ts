import { createMemo, createSignal, onCleanup, onMount, type Accessor } from 'solid-js'
import type { Shared } from '../../exchange/handoff'

/** The largest code the screen has room for beside (landscape) or above (portrait) the controls. */
export function qrRoom(): number {
  const width = window.innerWidth || 1024
  const height = window.innerHeight || 768
  return width > height ? Math.min(width - 380, height - 110) : Math.min(width - 40, height - 420)
}

/** `share` of the code's room, kept up to date as the tablet turns: for a screen that shows a code. */
export function createQrRoom(share = 1): Accessor<number> {
  const measure = () => Math.round(qrRoom() * share)
  const [room, setRoom] = createSignal(measure())
  const onResize = () => setRoom(measure())
  onMount(() => window.addEventListener('resize', onResize))
  onCleanup(() => window.removeEventListener('resize', onResize))
  return room
}

/** What a share gave, as the code to show, or else the problem to say (empty while there is none). */
export function shownOrProblem(shared: Accessor<Shared | { readonly problem: string } | undefined>) {
  const shown = createMemo(() => {
    const current = shared()
    return current && 'transfer' in current ? current : undefined
  })
  const problem = () => {
    const current = shared()
    return current && 'problem' in current ? current.problem : ''
  }
  return { shown, problem }
}
