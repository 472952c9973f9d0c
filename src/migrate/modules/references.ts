import type * as t from '@babel/types';
import { type Meanings, moduleSpecifierOf } from '../analysis/meaning.js';
import type { Analysis } from '../analysis/scope.js';

/** A place a module is named: an import or export declaration, `require()`, `import()`, `import x = require()`. */
export interface ModuleReference {
  readonly specifier: t.StringLiteral;
  readonly kind: 'import' | 'export' | 'require' | 'dynamic-import' | 'import-equals';
  /** The declaration or call. */
  readonly node: t.Node;
}

/** Every place the file names a module that `wanted` accepts, in source order. */
export function moduleReferences(
  analysis: Analysis,
  meanings: Meanings,
  wanted: (specifier: string) => boolean,
): ModuleReference[] {
  const found: ModuleReference[] = [];
  for (const statement of analysis.program.body) {
    switch (statement.type) {
      case 'ImportDeclaration':
        if (wanted(statement.source.value))
          found.push({ specifier: statement.source, kind: 'import', node: statement });
        break;
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (statement.source && wanted(statement.source.value))
          found.push({ specifier: statement.source, kind: 'export', node: statement });
        break;
      case 'TSImportEqualsDeclaration':
        if (
          statement.moduleReference.type === 'TSExternalModuleReference' &&
          wanted(statement.moduleReference.expression.value)
        )
          found.push({
            specifier: statement.moduleReference.expression,
            kind: 'import-equals',
            node: statement,
          });
        break;
    }
  }
  for (const { node } of analysis.calls) {
    const specifier = moduleSpecifierOf(node, meanings);
    if (specifier === undefined || !wanted(specifier)) continue;
    found.push({
      specifier: node.arguments[0] as t.StringLiteral,
      kind: node.callee.type === 'Import' ? 'dynamic-import' : 'require',
      node,
    });
  }
  return found.sort((a, b) => (a.specifier.start ?? 0) - (b.specifier.start ?? 0));
}

/** The quote a string literal was written with. */
export function quoteOf(literal: t.StringLiteral, text: string): string {
  return text.charAt(literal.start ?? 0) === '"' ? '"' : "'";
}
