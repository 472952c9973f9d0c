import { emulatorError } from '../../errors.js';
import type { Handler, HandlerContext } from '../namespace.js';
import { page } from '../pagination.js';
import type { Tag } from '../tags.js';
import { addressedSipMediaApplication, addressedSipRule, missing } from './lookups.js';
import {
  isoTimestamp,
  type SipMediaApplicationEndpoint,
  type SipRuleTargetApplication,
  type StoredSipMediaApplication,
  type StoredSipRule,
} from './resources.js';
import { DEFAULT_MAX_RESULTS } from './voice-connectors.js';

/**
 * SIP media applications (with their logging configuration and calls) and the SIP rules that
 * point calls at them.
 */

export function sipMediaApplicationView(application: StoredSipMediaApplication) {
  return {
    SipMediaApplicationId: application.id,
    AwsRegion: application.awsRegion,
    Name: application.name,
    Endpoints: application.endpoints,
    CreatedTimestamp: isoTimestamp(application.created),
    UpdatedTimestamp: isoTimestamp(application.updated),
    SipMediaApplicationArn: application.arn,
  };
}

export function sipRuleView(rule: StoredSipRule) {
  return {
    SipRuleId: rule.id,
    Name: rule.name,
    Disabled: rule.disabled,
    TriggerType: rule.triggerType,
    TriggerValue: rule.triggerValue,
    TargetApplications: rule.targets,
    CreatedTimestamp: isoTimestamp(rule.created),
    UpdatedTimestamp: isoTimestamp(rule.updated),
  };
}

// SIP media applications -------------------------------------------------------------------------

/**
 * POST /sip-media-applications -> 201 `{ SipMediaApplication }`, in the region the request was
 * signed for; `AwsRegion` (required) is answered as given.
 */
const CreateSipMediaApplication: Handler<{
  AwsRegion: string;
  Name: string;
  Endpoints: SipMediaApplicationEndpoint[];
  Tags?: Tag[];
}> = ({ region, input, state, now }) => {
  const application = state.voice.addSipMediaApplication({
    region,
    awsRegion: input.AwsRegion,
    name: input.Name,
    endpoints: input.Endpoints,
    tags: input.Tags,
    now,
  });
  return { body: { SipMediaApplication: sipMediaApplicationView(application) } };
};

/** GET /sip-media-applications/{SipMediaApplicationId} -> 200 `{ SipMediaApplication }`. */
const GetSipMediaApplication: Handler<{ SipMediaApplicationId: string }> = (context) => ({
  body: {
    SipMediaApplication: sipMediaApplicationView(
      addressedSipMediaApplication(context, context.input.SipMediaApplicationId),
    ),
  },
});

/** GET /sip-media-applications?max-results=&next-token= -> 200 `{ SipMediaApplications, NextToken? }`, in creation order. */
const ListSipMediaApplications: Handler<{ MaxResults?: number; NextToken?: string }> = ({
  region,
  input,
  state,
}) => {
  const found = page(state.voice.sipMediaApplicationsIn(region), {
    scope: `sip-media-applications in ${region}`,
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListSipMediaApplications',
  });
  return {
    body: { SipMediaApplications: found.items.map(sipMediaApplicationView), NextToken: found.nextToken },
  };
};

/** PUT /sip-media-applications/{SipMediaApplicationId} -> 200 `{ SipMediaApplication }`: `Name` and `Endpoints` replaced where given. */
const UpdateSipMediaApplication: Handler<{
  SipMediaApplicationId: string;
  Name?: string;
  Endpoints?: SipMediaApplicationEndpoint[];
}> = (context) => {
  const { input, now } = context;
  const application = addressedSipMediaApplication(context, input.SipMediaApplicationId);
  if (input.Name !== undefined) application.name = input.Name;
  if (input.Endpoints !== undefined) application.endpoints = input.Endpoints;
  application.updated = now;
  return { body: { SipMediaApplication: sipMediaApplicationView(application) } };
};

/**
 * DELETE /sip-media-applications/{SipMediaApplicationId} -> 204, with its calls and tags. A SIP
 * rule that targets it would be left pointing at nothing: `ConflictException` until no rule does.
 */
const DeleteSipMediaApplication: Handler<{ SipMediaApplicationId: string }> = (context) => {
  const { state } = context;
  const application = addressedSipMediaApplication(context, context.input.SipMediaApplicationId);
  const rules = state.voice.sipRulesTargeting(application.id);
  if (rules.length > 0) {
    throw emulatorError(
      'ConflictException',
      `SIP media application ${application.id} is a target of SIP rule ${rules[0]!.id}; update or delete the rule first.`,
    );
  }
  state.voice.deleteSipMediaApplication(application);
  return {};
};

