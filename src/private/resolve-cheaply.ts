import { Stack, Token } from 'aws-cdk-lib';

/**
 * Whether a value of policy JSON holds anything `Stack.resolve` would change: an encoded Token in
 * a string (`${Token[...]}`, or `#{Token[...]}` for a list), a number that encodes one, or an object
 * that is not plain JSON (an IResolvable, a construct).
 */
export function holdsTokens(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{Token[');
  if (typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return value.some(holdsTokens);
  if (value !== null && typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return true;
    return Object.values(value).some(holdsTokens);
  }
  return false;
}

/**
 * `stack.resolve(value)`, skipped when there is nothing to resolve: most policy values of a grant
 * are literal ARNs, and resolving walks the value with the whole resolution machinery.
 */
export function resolveInStack(stack: Stack, value: unknown): any {
  return holdsTokens(value) ? stack.resolve(value) : value;
}
