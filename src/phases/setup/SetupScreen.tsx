import { createSignal, For, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { backupFileName } from '../../exchange/backup'
import { useActions, useLive } from '../../store/context'
import { readOutline, readRoster } from '../../store/reads/setup'
import { ConfirmDialog } from '../../ui/Dialog'
import { savedWords, SaveFileButton } from '../../ui/SaveFileButton'
import { TextField } from '../../ui/TextField'
import { OpenBackup } from '../handoff/OpenBackup'
import { ImportSession1 } from '../../report/ImportSession1'
import type { Question } from './ask'
import { autoGrowFields } from '../../ui/autogrow'
import { HypothesesPanel } from './HypothesesPanel'
import { ObjectivesPanel } from './ObjectivesPanel'
import { ParticipantsPanel } from './ParticipantsPanel'
import { SettingsPanel } from './SettingsPanel'
import './setup.css'

const SECTIONS = [
  { id: 'setup-objectives', name: 'Objectives' },
  { id: 'setup-hypotheses', name: 'Hypotheses' },
  { id: 'setup-participants', name: 'Participants' },
  { id: 'setup-settings', name: 'Settings' },
  { id: 'setup-backup', name: 'Backup' },
] as const

const BACKUP_TYPE = 'application/json'

/**
 * Prepare: what the team brings from Session #1 (objectives, key results, hypotheses), who is
 * in the room and in which pair, and the workshop's settings. Every edit is saved as it is made.
 */
export function SetupScreen(props: { workshop: Rec<'workshop'> }) {
  const actions = useActions()
  const outline = useLive(
    () => props.workshop.id,
    (db, id) => readOutline(db, id),
  )
  const roster = useLive(
    () => props.workshop.id,
    (db, id) => readRoster(db, id),
  )
  const [question, ask] = createSignal<Question | null>(null)
  const [backupSaid, setBackupSaid] = createSignal('')
  let screenElement: HTMLElement | undefined
  const growFields = autoGrowFields(() => screenElement, outline)

  return (
    <section ref={screenElement} class="phase setup" aria-labelledby="setup-title" onInput={growFields}>
      <div class="phase-head">
        <h2 id="setup-title">Prepare</h2>
        <p class="phase-now">Session #1’s objectives and hypotheses, the people, the rules.</p>
      </div>

      <nav class="setup-jump" aria-label="Parts of Prepare" data-work-surface>
        <For each={SECTIONS}>
          {section => (
            <button
              type="button"
              class="button quiet"
              onClick={() => document.getElementById(section.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
            >
              {section.name}
            </button>
          )}
        </For>
      </nav>

      <div class="panel grid-2">
        <TextField
          label="Workshop title"
          value={props.workshop.fields.title}
          onInput={title => void actions.renameWorkshop(props.workshop.id, title)}
        />
        <TextField
          label="Date"
          type="date"
          value={props.workshop.fields.date}
          onInput={date => date && void actions.setWorkshopDate(props.workshop.id, date)}
        />
      </div>

      <ObjectivesPanel workshopId={props.workshop.id} objectives={outline()?.objectives ?? []} ask={ask} />
      <HypothesesPanel objectives={outline()?.objectives ?? []} untied={outline()?.untied ?? []} ask={ask} />
      <ParticipantsPanel workshopId={props.workshop.id} roster={roster() ?? []} ask={ask} />
      <SettingsPanel workshop={props.workshop} />

      <section class="panel setup-section" id="setup-backup" aria-labelledby="setup-backup-title">
        <h3 id="setup-backup-title">Backup</h3>
        <p class="muted">Save the whole workshop as a file, or merge a backup of this workshop from another tablet. The file holds the workshop’s key: keep it in the room.</p>
        <div class="toolbar">
          <SaveFileButton
            label={{ share: 'Share backup file', save: 'Save backup file' }}
            like={{ name: 'workshop.json', type: BACKUP_TYPE }}
            prepare={async () => new File([await actions.backupOf(props.workshop)], backupFileName(props.workshop), { type: BACKUP_TYPE })}
            onDone={(out, name) => setBackupSaid(savedWords(out, name))}
          />
          <OpenBackup label="Merge a backup file" workshop={props.workshop} />
          <ImportSession1 label="Import Session #1 files" workshopId={props.workshop.id} />
        </div>
        <Show when={backupSaid()}>
          <p class="muted" role="status">
            {backupSaid()}
          </p>
        </Show>
      </section>

      <Show when={question()}>
        {current => (
          <ConfirmDialog
            title={current().title}
            danger
            message={current().message()}
            confirmLabel={current().confirmLabel}
            onCancel={() => ask(null)}
            onConfirm={async () => {
              await current().run()
              ask(null)
            }}
          />
        )}
      </Show>
    </section>
  )
}
