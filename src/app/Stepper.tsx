import { For, Show } from 'solid-js'
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

/**
 * What a step shows when it is not the current one, so all eight fit a 768 px bar. Each is a
 * word of the full name, so the name a screen reader or voice control hears holds what is seen.
 */
const SHORT_LABELS: Record<Phase, string> = {
  setup: 'Prepare',
  context: 'Context',
  mapping: 'Mapping',
  ideation: 'Ideation',
  cluster: 'Cluster',
  validate: 'Validation',
  vote: 'Prioritize',
  inventory: 'Inventory',
}

/** The phases that have a screen; the rest are shown in their place, not yet to be opened. */
const READY_PHASES: ReadonlySet<Phase> = new Set(Object.keys(PHASE_SCREENS) as Phase[])

/** The steps of the workshop, all in sight. The facilitator may move to any step that has a screen. */
export function Stepper(props: { current: Phase; onSelect: (phase: Phase) => void }) {
  return (
    <nav class="stepper" aria-label="Workshop steps">
      <ol>
        <For each={PHASES}>
          {(phase, index) => (
            <li classList={{ 'step-current': props.current === phase }}>
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
                <Show
                  when={props.current !== phase && SHORT_LABELS[phase] !== PHASE_LABELS[phase]}
                  fallback={<span class="step-label">{PHASE_LABELS[phase]}</span>}
                >
                  <span class="step-label" aria-hidden="true">
                    {SHORT_LABELS[phase]}
                  </span>
                  <span class="visually-hidden">{PHASE_LABELS[phase]}</span>
                </Show>
              </button>
            </li>
          )}
        </For>
      </ol>
    </nav>
  )
}