/** PUT /sip-media-applications/{SipMediaApplicationId}/logging-configuration -> 200; a flag not given is `false`. */
const PutSipMediaApplicationLoggingConfiguration: Handler<{
  SipMediaApplicationId: string;
  SipMediaApplicationLoggingConfiguration?: { EnableSipMediaApplicationMessageLogs?: boolean };
}> = (context) => {
  const { input } = context;
  const application = addressedSipMediaApplication(context, input.SipMediaApplicationId);
  application.logging = {
    EnableSipMediaApplicationMessageLogs:
      input.SipMediaApplicationLoggingConfiguration?.EnableSipMediaApplicationMessageLogs ?? false,
  };
  return { body: { SipMediaApplicationLoggingConfiguration: application.logging } };
};

/** GET /sip-media-applications/{SipMediaApplicationId}/logging-configuration -> 200; message logs off before any put. */
const GetSipMediaApplicationLoggingConfiguration: Handler<{ SipMediaApplicationId: string }> = (context) => {
  const application = addressedSipMediaApplication(context, context.input.SipMediaApplicationId);
  return {
    body: {
      SipMediaApplicationLoggingConfiguration: application.logging ?? {
        EnableSipMediaApplicationMessageLogs: false,
      },
    },
  };
};

/**
 * POST /sip-media-applications/{SipMediaApplicationId}/calls -> 201 `{ SipMediaApplicationCall:
 * { TransactionId } }`. No call is placed and no Lambda function is invoked: the emulator records
 * a transaction (with its `ArgumentsMap`) that UpdateSipMediaApplicationCall can name.
 */
const CreateSipMediaApplicationCall: Handler<{
  SipMediaApplicationId: string;
  FromPhoneNumber: string;
  ToPhoneNumber: string;
  SipHeaders?: Record<string, string>;
  ArgumentsMap?: Record<string, string>;
}> = (context) => {
  const { input, state } = context;
  const application = addressedSipMediaApplication(context, input.SipMediaApplicationId);
  const TransactionId = state.voice.addCall(application, input.ArgumentsMap ?? {});
  return { body: { SipMediaApplicationCall: { TransactionId } } };
};

/**
 * POST /sip-media-applications/{SipMediaApplicationId}/calls/{TransactionId} -> 202
 * `{ SipMediaApplicationCall: { TransactionId } }`: the transaction must be one of this SIP media
 * application's (`NotFoundException`); its arguments become the request's `Arguments`.
 */
const UpdateSipMediaApplicationCall: Handler<{
  SipMediaApplicationId: string;
  TransactionId: string;
  Arguments: Record<string, string>;
}> = (context) => {
  const { input } = context;
  const application = addressedSipMediaApplication(context, input.SipMediaApplicationId);
  const call = application.calls.get(input.TransactionId);
  if (!call) {
    throw missing(
      context,
      `Transaction ${input.TransactionId} is not a call of SIP media application ${application.id}.`,
    );
  }
  call.arguments = input.Arguments;
  return { body: { SipMediaApplicationCall: { TransactionId: call.transactionId } } };
};

// SIP rules --------------------------------------------------------------------------------------

/** The model's E.164 pattern, for a `ToPhoneNumber` trigger value. */
const E164 = /^\+?[1-9]\d{1,14}$/;

/**
 * What a rule's trigger may name: for `ToPhoneNumber`, a phone number in E.164 format; for
 * `RequestUriHostname`, "the outbound host name of a Voice Connector" (the model): one of the
 * account's, in any region. Anything else is `BadRequestException` (a value is echoed only when
 * it is a host name: a phone number is sensitive elsewhere in the model).
 */
function checkTrigger(context: HandlerContext<unknown>, type: string, value: string): void {
  if (type === 'ToPhoneNumber' && !E164.test(value)) {
    throw emulatorError(
      'BadRequestException',
      'A ToPhoneNumber TriggerValue must be a phone number in E.164 format.',
    );
  }
  if (type === 'RequestUriHostname' && !context.state.voice.voiceConnectorByHostName(value)) {
    throw emulatorError(
      'BadRequestException',
      `A RequestUriHostname TriggerValue must be the OutboundHostName of a Voice Connector; ${value} is not.`,
    );
  }
}

/**
 * A rule's targets: each names an existing SIP media application of the account (in the body, so
 * a missing one is `BadRequestException`), and "only one SIP application per AWS Region can be
 * used" (the model): a target's region is its `AwsRegion`, or its application's when absent.
 */
function checkedTargets(
  context: HandlerContext<unknown>,
  targets: readonly SipRuleTargetApplication[] | undefined,
): SipRuleTargetApplication[] {
  const regions = new Set<string>();
  return (targets ?? []).map((target) => {
    const id = target.SipMediaApplicationId;
    if (id === undefined) {
      throw emulatorError(
        'BadRequestException',
        'Each TargetApplications item needs a SipMediaApplicationId.',
      );
    }
    const application = context.state.voice.sipMediaApplication(id);
    if (!application)
      throw emulatorError('BadRequestException', `SIP media application ${id} does not exist.`);
    const region = target.AwsRegion ?? application.awsRegion;
    if (regions.has(region)) {
      throw emulatorError(
        'BadRequestException',
        `TargetApplications has more than one SIP media application for region ${region}.`,
      );
    }
    regions.add(region);
    return { ...target };
  });
}

