import type { JSX } from 'solid-js'

/** "Slower": sparser codes, fewer a second, for an old tablet or a poor camera; on or off at arm's length. */
export function SlowerControl(props: { slower: boolean; onToggle: (slower: boolean) => void; children?: JSX.Element }) {
  return (
    <div class="handoff-control">
      <button type="button" class="button" aria-pressed={props.slower} onClick={() => props.onToggle(!props.slower)}>
        Slower
      </button>
      {props.children}
    </div>
  )
}
