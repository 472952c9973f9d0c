/**
 * Chime SDK Messaging ARNs (AWS Service Authorization Reference, service prefix `chime`): a channel
 * is "arn:aws:chime:region:aws_account_id:app-instance/app_instance_id/channel/channel_id", under
 * its app instance. The channel id is the `ChannelId` a CreateChannel request gives (identity
 * route), or a UUID.
 */

export interface ChannelArnParts {
  readonly appInstanceArn: string;
  readonly region: string;
  readonly channelId: string;
}

const CHANNEL_ARN = /^(arn:aws:chime:([a-z0-9-]+):\d{12}:app-instance\/[0-9a-f-]{36})\/channel\/([^/]+)$/;

export function channelArn(appInstanceArn: string, channelId: string): string {
  return `${appInstanceArn}/channel/${channelId}`;
}

/** The parts of a channel ARN, or `undefined` when the value is another kind of ARN. */
export function parseChannelArn(arn: string): ChannelArnParts | undefined {
  const match = CHANNEL_ARN.exec(arn);
  if (!match) return undefined;
  return { appInstanceArn: match[1]!, region: match[2]!, channelId: match[3]! };
}
