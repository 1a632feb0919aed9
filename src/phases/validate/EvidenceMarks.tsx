import { createUniqueId } from 'solid-js'
import { EVIDENCE_LABELS, IMPORTANCE_LABELS } from '../../domain/evidence'
import { EVIDENCE_LEVELS, IMPORTANCE_LEVELS, type Rec } from '../../domain/types'
import { useActions } from '../../store/context'
import { Segmented } from './Segmented'

/**
 * How much evidence the room already has for one hypothesis, and how much it matters to the
 * objective: the two marks the inventory's "learn the most" order is made from.
 */
export function EvidenceMarks(props: { hypothesis: Rec<'hypothesis'>; label: string }) {
  const actions = useActions()
  const whichId = createUniqueId()
  const save = (patch: Partial<Rec<'hypothesis'>['fields']>) =>
    void actions.updateRecord(props.hypothesis.id, 'hypothesis', patch)
  return (
    <div class="evidence-marks">
      <p id={whichId} class="evidence-which">
        <span class="evidence-label">{props.label}</span> {props.hypothesis.fields.text || '(empty hypothesis)'}
      </p>
      <div class="evidence-choices">
        <Segmented
          legend={`Evidence we already have for ${props.label}`}
          options={EVIDENCE_LEVELS}
          labels={EVIDENCE_LABELS}
          value={props.hypothesis.fields.evidence}
          describedBy={whichId}
          onChange={evidence => save({ evidence })}
        />
        <Segmented
          legend={`Importance of ${props.label} to the objective`}
          options={IMPORTANCE_LEVELS}
          labels={IMPORTANCE_LABELS}
          value={props.hypothesis.fields.importance}
          describedBy={whichId}
          onChange={importance => save({ importance })}
        />
      </div>
    </div>
  )
}
