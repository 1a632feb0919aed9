/**
 * One four-digit seat PIN box: hidden as it is typed, the number pad on a tablet, marked
 * invalid while `problem` says why (the element `problemId` holds those words).
 */
export function PinField(props: {
  id: string
  label: string
  value: string
  problem: string
  problemId: string
  ref?: (input: HTMLInputElement) => void
  onInput: (value: string) => void
}) {
  return (
    <div class="field pin-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={input => props.ref?.(input)}
        type="password"
        inputMode="numeric"
        autocomplete="off"
        maxLength={4}
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problemId}
        onInput={event => props.onInput(event.currentTarget.value)}
      />
    </div>
  )
}
