/**
 * Chime SDK Identity ARNs (AWS: "arn:aws:chime:region:aws_account_id:app-instance/app_instance_id",
 * users "<app instance ARN>/user/app_instance_user_id"). The app instance id is a UUID.
 */

export interface AppInstanceArnParts {
  readonly region: string;
  readonly accountId: string;
  readonly appInstanceId: string;
}

export interface AppInstanceUserArnParts extends AppInstanceArnParts {
  readonly appInstanceArn: string;
  readonly appInstanceUserId: string;
}

const APP_INSTANCE_ARN = /^arn:aws:chime:([a-z0-9-]+):(\d{12}):app-instance\/([0-9a-f-]{36})$/;
const APP_INSTANCE_USER_ARN =
  /^(arn:aws:chime:([a-z0-9-]+):(\d{12}):app-instance\/([0-9a-f-]{36}))\/user\/([^/]+)$/;

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

/** The parts of an app instance user ARN, or `undefined` when the value is another kind of ARN. */
export function parseAppInstanceUserArn(arn: string): AppInstanceUserArnParts | undefined {
  const match = APP_INSTANCE_USER_ARN.exec(arn);
  if (!match) return undefined;
  return {
    appInstanceArn: match[1]!,
    region: match[2]!,
    accountId: match[3]!,
    appInstanceId: match[4]!,
    appInstanceUserId: match[5]!,
  };
}
