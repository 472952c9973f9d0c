/**
 * Chime SDK Identity ARNs (AWS: "arn:aws:chime:region:aws_account_id:app-instance/app_instance_id",
 * users ".../user/app_instance_user_id", bots ".../bot/app_instance_bot_id"). The app instance id
 * is a UUID.
 */

export interface AppInstanceArnParts {
  readonly region: string;
  readonly accountId: string;
  readonly appInstanceId: string;
}

export interface AppInstanceMemberArnParts extends AppInstanceArnParts {
  readonly appInstanceArn: string;
  /** `user` or `bot`. */
  readonly kind: 'user' | 'bot';
  readonly id: string;
}

const APP_INSTANCE_ARN = /^arn:aws:chime:([a-z0-9-]+):(\d{12}):app-instance\/([0-9a-f-]{36})$/;
const MEMBER_ARN =
  /^(arn:aws:chime:([a-z0-9-]+):(\d{12}):app-instance\/([0-9a-f-]{36}))\/(user|bot)\/([^/]+)$/;

export function appInstanceArn(region: string, accountId: string, appInstanceId: string): string {
  return `arn:aws:chime:${region}:${accountId}:app-instance/${appInstanceId}`;
}

export function appInstanceUserArn(appInstanceArnValue: string, appInstanceUserId: string): string {
  return `${appInstanceArnValue}/user/${appInstanceUserId}`;
}

/** The parts of an app instance ARN, or `undefined` when the value is another kind of ARN. */
export function parseAppInstanceArn(arn: string): AppInstanceArnParts | undefined {
  const match = APP_INSTANCE_ARN.exec(arn);
  if (!match) return undefined;
  return { region: match[1]!, accountId: match[2]!, appInstanceId: match[3]! };
}

/** The parts of an app instance user or bot ARN, or `undefined` when the value is another kind of ARN. */
export function parseMemberArn(arn: string): AppInstanceMemberArnParts | undefined {
  const match = MEMBER_ARN.exec(arn);
  if (!match) return undefined;
  return {
    appInstanceArn: match[1]!,
    region: match[2]!,
    accountId: match[3]!,
    appInstanceId: match[4]!,
    kind: match[5] as 'user' | 'bot',
    id: match[6]!,
  };
}

/** The parts of an app instance user ARN, or `undefined` when the value is another kind of ARN. */
export function parseAppInstanceUserArn(
  arn: string,
):
  | (AppInstanceArnParts & { readonly appInstanceArn: string; readonly appInstanceUserId: string })
  | undefined {
  const parts = parseMemberArn(arn);
  if (parts?.kind !== 'user') return undefined;
  return { ...parts, appInstanceUserId: parts.id };
}