/**
 * POST /sip-rules -> 201 `{ SipRule }`, enabled unless `Disabled: true`. A second rule with the
 * same `TriggerType` and `TriggerValue` in the region would make calls ambiguous:
 * `ConflictException`.
 */
const CreateSipRule: Handler<{
  Name: string;
  TriggerType: string;
  TriggerValue: string;
  Disabled?: boolean;
  TargetApplications?: SipRuleTargetApplication[];
}> = (context) => {
  const { region, input, state, now } = context;
  checkTrigger(context, input.TriggerType, input.TriggerValue);
  for (const rule of state.voice.sipRulesIn(region)) {
    if (rule.triggerType === input.TriggerType && rule.triggerValue === input.TriggerValue) {
      throw emulatorError(
        'ConflictException',
        `SIP rule ${rule.id} already has this ${input.TriggerType} trigger in region ${region}.`,
      );
    }
  }
  const targets = checkedTargets(context, input.TargetApplications);
  const rule = state.voice.addSipRule({
    region,
    name: input.Name,
    disabled: input.Disabled ?? false,
    triggerType: input.TriggerType,
    triggerValue: input.TriggerValue,
    targets,
    now,
  });
  return { body: { SipRule: sipRuleView(rule) } };
};

/** GET /sip-rules/{SipRuleId} -> 200 `{ SipRule }`. */
const GetSipRule: Handler<{ SipRuleId: string }> = (context) => ({
  body: { SipRule: sipRuleView(addressedSipRule(context, context.input.SipRuleId)) },
});

/**
 * GET /sip-rules?sip-media-application=&max-results=&next-token= -> 200 `{ SipRules, NextToken? }`:
 * the region's rules in creation order, only those targeting the SIP media application when one
 * is named (none when it names no application).
 */
const ListSipRules: Handler<{ SipMediaApplicationId?: string; MaxResults?: number; NextToken?: string }> = ({
  region,
  input,
  state,
}) => {
  const filter = input.SipMediaApplicationId;
  const rules = [...state.voice.sipRulesIn(region)].filter(
    (rule) => filter === undefined || rule.targets.some((target) => target.SipMediaApplicationId === filter),
  );
  const found = page(rules, {
    scope: `sip-rules in ${region}${filter === undefined ? '' : ` for ${filter}`}`,
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListSipRules',
  });
  return { body: { SipRules: found.items.map(sipRuleView), NextToken: found.nextToken } };
};

/** PUT /sip-rules/{SipRuleId} -> 202 `{ SipRule }`: `Name` replaced (required), `Disabled` and `TargetApplications` where given. */
const UpdateSipRule: Handler<{
  SipRuleId: string;
  Name: string;
  Disabled?: boolean;
  TargetApplications?: SipRuleTargetApplication[];
}> = (context) => {
  const { input, now } = context;
  const rule = addressedSipRule(context, input.SipRuleId);
  const targets =
    input.TargetApplications === undefined ? rule.targets : checkedTargets(context, input.TargetApplications);
  rule.name = input.Name;
  if (input.Disabled !== undefined) rule.disabled = input.Disabled;
  rule.targets = targets;
  rule.updated = now;
  return { body: { SipRule: sipRuleView(rule) } };
};

/**
 * DELETE /sip-rules/{SipRuleId} -> 204. "You must disable SIP rules before you can delete them"
 * (the model): an enabled rule is `ConflictException`.
 */
const DeleteSipRule: Handler<{ SipRuleId: string }> = (context) => {
  const rule = addressedSipRule(context, context.input.SipRuleId);
  if (!rule.disabled) {
    throw emulatorError(
      'ConflictException',
      `SIP rule ${rule.id} is enabled; disable it first (UpdateSipRule with Disabled: true).`,
    );
  }
  context.state.voice.deleteSipRule(rule);
  return {};
};

export const SIP_HANDLERS: Readonly<Record<string, Handler>> = {
  CreateSipMediaApplication,
  GetSipMediaApplication,
  ListSipMediaApplications,
  UpdateSipMediaApplication,
  DeleteSipMediaApplication,
  PutSipMediaApplicationLoggingConfiguration,
  GetSipMediaApplicationLoggingConfiguration,
  CreateSipMediaApplicationCall,
  UpdateSipMediaApplicationCall,
  CreateSipRule,
  GetSipRule,
  ListSipRules,
  UpdateSipRule,
  DeleteSipRule,
};
