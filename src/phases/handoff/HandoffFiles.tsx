import { HANDOFF_FILE_TYPE } from '../../exchange/handoff-file'
import { SaveFileButton, type FileOut } from '../../ui/SaveFileButton'

/** "Share as file" / "Save as file": this tablet's sealed handoff, once it is made. */
export function SaveHandoffFile(props: { file: File | null; onDone: (out: FileOut, name: string) => void }) {
  return (
    <SaveFileButton
      label={{ share: 'Share as file', save: 'Save as file' }}
      like={{ name: 'workshop.handoff.harvest', type: HANDOFF_FILE_TYPE }}
      disabled={!props.file}
      prepare={() => props.file ?? 'This workshop could not be sealed as a file. Nothing was saved.'}
      onDone={(out, name) => props.onDone(out, name)}
    />
  )
}

/** "Open a file": picks a handoff file from the other tablet; the same file can be picked again. */
export function OpenHandoffFile(props: { disabled?: boolean; onFile: (file: File) => void }) {
  let input: HTMLInputElement | undefined
  return (
    <>
      <button type="button" class="button" disabled={props.disabled} onClick={() => input?.click()}>
        Open a file
      </button>
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        tabIndex={-1}
        aria-label="Open a file"
        // Opened by the visible button beside it: out of the accessibility tree, so it is not a second one.
        aria-hidden="true"
        onChange={event => {
          const file = event.currentTarget.files?.[0]
          event.currentTarget.value = ''
          if (file) props.onFile(file)
        }}
      />
    </>
  )
}
