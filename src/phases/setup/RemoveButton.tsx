/**
 * "Remove", as a word where there is room and as a bin in portrait, where every row needs
 * its width for text. Its name for a screen reader always says what goes.
 */
export function RemoveButton(props: { name: string; onClick: () => void }) {
  return (
    <button type="button" class="button danger-quiet remove-button" aria-label={props.name} onClick={() => props.onClick()}>
      <svg class="remove-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path d="M9 3h6l1 2h4v2H4V5h4l1-2Zm-3 6h12l-1 12H7L6 9Zm4 2v8h1.6v-8H10Zm3.4 0v8H15v-8h-1.6Z" />
      </svg>
      <span class="remove-word">Remove</span>
    </button>
  )
}
