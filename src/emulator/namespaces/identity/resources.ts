import type { EmulatorState } from '../../state.js';
import { parseAppInstanceArn, parseMemberArn } from './arn.js';

/** Whether the app instance or user an ARN names exists; `undefined` for ARNs of other kinds. */
export function appInstanceResourceExists(state: EmulatorState, arn: string): boolean | undefined {
  if (parseAppInstanceArn(arn)) return state.identity.appInstance(arn) !== undefined;
  const member = parseMemberArn(arn);
  if (member?.kind === 'user') {
    return state.identity.appInstance(member.appInstanceArn)?.users.has(member.id) ?? false;
  }
  return undefined;
}
