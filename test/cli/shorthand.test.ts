import { describe, expect, it } from 'vitest';
import { flagOf } from '../../src/cli/parameters.js';
import { parseShorthand, ShorthandSyntaxError } from '../../src/cli/shorthand.js';

/** Inputs and what `aws` makes of them (awscli/shorthand.py): cases are data. */
const PARSED: ReadonlyArray<readonly [string, unknown]> = [
  ['Key=team,Value=blue', { Key: 'team', Value: 'blue' }],
  ['Key=team, Value=blue', { Key: 'team', Value: 'blue' }],
  ['Key = team ,Value= blue ', { Key: 'team', Value: 'blue' }],
  ['Key=,Value=x', { Key: '', Value: 'x' }],
  ['Key=team,Value=', { Key: 'team', Value: '' }],
  ['Key=a=b', { Key: 'a=b' }],
  ['Key="a,b",Value=\'c,d\'', { Key: 'a,b', Value: 'c,d' }],
  ['Key="say \\"hi\\""', { Key: 'say "hi"' }],
  ['Key=a\\,b', { Key: 'a,b' }],
  ['Key=a,b,Value=c', { Key: ['a', 'b'], Value: 'c' }],
  ['Key=[a,b],Value=c', { Key: ['a', 'b'], Value: 'c' }],
  ['Key=[],Value=c', { Key: [], Value: 'c' }],
  ['Key={a=1,b=2},Value=c', { Key: { a: '1', b: '2' }, Value: 'c' }],
  ['Key=[{a=1},{a=2}]', { Key: [{ a: '1' }, { a: '2' }] }],
  [
    'ExpirationDays=30,ExpirationCriterion=CREATED_TIMESTAMP',
    { ExpirationDays: '30', ExpirationCriterion: 'CREATED_TIMESTAMP' },
  ],
  ['Key=ünïcødé ☃', { Key: 'ünïcødé ☃' }],
];

const REJECTED: ReadonlyArray<readonly [string, string]> = [
  ['Key', "Expected: '=', received: 'EOF' for input:\nKey\n   ^"],
  ['=value', "Expected: 'key', received: '=' for input:\n=value\n^"],
  ['Key=a,', "Expected: 'key', received: 'EOF' for input:\nKey=a,\n      ^"],
  ['Key="open', "Expected: 'closing \"', received: 'EOF' for input:\nKey=\"open\n    ^"],
  ['Key=[a,b', "Expected: ']', received: 'EOF' for input:\nKey=[a,b\n        ^"],
  ['Key="a"b', "Expected: ',', received: 'b' for input:\nKey=\"a\"b\n       ^"],
  ['Key=a,Key=b', 'Second instance of key "Key" encountered for input:\nKey=a,Key=b\n      ^'],
];

describe('CLI: the shorthand syntax parses as aws parses it', () => {
  it.each(PARSED)('%s', (input, expected) => {
    expect(parseShorthand(input)).toEqual(expected);
  });

  it.each(REJECTED)('rejects %s, pointing at the spot', (input, message) => {
    expect(() => parseShorthand(input)).toThrow(ShorthandSyntaxError);
    expect(() => parseShorthand(input)).toThrow(message);
  });

  it('makes __proto__ an own key, never a prototype', () => {
    const parsed = parseShorthand('__proto__=x,Key=k');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'Key']);
    expect(({} as Record<string, unknown>).Key).toBeUndefined();
  });
});

describe('CLI: flags are the aws CLI names of the request members', () => {
  it.each([
    ['AppInstanceArn', '--app-instance-arn'],
    ['AppInstanceUserId', '--app-instance-user-id'],
    ['Name', '--name'],
    ['ClientRequestToken', '--client-request-token'],
    ['ExpirationSettings', '--expiration-settings'],
  ])('%s -> %s', (member, flag) => {
    expect(flagOf(member)).toBe(flag);
  });
});
