import type * as t from '@babel/types';
import type { Family } from '../operations/operation.js';
import type { CallSite } from './analysis/calls.js';
import type { Meanings } from './analysis/meaning.js';
import type { Analysis } from './analysis/scope.js';
import type { ClientPlan } from './client-instances/clients.js';
import { type ChimeImport, ImportPlan, NameTable } from './modules/imports.js';
import { Edits } from './source/edits.js';
import { lineBreakOf } from './source/layout.js';
import { Todos } from './todos.js';

/** Where a call goes: a family's client, or nowhere (it stays, with the reason as a TODO). */
export type Decision = { readonly family: Family } | { readonly keep: string };

/** The region the shim used for an input that names no ARN (its `defaultRegion` default). */
export const DEFAULT_REGION = 'us-east-1';

/**
 * What `migrate --to native` knows and decides about one file, shared by its parts
 * (apis/decisions.ts, client-instances/plan.ts, apis/calls.ts, modules/targets.ts): the analysis,
 * the edits and TODOs written so far, the import plan, and the decisions per call and per client.
 */
export interface NativeContext {
  readonly text: string;
  readonly analysis: Analysis;
  readonly meanings: Meanings;
  readonly sites: readonly CallSite[];
  readonly imports: readonly ChimeImport[];
  readonly edits: Edits;
  readonly lineBreak: string;
  readonly todos: Todos;
  readonly names: NameTable;
  readonly plan: ImportPlan;
  readonly typescript: boolean;
  /** The quote the file's Chime imports use. */
  readonly quote: string;
  readonly decisions: Map<CallSite, Decision>;
  readonly clients: Map<string, ClientPlan>;
  /** Declarations written after the imports: the bearer constant, the functions' clients. */
  readonly topLevel: string[];
  /** The file's `ChimeBearer` constant, once declared. */
  bearer: string | undefined;
  /** Its value: the `chimeBearer` option the code gave this package, when it can move to the top. */
  bearerValue: string | undefined;
  readonly functionClients: Map<Family, string>;
}

export function nativeContext(
  text: string,
  path: string,
  analysis: Analysis,
  meanings: Meanings,
  sites: readonly CallSite[],
  imports: readonly ChimeImport[],
): NativeContext {
  const lineBreak = lineBreakOf(text);
  const names = new NameTable(analysis);
  const typescript = /\.[cm]?tsx?$/.test(path);
  const first = imports[0]?.declaration;
  const esm = first ? first.type !== 'VariableDeclaration' : true;
  const literal =
    first?.type === 'ImportDeclaration'
      ? first.source
      : first?.type === 'VariableDeclaration'
        ? (first.declarations[0]?.init as t.CallExpression | undefined)?.arguments[0]
        : undefined;
  return {
    text,
    analysis,
    meanings,
    sites,
    imports,
    edits: new Edits(),
    lineBreak,
    todos: new Todos(text, lineBreak),
    names,
    plan: new ImportPlan(text, analysis, imports, names, { esm, typescript }),
    typescript,
    quote: literal && text.charAt(literal.start!) === '"' ? '"' : "'",
    decisions: new Map(),
    clients: new Map(),
    topLevel: [],
    bearer: undefined,
    bearerValue: undefined,
    functionClients: new Map(),
  };
}
