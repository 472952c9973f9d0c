import type { CallSite } from './analysis/calls.js';
import { givesMember, requestLiteral } from './analysis/input.js';
import type { Analysis } from './analysis/scope.js';
import { familyPackage } from './knowledge.js';

/** Something about a call that a person must decide or write, because no tool can. */
export interface Need {
  /**
   * - `no-counterpart`: the operation has none in the Chime SDK namespaces;
   * - `header-injection`: a `request.on('build')` handler edits the request (usually to set
   *   `x-amz-chime-bearer`), which SDK v3 cannot do;
   * - `chime-bearer`: `ChimeBearer`, newly required by Chime SDK Messaging, is not given;
   * - `newly-required`: another member the counterpart newly requires is not given.
   */
  readonly kind: 'no-counterpart' | 'header-injection' | 'chime-bearer' | 'newly-required';
  /** The member, for `chime-bearer` and `newly-required` (a dotted path for a nested one). */
  readonly member?: string;
  readonly message: string;
}

/** What needs a person at one call site. */
export function needsOf(site: CallSite, analysis: Analysis): Need[] {
  const needs: Need[] = [];
  const { facts } = site;
  const operation = facts.operation;
  if (facts.status === 'none' && operation) {
    needs.push({
      kind: 'no-counterpart',
      message: `${facts.name} has no counterpart in the Chime SDK namespaces; instead, ${operation.instead}`,
    });
  }
  for (const hook of site.buildHooks) {
    needs.push({
      kind: 'header-injection',
      message: hook.bearer
        ? "request.on('build') sets x-amz-chime-bearer: SDK v3 has no build event; pass ChimeBearer in the request"
        : "request.on('build') edits the request: SDK v3 has no build event; use request members or a middleware",
    });
  }
  if (facts.removed && operation?.newlyRequired && facts.family && facts.family !== 'tagging') {
    const { title } = familyPackage(facts.family);
    const literal = requestLiteral(analysis, site.input);
    for (const member of operation.newlyRequired) {
      const given = givesMember(literal, member);
      if (given === true) continue;
      const where = given === false ? 'not given' : 'not visible (the request is not an object literal)';
      needs.push({
        kind: member === 'ChimeBearer' ? 'chime-bearer' : 'newly-required',
        member,
        message:
          member === 'ChimeBearer'
            ? `ChimeBearer ${where}: ${title} requires it (the shim takes its chimeBearer option; a native call must pass it)`
            : `${member} ${where}: ${title} requires it (the shim fills it in, docs/operations.md; a native call must pass it)`,
      });
    }
  }
  return needs;
}
