import { Stack, Token } from 'aws-cdk-lib';

/**
 * What identifies a DatabaseUser for duplicate detection before its ARN's Tokens resolve (the
 * cluster or workgroup, user, and the Region and account as given), and how its ARN is written for
 * a stack, kept here rather than on the public class.
 */
interface Entry {
  readonly key: string;
  readonly render: (stack: Stack) => string;
  /** The Region as the user was given (in its ARN, or `options.region`); `undefined`: the stack's. */
  readonly region?: string;
}

const entries = new WeakMap<object, Entry>();

export function recordDatabaseUser(user: object, key: string, render: (stack: Stack) => string, region?: string): void {
  entries.set(user, { key, render, region });
}

function entryOf(user: object): Entry {
  const entry = entries.get(user);
  if (entry === undefined) throw new Error('databaseUsers: not a DatabaseUser made with DatabaseUser.fromArn, inCluster or inWorkgroup');
  return entry;
}

export function databaseUserKey(user: object): string {
  return entryOf(user).key;
}

/**
 * The Region the user was given in (its ARN's, or `options.region`), which may be a Token;
 * `undefined` when the user takes the Region of the stack that uses it.
 */
export function databaseUserRegion(user: object): string | undefined {
  return entryOf(user).region;
}

/**
 * The user's ARN as written for `stack`, when that is a literal (the stack's Region and account
 * are known, or were given); `undefined` otherwise. Nothing is resolved: a Lazy value of the
 * user's stays unevaluated until the template is rendered.
 */
export function databaseUserArnIn(user: object, stack: Stack): string | undefined {
  let arn: string;
  try {
    arn = entryOf(user).render(stack);
  } catch {
    return undefined;
  }
  return Token.isUnresolved(arn) ? undefined : arn;
}
