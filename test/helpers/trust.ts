/** A statement of a role's trust policy as the template holds it: `service` may assume the role (when `condition` holds). */
export function trustStatement(service: string | string[], condition?: Record<string, unknown>) {
  return { Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) };
}

/** A role's whole trust policy as the template holds it (`AssumeRolePolicyDocument`): these statements and the version. */
export function expectedTrust(...statements: Array<ReturnType<typeof trustStatement>>) {
  return { Version: '2012-10-17', Statement: statements };
}
