import { batch, createSignal, Show } from 'solid-js'
import { saveFile, sharesFiles, type Saved } from '../exchange/file'

const COULD_NOT_MAKE = 'The file could not be made. Nothing was saved.'

/** What became of a file, or why there was none to send (in a whole sentence). */
export type FileOut = Saved | { readonly outcome: 'problem'; readonly reason: string }

export interface SaveFileButtonProps {
  /** The button's words where the file leaves through the share sheet, and where it is downloaded. */
  label: { readonly share: string; readonly save: string }
  /** A name and type like the file's, to ask the browser beforehand whether it would share it. */
  like: { readonly name: string; readonly type: string }
  /**
   * The file. Given at once, it is shared straight from the tap; made after the tap (a promise), it
   * may need a second tap on "Share <name>" where the share sheet wants a fresh one. A string says
   * why there is no file.
   */
  prepare: () => File | string | Promise<File | string>
  onDone: (out: FileOut, name: string) => void
  primary?: boolean
  disabled?: boolean
}

/**
 * The one button for every file out of the app: it says what it does on this tablet ("Share …"
 * or "Download …"), makes the file and hands it to `saveFile`. An iPad needs the share sheet
 * opened from a tap, so when the file took too long to make, the button turns into
 * "Share <name>", which opens the sheet from its own tap: at most two taps in one place.
 */
export function SaveFileButton(props: SaveFileButtonProps) {
  const [busy, setBusy] = createSignal(false)
  const [ready, setReady] = createSignal<File | null>(null)
  const shares = () => sharesFiles(props.like.name, props.like.type)

  /** Ends a tap: the button is free again as the screen says what happened, in one step. */
  function done(out: FileOut, name: string, file: File | null = null) {
    batch(() => {
      setBusy(false)
      setReady(out.outcome === 'needs-tap' ? file : null)
      props.onDone(out, name)
    })
  }
  const problem = (reason: string) => done({ outcome: 'problem', reason }, '')

  async function send(file: File, when: 'on-tap' | 'after-wait') {
    done(await saveFile(file, file.name, when), file.name, file)
  }

  function onTap() {
    const waiting = ready()
    setBusy(true)
    if (waiting) return void send(waiting, 'on-tap')
    let made: ReturnType<SaveFileButtonProps['prepare']>
    try {
      made = props.prepare()
    } catch {
      return problem(COULD_NOT_MAKE)
    }
    if (!(made instanceof Promise)) return typeof made === 'string' ? problem(made) : void send(made, 'on-tap')
    made.then(
      file => (typeof file === 'string' ? problem(file) : send(file, 'after-wait')),
      () => problem(COULD_NOT_MAKE),
    )
  }

  return (
    <button
      type="button"
      class={props.primary || ready() ? 'button primary' : 'button'}
      disabled={props.disabled || busy()}
      aria-busy={busy() || undefined}
      onClick={onTap}
    >
      <Show when={ready()} fallback={shares() ? props.label.share : props.label.save}>
        {file => `Share ${file().name}`}
      </Show>
    </button>
  )
}

/** What happened to the file, in the room's words; `next` (what to do with it) follows only when it left the tablet. */
export function savedWords(out: FileOut, name: string, next = ''): string {
  const then = next ? ` ${next}` : ''
  switch (out.outcome) {
    case 'shared':
      return `Sent ${name} through the share sheet.${then}`
    case 'saved':
      return `Saved ${name} to this tablet’s downloads.${then}`
    case 'cancelled':
      return 'Nothing was sent: the share sheet was closed.'
    case 'needs-tap':
      return `Ready: tap “Share ${name}” to send it.`
    case 'failed':
    case 'problem':
      return out.reason
  }
}
