/**
 * The hand-written part of the operation table: what the models show differs between the
 * namespaces, and how each difference is bridged (docs/operations.md). One module per family
 * (`identity.ts`, `messaging.ts`, ..., `tagging.ts`), one export per operation that needs a
 * translation, named after the operation and documented: the generator wires each into its
 * operation's row (`translation`) and copies its doc comment into docs/operations.md, so a
 * program carries only the translations of the operations it calls (a translation built by a
 * factory call carries a `@__PURE__` annotation, or a bundler would keep it). An operation
 * without one is sent as it is to its same-name counterpart; test/table/table.test.ts fails when a member the
 * counterpart newly requires has none.
 */
export { ownerOf, resourceOf } from './resource-arn.js';
export type { Answer, PrepareContext, Request, SendContext, Translation } from './types.js';
