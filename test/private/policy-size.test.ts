import { Lazy, Stack, Token } from 'aws-cdk-lib';
import { policySize } from '../../src/private/policy-size';
import { holdsTokens, resolveInStack } from '../../src/private/resolve-cheaply';

describe('policySize', () => {
  test.each<[string, unknown]>([
    ['a statement', { Action: ['s3:GetObject', 's3:PutObject'], Effect: 'Allow', Resource: 'arn:aws:s3:::b/in/*' }],
    ['a condition with lists', { Condition: { StringLike: { 's3:prefix': ['in/*', 'out/*'] } }, Effect: 'Allow', Resource: [] }],
    ['escapes', { Sid: 'quote " backslash \\ newline \n tab \t', Resource: 'ünïcödé ✓ \u2028' }],
    ['a lone surrogate', { Resource: 'a\ud800b' }],
    ['numbers, booleans, null', { a: 1, b: 1.5, c: true, d: null, e: [1, false, null] }],
    ['undefined members and items', { a: undefined, b: [undefined, 'x'], c: 'y' }],
    ['empty things', { a: {}, b: [], c: '' }],
  ])('%s: the length of the JSON text, exactly', (_name, value) => {
    expect(policySize(value)).toEqual({ chars: JSON.stringify(value).length, exact: true });
  });

  test('intrinsics count at their typical length, and the size says it is an estimate', () => {
    const value = {
      Resource: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::b/*']] },
        { 'Fn::GetAtt': ['Role1ABCD', 'Arn'] },
        { Ref: 'AWS::AccountId' },
      ],
      Effect: 'Allow',
    };
    const size = policySize(value);
    expect(size.exact).toBe(false);
    // arn: + aws + :s3:::b/* is 16 characters; a GetAtt counts 80; an account 12.
    expect(size.chars).toBe(JSON.stringify({ Resource: ['x'.repeat(16), 'x'.repeat(80), 'x'.repeat(12)], Effect: 'Allow' }).length);
  });
});

describe('resolveInStack', () => {
  const stack = new Stack();
  test('plain JSON is returned as it is, without resolving', () => {
    const value = { Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*'], Condition: { Bool: { 'aws:SecureTransport': 'true' } } };
    expect(holdsTokens(value)).toBe(false);
    expect(resolveInStack(stack, value)).toBe(value);
  });
  test.each<[string, unknown]>([
    ['a Token in a string', { Resource: `arn:${stack.partition}:s3:::b/*` }],
    ['a list Token', { Resource: Token.asList(Lazy.list({ produce: () => ['a'] })) }],
    ['a number Token', { Max: Token.asNumber(Lazy.number({ produce: () => 3 })) }],
    ['an IResolvable object', { Condition: Lazy.any({ produce: () => ({}) }) }],
  ])('%s is resolved', (_name, value) => {
    expect(holdsTokens(value)).toBe(true);
    expect(resolveInStack(stack, value)).toEqual(stack.resolve(value));
  });
});
