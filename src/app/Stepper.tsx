import { createEffect, For } from 'solid-js'
import { PHASES, type Phase } from '../domain/types'
import { PHASE_SCREENS } from './phases'

export const PHASE_LABELS: Record<Phase, string> = {
  setup: 'Prepare',
  context: 'Context',
  mapping: 'Team mapping',
  ideation: 'Silent ideation',
  cluster: 'Read & cluster',
  validate: 'Validation',
  vote: 'Prioritize',
  inventory: 'Inventory',
}

/** The phases that have a screen; the rest are shown in their place, not yet to be opened. */
const READY_PHASES: ReadonlySet<Phase> = new Set(Object.keys(PHASE_SCREENS) as Phase[])

/** The steps of the workshop. The facilitator may move to any step that has a screen. */
export function Stepper(props: { current: Phase; onSelect: (phase: Phase) => void }) {
  let nav: HTMLElement | undefined
  // On a narrow screen the steps scroll sideways: keep the current one in sight.
  createEffect(() => {
    const current = props.current
    nav?.querySelector(`[data-phase="${current}"]`)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
  })
  return (
    <nav class="stepper" aria-label="Workshop steps" ref={nav}>
      <ol>
        <For each={PHASES}>
          {(phase, index) => (
            <li>
              <button
                type="button"
                class="step"
                data-phase={phase}
                aria-current={props.current === phase ? 'step' : undefined}
                disabled={!READY_PHASES.has(phase)}
                title={READY_PHASES.has(phase) ? undefined : 'Coming soon'}
                onClick={() => props.onSelect(phase)}
              >
                <span class="step-number" aria-hidden="true">
                  {index() + 1}
                </span>
                <span class="step-label">{PHASE_LABELS[phase]}</span>
              </button>
            </li>
          )}
        </For>
      </ol>
    </nav>
  )
}
