import { chimeBearer, fillChimeBearer } from './chime-bearer.js';
import { sendWithContentReadBack } from './content-read-back.js';
import { renamedStreamingConfigurations } from './streaming-configurations.js';
import type { Translation } from './types.js';

// Chime SDK Messaging: what differs from the legacy messaging operations (docs/operations.md).
// DeleteAppInstanceStreamingConfigurations needs none: its row names the renamed counterpart, and
// neither its request nor its answer has a renamed member.

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const BatchCreateChannelMembership: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const CreateChannel: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const CreateChannelBan: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const CreateChannelMembership: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const CreateChannelModerator: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DeleteChannel: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DeleteChannelBan: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DeleteChannelMembership: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DeleteChannelMessage: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DeleteChannelModerator: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DescribeChannel: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DescribeChannelBan: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DescribeChannelMembership: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DescribeChannelMembershipForAppInstanceUser: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DescribeChannelModeratedByAppInstanceUser: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const DescribeChannelModerator: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const GetChannelMessage: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const ListChannelBans: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const ListChannelMemberships: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const ListChannelMembershipsForAppInstanceUser: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const ListChannelMessages: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const ListChannelModerators: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const ListChannels: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const ListChannelsModeratedByAppInstanceUser: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const RedactChannelMessage: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const SendChannelMessage: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const UpdateChannel: Translation = chimeBearer;

/**
 * `ChimeBearer` (required by the counterpart): from the input when given, else the `chimeBearer`
 * option, else a legacy `BadRequestException` naming `chimeBearer`, before any I/O.
 */
export const UpdateChannelReadMarker: Translation = chimeBearer;

/**
 * `ChimeBearer` as for every channel operation (input, else the `chimeBearer` option, else a
 * `BadRequestException` before any I/O). Without `Content` (which the counterpart requires), the
 * message is read first (`GetChannelMessage`, same bearer) and its content sent back unchanged:
 * "not given" keeps meaning "not changed". The event's `translation` says `content-read-back`. A
 * redacted message has no content to keep: a `BadRequestException` after the read, no update.
 */
// An object of function references, not a spread: bundlers drop it from programs that never call it.
export const UpdateChannelMessage: Translation = { prepare: fillChimeBearer, send: sendWithContentReadBack };

/**
 * Sent as `PutMessagingStreamingConfigurations`, the request's `AppInstanceStreamingConfigurations`
 * as `StreamingConfigurations` (items' `AppInstanceDataType` as `DataType`), and the answer renamed back.
 */
export const PutAppInstanceStreamingConfigurations: Translation = renamedStreamingConfigurations;

/**
 * Sent as `GetMessagingStreamingConfigurations`; the answer's `StreamingConfigurations` (items'
 * `DataType`) come back as `AppInstanceStreamingConfigurations` (`AppInstanceDataType`).
 */
export const GetAppInstanceStreamingConfigurations: Translation = renamedStreamingConfigurations;
