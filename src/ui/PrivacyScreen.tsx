import { createUniqueId, onMount, Show, type JSX } from 'solid-js'
import type { Rec } from '../domain/types'
import { SeatPicker } from './SeatPicker'
import './seats.css'

export interface PrivacyScreenProps {
  /** What the room should do now, e.g. "Pass the tablet on". */
  title: string
  /** A public word about what just happened, e.g. "Ana's cards are sealed." */
  message?: JSX.Element
  /** The question above the seats; "Who is holding the tablet?" unless told. */
  pickTitle?: string
  participants: readonly Rec<'participant'>[]
  onPick: (participantId: string) => void
  detail?: (participantId: string) => string | undefined
}

/**
 * What stands between two people on one tablet. Whatever was private is not hidden behind
 * this screen but gone from the page: the screen that uses it renders nothing private while
 * it shows. Focus lands on the title, so a keyboard or screen reader starts here too.
 */
export function PrivacyScreen(props: PrivacyScreenProps) {
  const titleId = createUniqueId()
  let heading: HTMLHeadingElement | undefined
  onMount(() => heading?.focus())
  return (
    <section class="privacy-screen" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1} class="privacy-title">
        {props.title}
      </h3>
      <Show when={props.message}>
        <div class="privacy-message">{props.message}</div>
      </Show>
      <SeatPicker
        title={props.pickTitle ?? 'Who is holding the tablet?'}
        level={4}
        participants={props.participants}
        onPick={props.onPick}
        detail={props.detail}
      />
    </section>
  )
}
