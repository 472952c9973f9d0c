import type { EmulatorState } from '../../state.js';
import type { Handler } from '../namespace.js';
import { tagHandlers } from '../tagging.js';
import { E911_HANDLERS } from './e911.js';
import { PHONE_NUMBER_HANDLERS } from './phone-numbers.js';
import { PROXY_SESSION_HANDLERS } from './proxy-sessions.js';
import { SETTINGS_HANDLERS } from './settings.js';
import { SIP_HANDLERS } from './sip.js';
import { MAX_TAGS } from './store.js';
import { VOICE_CONNECTOR_HANDLERS } from './voice-connectors.js';

/**
 * Chime SDK Voice's operations (moto's `responses`), by concern: Voice Connectors and groups,
 * their settings documents, phone number associations, SIP media applications and rules, proxy
 * sessions, E911 address validation, and the generic tag operations for the voice resources.
 * Inputs are typed as the handlers read them; the shapes were checked already.
 */

/** The voice resources tags apply to: Voice Connectors (`vc/`), groups (`vcg/`), SIP media applications (`sma/`). */
const VOICE_TAGGABLE = /^arn:aws:chime:[^:]+:(\d{12}):(vc|vcg|sma)\/([^/]+)$/;

function voiceResourceExists(state: EmulatorState, arn: string): boolean {
  const match = VOICE_TAGGABLE.exec(arn);
  if (!match) return false;
  const [, , type, id] = match;
  const resource =
    type === 'vc'
      ? state.voice.voiceConnector(id!)
      : type === 'vcg'
        ? state.voice.group(id!)
        : state.voice.sipMediaApplication(id!);
  return resource?.arn === arn;
}

export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...tagHandlers(voiceResourceExists, MAX_TAGS),
  ...VOICE_CONNECTOR_HANDLERS,
  ...SETTINGS_HANDLERS,
  ...PHONE_NUMBER_HANDLERS,
  ...SIP_HANDLERS,
  ...PROXY_SESSION_HANDLERS,
  ...E911_HANDLERS,
};
