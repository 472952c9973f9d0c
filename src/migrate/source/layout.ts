import type * as t from '@babel/types';
import type { Analysis } from '../analysis/scope.js';

/** The line break the file uses. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace at the start of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/** The unit the file indents with: two spaces unless its lines say otherwise. */
export function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  if (!match) return '  ';
  return match[1]!.startsWith('\t') ? '\t' : match[1]!.length >= 4 && !/\n {2}\S/.test(text) ? '    ' : '  ';
}

const STATEMENT_LISTS = new Set([
  'Program',
  'BlockStatement',
  'StaticBlock',
  'SwitchCase',
  'TSModuleBlock',
  'ClassBody',
]);

/** The statement (or class member) that holds a node: where a comment about it goes. */
export function statementOf(analysis: Analysis, node: t.Node): t.Node {
  let current = node;
  for (let parent = analysis.parents.get(current); parent; parent = analysis.parents.get(current)) {
    if (STATEMENT_LISTS.has(parent.type)) return current;
    current = parent;
  }
  return current;
}

/** The source text of a node. */
export function textOf(text: string, node: t.Node): string {
  return text.slice(node.start ?? 0, node.end ?? 0);
}

/**
 * An expression that can be written a second time without changing what the program does: a
 * name, a property path, a literal, a template of those.
 */
export function isRepeatable(node: t.Node | null | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'Identifier':
    case 'ThisExpression':
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
      return true;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return isRepeatable(node.object) && (!node.computed || isRepeatable(node.property));
    case 'TemplateLiteral':
      return node.expressions.every((expression) => isRepeatable(expression));
    case 'TSNonNullExpression':
    case 'TSAsExpression':
    case 'ParenthesizedExpression':
      return isRepeatable(node.expression);
    default:
      return false;
  }
}
