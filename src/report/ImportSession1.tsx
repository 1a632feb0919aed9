import { createSignal, For, Show } from 'solid-js'
import { useCommand } from '../store/context'
import { importSession1, ImportRefused } from '../store/commands/report'
import { Dialog } from '../ui/Dialog'
import { problemText, SESSION1_CSV_EXAMPLE, type Session1Plan } from './plan'
import './import.css'

type State =
  | { step: 'closed' }
  | { step: 'choose'; problem: string | null }
  | { step: 'preview'; plan: Session1Plan; read: string[] }

/**
 * Brings Session #1's objectives, key results and hypotheses in from its files: into a new
 * workshop (from the home screen) or into the workshop being prepared. The files are read and
 * shown first; nothing is written until the person confirms, and a bad file writes nothing.
 */
export function ImportSession1(props: {
  label: string
  /** Into this workshop; a new one when left out. */
  workshopId?: string
  onImported?: (workshopId: string) => void
}) {
  const run = useCommand(importSession1)
  const [state, setState] = createSignal<State>({ step: 'closed' })
  const [title, setTitle] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  const [done, setDone] = createSignal('')
  let input: HTMLInputElement | undefined

  async function onFiles(list: FileList | null | undefined) {
    const files = [...(list ?? [])]
    if (input) input.value = ''
    if (files.length === 0) return
    const [{ readSession1Files }, { fileTooLargeMessage, MAX_OPENED_FILE_BYTES }] = await Promise.all([
      import('./import'),
      import('./unzip'),
    ])
    const large = files.find(file => file.size > MAX_OPENED_FILE_BYTES)
    if (large) return setState({ step: 'choose', problem: fileTooLargeMessage(large.name) })
    const result = readSession1Files(
      await Promise.all(files.map(async file => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))),
    )
    if (!result.ok) return setState({ step: 'choose', problem: `${problemText(result.problem)} Nothing was imported.` })
    setTitle(result.plan.title ? `${result.plan.title} — Session #2` : 'Session #2')
    setState({ step: 'preview', plan: result.plan, read: result.read })
  }

  async function confirm(plan: Session1Plan) {
    setBusy(true)
    try {
      const id = await run(plan, props.workshopId ? { workshopId: props.workshopId } : { title: title() })
      const count = plan.objectives.length
      setDone(`Imported ${plural(count, 'objective')} from Session #1.`)
      setState({ step: 'closed' })
      props.onImported?.(id)
    } catch (error) {
      setState({
        step: 'choose',
        problem: error instanceof ImportRefused ? `${error.message} Nothing was imported.` : 'The files could not be imported, so nothing was changed.',
      })
    } finally {
      setBusy(false)
    }
  }

  const close = () => setState({ step: 'closed' })
  const counts = (plan: Session1Plan) => {
    const krs = plan.objectives.reduce((n, o) => n + o.keyResults.length, 0)
    const hs = plan.objectives.reduce((n, o) => n + o.hypotheses.length, 0)
    return `${plural(plan.objectives.length, 'objective')}, ${plural(krs, 'key result')}, ${plural(hs, 'hypothesis', 'hypotheses')}`
  }

  return (
    <>
      <button type="button" class="button" onClick={() => setState({ step: 'choose', problem: null })}>
        {props.label}
      </button>
      <Show when={done()}>
        <p class="muted" role="status">
          {done()}
        </p>
      </Show>
      <Show when={state().step === 'choose' && (state() as Extract<State, { step: 'choose' }>)}>
        {choose => (
          <Dialog title={props.label} onClose={close}>
            <div class="dialog-body import-help">
              <p>
                Choose Session #1’s <strong>objectives.md</strong> and <strong>hypotheses.md</strong> (as this app
                exports them), a <strong>.csv</strong>, or a Session #2 folder <strong>.zip</strong> to prepare the
                next workshop from it.
              </p>
              {/* First, so it is seen without scrolling past the help. */}
              <Show when={choose().problem}>
                {problem => (
                  <p class="error" role="alert">
                    {problem()}
                  </p>
                )}
              </Show>
              <details>
                <summary>What the files look like</summary>
                <p>objectives.md: an objective per “## ” heading, its key results as “- KR1: …” lines.</p>
                <pre>{'## Build trust through match experiences\n- KR1: Match rating submissions up 30%'}</pre>
                <p>hypotheses.md: the objective’s “## ” heading, then “- H1: …” and the key results it aims at.</p>
                <pre>{'## Build trust through match experiences\n- H1: If we make feedback easier, …\n  - Key results: KR1'}</pre>
                <p>
                  CSV, with this header; key results are numbered in the order listed under their objective:
                </p>
                <pre>{SESSION1_CSV_EXAMPLE}</pre>
              </details>
            </div>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={close}>
                Cancel
              </button>
              <button type="button" class="button primary" onClick={() => input?.click()}>
                Choose files
              </button>
            </div>
          </Dialog>
        )}
      </Show>
      <Show when={state().step === 'preview' && (state() as Extract<State, { step: 'preview' }>)}>
        {preview => (
          <Dialog title="Session #1 files" onClose={close}>
            <div class="dialog-body">
              <p>
                Read {preview().read.join(', ')}: {counts(preview().plan)}.
              </p>
              <ul class="import-preview" aria-label="Objectives to import">
                <For each={preview().plan.objectives}>
                  {objective => (
                    <li>
                      <strong>{objective.title}</strong> — {plural(objective.keyResults.length, 'key result')},{' '}
                      {plural(objective.hypotheses.length, 'hypothesis', 'hypotheses')}
                    </li>
                  )}
                </For>
              </ul>
              <Show when={!props.workshopId}>
                <div class="field">
                  <label for="import-title">Title of the new workshop</label>
                  <input id="import-title" value={title()} maxLength={200} onInput={e => setTitle(e.currentTarget.value)} />
                </div>
              </Show>
            </div>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={close}>
                Cancel
              </button>
              <button
                type="button"
                class="button primary"
                disabled={busy() || (!props.workshopId && !title().trim())}
                onClick={() => void confirm(preview().plan)}
              >
                {props.workshopId ? 'Import into this workshop' : 'Create workshop'}
              </button>
            </div>
          </Dialog>
        )}
      </Show>
      <input
        ref={input}
        type="file"
        multiple
        accept=".md,.markdown,.txt,.csv,.zip,text/markdown,text/csv,application/zip"
        class="visually-hidden"
        tabIndex={-1}
        aria-label="Choose Session #1 files"
        // Opened by the visible button beside it: out of the accessibility tree, so it is not a second one.
        aria-hidden="true"
        onChange={event => void onFiles(event.currentTarget.files)}
      />
    </>
  )
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
