import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entries = {
  legacy: `${root}node_modules/legacy-chime/dist-types/index.d.ts`,
  current: `${root}node_modules/@aws-sdk/client-chime/dist-types/index.d.ts`,
  shim: `${root}src/index.ts`,
};

/**
 * The names `tsc` cannot list: a type-level test can index a module's values by a computed name,
 * not its interfaces and type aliases (test/types/legacy-parity.test-d.ts checks the commands,
 * methods, functions, paginators and enum objects per operation). Here the compiler lists every
 * export of @aws-sdk/client-chime@3.699.0 and of this package, and compares them by name.
 */
/** The files `tsc -p tsconfig.json` (npm test's typecheck) checks. */
let typecheckFiles: string[];
let checker: ts.TypeChecker;
let legacy: Map<string, ts.Symbol>;
let current: Map<string, ts.Symbol>;
let shim: Map<string, ts.Symbol>;

function exportsOf(program: ts.Program, file: string): Map<string, ts.Symbol> {
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`no module at ${file}`);
  return new Map(
    checker
      .getExportsOfModule(module)
      .map((symbol) => [
        symbol.name,
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol,
      ]),
  );
}

/** The type a name stands for: an interface's or alias's type, and an enum object's type. */
function typesOf(symbol: ts.Symbol): ts.Type[] {
  const types: ts.Type[] = [];
  if (symbol.flags & ts.SymbolFlags.Type && !(symbol.flags & ts.SymbolFlags.Class)) {
    types.push(checker.getDeclaredTypeOfSymbol(symbol));
  }
  if (symbol.flags & ts.SymbolFlags.Variable) types.push(checker.getTypeOfSymbol(symbol));
  return types;
}

function mutual(a: ts.Symbol, b: ts.Symbol): boolean {
  const [as, bs] = [typesOf(a), typesOf(b)];
  return (
    as.length === bs.length &&
    as.every((type, i) => {
      const other = bs[i]!;
      return checker.isTypeAssignableTo(type, other) && checker.isTypeAssignableTo(other, type);
    })
  );
}

/**
 * What 3.699 exported for the removed operations: the names the installed @aws-sdk/client-chime
 * no longer has. Left out: the `...FilterSensitiveLog` helpers (marked `@internal`; AWS dropped
 * them from every client, the operations it kept included) and the command classes and
 * paginators (their types name 3.699's own `ChimeClient`; legacy-parity.test-d.ts checks them
 * with this package's).
 */
function removedNames(): string[] {
  return [...legacy.keys()].filter(
    (name) =>
      !current.has(name) &&
      !name.endsWith('FilterSensitiveLog') &&
      !(legacy.get(name)!.flags & ts.SymbolFlags.Class) &&
      !name.startsWith('paginate'),
  );
}

beforeAll(() => {
  const { config } = ts.readConfigFile(`${root}tsconfig.json`, ts.sys.readFile);
  const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  typecheckFiles = fileNames;
  const program = ts.createProgram(Object.values(entries), options);
  checker = program.getTypeChecker();
  legacy = exportsOf(program, entries.legacy);
  current = exportsOf(program, entries.current);
  shim = exportsOf(program, entries.shim);
}, 60_000);

describe('Surfaces, per operation: every structure, union and enum type 3.699 exported for these operations, under the same name and with the same members', () => {
  it('exports every one of them', () => {
    expect(removedNames().filter((name) => !shim.has(name))).toEqual([]);
  });

  it('each is assignable both ways with 3.699’s (an enum: its type and its object)', () => {
    const names = removedNames().filter((name) => shim.has(name));
    expect(names).toEqual(
      expect.arrayContaining([
        'CreateAppInstanceUserRequest',
        'CreateAppInstanceUserCommandInput',
        'Meeting',
        'MediaPlacement',
        'ChannelMode',
      ]),
    );
    expect(names.filter((name) => !mutual(shim.get(name)!, legacy.get(name)!))).toEqual([]);
  });

  it('tells different types apart (the comparison can fail)', () => {
    expect(mutual(shim.get('Attendee')!, legacy.get('Meeting')!)).toBe(false);
    expect(mutual(shim.get('ChannelMode')!, legacy.get('ChannelPrivacy')!)).toBe(false);
    // A request with one more required member is not 3.699's.
    expect(mutual(shim.get('CreateAppInstanceUserRequest')!, legacy.get('CreateAppInstanceRequest')!)).toBe(
      false,
    );
  });
});

describe('Surfaces, per operation: the type-level parity checks run in npm test', () => {
  it('tsconfig.json, which the typecheck compiles, includes test/types/legacy-parity.test-d.ts', () => {
    // vitest does not run a *.test-d.ts file: only tsc checks it, so it must stay in the program.
    expect(typecheckFiles).toContain(`${root}test/types/legacy-parity.test-d.ts`);
  });
});
