/**
 * What identifies a DatabaseUser for duplicate detection before its ARN's Tokens resolve (the
 * cluster or workgroup, user, and the Region and account as given), kept here rather than on the
 * public class.
 */
const keys = new WeakMap<object, string>();

export function recordDatabaseUserKey(user: object, key: string): void {
  keys.set(user, key);
}

export function databaseUserKey(user: object): string {
  const key = keys.get(user);
  if (key === undefined) throw new Error('databaseUsers: not a DatabaseUser made with DatabaseUser.fromArn, inCluster or inWorkgroup');
  return key;
}
