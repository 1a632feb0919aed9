import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show } from 'solid-js'
import {
  formatRemaining,
  isRunning,
  remainingMs,
  timeboxMs,
  timerOfPhase,
  type TimeboxedPhase,
  type TimerControl,
} from '../domain/timer'
import type { Rec } from '../domain/types'
import { pressTimer } from '../store/commands/timer'
import { useCommand } from '../store/context'
import { keepScreenAwake, readyScreenAwake } from './wake'
import './timer.css'

interface TimerProps {
  workshop: Rec<'workshop'>
  phase: TimeboxedPhase
  /** 'small' sits in the workshop bar; 'large' is read across the room in present mode. */
  size?: 'small' | 'large'
}

/**
 * The time-box of a phase, stored in the workshop so a reload (or another tablet after a
 * handoff) shows the same clock. When it runs out it chimes and says so, and that is all:
 * nothing is closed, sealed or thrown away, so people finish the card they are writing.
 */
export function Timer(props: TimerProps) {
  const press = useCommand(pressTimer)
  const durationMs = () => timeboxMs(props.workshop.fields.timeboxes, props.phase)
  const timer = () => timerOfPhase(props.workshop.fields.timer, props.phase, durationMs())
  const running = () => isRunning(timer())
  const [now, setNow] = createSignal(Date.now())
  const remaining = createMemo(() => remainingMs(timer(), now()))
  const expired = createMemo(() => remaining() <= 0)

  // Tick only while there is time to count down: a paused or finished clock costs nothing.
  createEffect(() => {
    if (!running() || expired()) return
    setNow(Date.now())
    const handle = setInterval(() => setNow(Date.now()), 250)
    onCleanup(() => clearInterval(handle))
  })

  // A tablet that dims mid time-box hides the clock the room is watching.
  createEffect(() => {
    if (running() && !expired()) onCleanup(keepScreenAwake())
  })

  // Chime on the moment it runs out while someone watches, not when a page opens on a finished clock.
  createEffect(
    on(expired, (isUp, wasUp) => {
      if (isUp && wasUp === false && running()) playChime()
    }),
  )

  // Making an audio context can take a noticeable moment: do it while nobody waits, so that a
  // press of Start only has to resume it (which a touch still must, for Safari).
  onMount(() => {
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback
    if (idle) idle(() => void audioContext())
    else setTimeout(() => void audioContext(), 500)
  })

  const act = (control: TimerControl) => {
    // Safari lets a page make sound only after a touch, so the press readies the chime.
    if (control === 'start') {
      readyAudio()
      // The clock starts once stored; the screen is kept on from then, so ready that within this tap.
      readyScreenAwake()
    }
    setNow(Date.now())
    void press(props.workshop.id, props.phase, control, Date.now())
  }

  const minutes = () => Math.round(timer().durationMs / 60_000)

  return (
    <section
      class="timer"
      classList={{
        'timer-up': expired(),
        'timer-running': running() && !expired(),
        'timer-small': props.size === 'small',
        'timer-large': props.size === 'large',
      }}
      aria-label="Time-box"
    >
      <div class="timer-face">
        <span class="timer-caption" classList={{ 'visually-hidden': props.size === 'small' }}>
          Time-box · {minutes()} min
        </span>
        <span class="timer-digits" role="timer" aria-label="Time left">
          {formatRemaining(remaining())}
        </span>
      </div>
      <p class="timer-status" role="status">
        <Show when={expired()}>
          <strong>Time is up</strong>
          <span classList={{ 'visually-hidden': props.size === 'small' }}> Nothing is lost: finish what you are writing.</span>
        </Show>
      </p>
      <div class="timer-controls">
        <Show
          when={running() && !expired()}
          fallback={
            <button type="button" class="button primary" disabled={expired()} onClick={() => act('start')}>
              Start
            </button>
          }
        >
          <button type="button" class="button" onClick={() => act('pause')}>
            Pause
          </button>
        </Show>
        <button type="button" class="button" onClick={() => act('add-minute')}>
          {props.size === 'small' ? '+1 min' : '+1 minute'}
        </button>
        <button type="button" class="button" onClick={() => act('reset')}>
          Reset
        </button>
      </div>
    </section>
  )
}

type AudioContextClass = typeof AudioContext

/** The page's one audio context; browsers without WebAudio (or a test DOM) get none, and no sound. */
let audio: AudioContext | undefined

function audioContext(): AudioContext | undefined {
  if (audio) return audio
  const scope = globalThis as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }
  const Context = scope.AudioContext ?? scope.webkitAudioContext
  if (!Context) return undefined
  try {
    audio = new Context()
  } catch {
    return undefined
  }
  return audio
}

function readyAudio() {
  void audioContext()
    ?.resume?.()
    .catch(() => undefined)
}

/** Three short tones made on the spot: no audio file to bundle or fetch. */
function playChime() {
  const context = audioContext()
  if (!context) return
  try {
    void context.resume?.().catch(() => undefined)
    const start = context.currentTime + 0.05
    ;[880, 880, 1175].forEach((frequency, index) => {
      const at = start + index * 0.35
      const tone = context.createOscillator()
      const volume = context.createGain()
      tone.type = 'sine'
      tone.frequency.value = frequency
      volume.gain.setValueAtTime(0.0001, at)
      volume.gain.exponentialRampToValueAtTime(0.35, at + 0.02)
      volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.3)
      tone.connect(volume)
      volume.connect(context.destination)
      tone.start(at)
      tone.stop(at + 0.32)
    })
  } catch {
    // A tablet that cannot play the chime still shows "Time is up".
  }
}
