import { randomBytes, randomUUID } from 'node:crypto';
import { NamespaceStore } from '../store.js';
import type { Tag } from '../tags.js';
import { meetingsError } from './errors.js';

/**
 * Chime SDK Meetings's state (moto's `models`): meetings, their attendees and transcription
 * state. Handlers own the rules (idempotency, capabilities, limits); the store holds the data and
 * the size limits that keep memory bounded.
 */

/** The three media channels of an attendee, each `SendReceive`, `Send`, `Receive` or `None`. */
export interface Capabilities {
  readonly Audio: string;
  readonly Video: string;
  readonly Content: string;
}

export interface StoredAttendee {
  readonly attendeeId: string;
  readonly externalUserId: string;
  /** Sensitive (the models say so): never logged, only answered to the caller. */
  readonly joinToken: string;
  readonly capabilities: Capabilities;
  /** Creation order: the pagination cursor. */
  readonly seq: number;
}

/** `TranscriptionConfiguration`, as started: one of the two engines' settings. */
export type TranscriptionConfiguration = Readonly<Record<string, unknown>>;

export interface StoredTranscription {
  readonly configuration: TranscriptionConfiguration;
  /** Epoch milliseconds. */
  readonly started: number;
}

/** What a create request gives, kept to answer it back (`MeetingFeatures`, `TenantIds`, ...). */
export interface MeetingRequest {
  readonly ExternalMeetingId: string;
  readonly MediaRegion: string;
  readonly MeetingHostId?: string;
  readonly NotificationsConfiguration?: Readonly<Record<string, string>>;
  readonly MeetingFeatures?: MeetingFeatures;
  readonly PrimaryMeetingId?: string;
  readonly TenantIds?: readonly string[];
  readonly Tags?: readonly Tag[];
}

export interface MeetingFeatures {
  readonly Audio?: { readonly EchoReduction?: string };
  readonly Video?: { readonly MaxResolution?: string };
  readonly Content?: { readonly MaxResolution?: string };
  readonly Attendee?: { readonly MaxCount?: number };
}

export interface StoredMeeting {
  readonly meetingId: string;
  readonly arn: string;
  /** The control Region: the one the creating request was signed for; the meeting is served only there. */
  readonly region: string;
  readonly request: MeetingRequest;
  readonly mediaPlacement: Readonly<Record<string, string>>;
  readonly created: number;
  readonly seq: number;
  /** The ClientRequestToken that created it, and a fingerprint of that request, for replays. */
  readonly token: string;
  readonly fingerprint: string;
  /** Attendees by AttendeeId, in creation order (Map keeps insertion order). */
  readonly attendees: Map<string, StoredAttendee>;
  /** The same attendees by ExternalUserId, which the models call "an idempotency token". */
  readonly attendeesByExternalUserId: Map<string, StoredAttendee>;
  /** `undefined` until StartMeetingTranscription, and again after StopMeetingTranscription. */
  transcription: StoredTranscription | undefined;
}

/** Most meetings the store holds, all Regions together; beyond: `LimitExceededException`. */
export const MAX_MEETINGS = 10_000;
/** Most attendees of one meeting (the Chime SDK's 250; `MeetingFeatures.Attendee.MaxCount` may lower it). */
export const MAX_ATTENDEES = 250;
/** Most tags per meeting: the meetings model's `TagList` maximum. */
export const MAX_TAGS = 50;

export class MeetingsStore extends NamespaceStore {
  /** By MeetingId (a UUID, unique across Regions). */
  readonly #meetings = new Map<string, StoredMeeting>();
  /** By `<region> <ClientRequestToken>`. */
  readonly #byToken = new Map<string, StoredMeeting>();

  /** The meeting with this id in this control Region, or `undefined`. */
  meeting(region: string, meetingId: string): StoredMeeting | undefined {
    const meeting = this.#meetings.get(meetingId);
    return meeting?.region === region ? meeting : undefined;
  }

  meetingByToken(region: string, token: string): StoredMeeting | undefined {
    return this.#byToken.get(`${region} ${token}`);
  }

  addMeeting(options: {
    region: string;
    request: MeetingRequest;
    token: string;
    fingerprint: string;
    now: number;
  }): StoredMeeting {
    if (this.#meetings.size >= MAX_MEETINGS) {
      throw meetingsError('LimitExceededException', `The emulator holds at most ${MAX_MEETINGS} meetings.`);
    }
    const meetingId = randomUUID();
    const arn = `arn:aws:chime:${options.region}:${this.accountId}:meeting/${meetingId}`;
    const meeting: StoredMeeting = {
      meetingId,
      arn,
      region: options.region,
      request: options.request,
      mediaPlacement: loopbackMediaPlacement(meetingId),
      created: options.now,
      seq: this.sequence.next(),
      token: options.token,
      fingerprint: options.fingerprint,
      attendees: new Map(),
      attendeesByExternalUserId: new Map(),
      transcription: undefined,
    };
    // Tags first: a refused tag list leaves no meeting behind.
    this.tags.tag(arn, options.request.Tags, MAX_TAGS);
    this.#meetings.set(meetingId, meeting);
    this.#byToken.set(`${options.region} ${options.token}`, meeting);
    return meeting;
  }

  /** Ends the meeting: its attendees, tags and ClientRequestToken go with it. */
  deleteMeeting(meeting: StoredMeeting): void {
    this.#meetings.delete(meeting.meetingId);
    this.#byToken.delete(`${meeting.region} ${meeting.token}`);
    this.tags.forget(meeting.arn);
  }

  addAttendee(meeting: StoredMeeting, externalUserId: string, capabilities: Capabilities): StoredAttendee {
    const attendee: StoredAttendee = {
      attendeeId: randomUUID(),
      externalUserId,
      // Opaque to the client; 64 characters, within the models' 2-2048.
      joinToken: randomBytes(48).toString('base64url'),
      capabilities,
      seq: this.sequence.next(),
    };
    meeting.attendees.set(attendee.attendeeId, attendee);
    meeting.attendeesByExternalUserId.set(externalUserId, attendee);
    return attendee;
  }

  deleteAttendee(meeting: StoredMeeting, attendee: StoredAttendee): void {
    meeting.attendees.delete(attendee.attendeeId);
    meeting.attendeesByExternalUserId.delete(attendee.externalUserId);
  }

  clear(): void {
    this.#meetings.clear();
    this.#byToken.clear();
  }
}

/**
 * Where a client would connect for the meeting's media. AWS answers hosts under
 * `*.app.chime.aws`; the emulator answers the same URLs on loopback, where nothing listens, so a
 * client library that tries to join fails at once on the local machine and never reaches AWS.
 */
function loopbackMediaPlacement(meetingId: string): Record<string, string> {
  return {
    AudioHostUrl: '127.0.0.1:3478',
    AudioFallbackUrl: `wss://127.0.0.1:443/calls/${meetingId}`,
    SignalingUrl: `wss://127.0.0.1:443/control/${meetingId}`,
    TurnControlUrl: 'https://127.0.0.1:443/v2/turn_sessions',
    ScreenDataUrl: `wss://127.0.0.1:443/v2/screen/${meetingId}`,
    ScreenViewingUrl: `wss://127.0.0.1:443/ws/connect?passcode=null&viewer_uuid=null&X-BitHub-Call-Id=${meetingId}`,
    ScreenSharingUrl: `wss://127.0.0.1:443/v2/screen/${meetingId}`,
    EventIngestionUrl: 'https://127.0.0.1:443/v1/client-events',
  };
}
