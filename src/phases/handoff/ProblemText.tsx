import { For, Show } from 'solid-js'
import './problem.css'

/**
 * A problem as the room reads it: the first line says what is wrong, the lines after it (a
 * blocked camera's steps on an iPad and on Android) are listed one under the other.
 */
export function ProblemText(props: { message: string }) {
  const lines = () => props.message.split('\n')
  return (
    <div class="problem" role="alert">
      <p class="error">{lines()[0]}</p>
      <Show when={lines().length > 1}>
        <ul class="problem-steps">
          <For each={lines().slice(1)}>{line => <li>{line}</li>}</For>
        </ul>
      </Show>
    </div>
  )
}
