import { IResolvable, IResolveContext, Stack, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';

/**
 * A value that is rendered for the stack it is used in: a Token that resolves with the Region and
 * account of that stack (a database user's ARN, for example).
 */
export class StackScopedValue implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(private readonly render: (stack: Stack) => string) {}
  public resolve(context: IResolveContext): string {
    return this.render(Stack.of(context.scope));
  }
  public toString(): string {
    return Token.asString(this);
  }
}

/** The partition of a literal Region code, when aws-cdk-lib knows it. */
export function partitionOf(region: string): string | undefined {
  if (Token.isUnresolved(region)) return undefined;
  return RegionInfo.get(region).partition;
}

/**
 * The partition of a stack when it is known at synth time: literal (the
 * `@aws-cdk/core:enablePartitionLiterals` feature flag), else the one of its literal Region;
 * `undefined` in an environment-agnostic stack.
 */
export function knownPartition(stack: Stack): string | undefined {
  return Token.isUnresolved(stack.partition) ? partitionOf(stack.region) : stack.partition;
}
