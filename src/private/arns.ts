import { Arn, ArnComponents, ArnFormat, Token } from 'aws-cdk-lib';

/** A 12-digit AWS account ID. */
const ACCOUNT_ID = /^\d{12}$/;

/**
 * The parts of a literal ARN, through `Arn.split` (which tells `resource/name` from
 * `resource:name` itself); `undefined` for a Token or for text that is not an ARN.
 */
export function parseArn(arn: string): ArnComponents | undefined {
  if (Token.isUnresolved(arn)) return undefined;
  try {
    return Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
  } catch {
    return undefined;
  }
}

/** Whether `value` is a literal 12-digit account ID. */
export function isAccountId(value: string | undefined): value is string {
  return value !== undefined && ACCOUNT_ID.test(value);
}
