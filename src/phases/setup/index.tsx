import type { PhaseProps } from '../types'
import { SetupScreen } from './SetupScreen'

export default function Setup(props: PhaseProps) {
  return <SetupScreen workshop={props.workshop} />
}
