import { aws_iam as iam } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';

/** The hop of a role chain: `sts:AssumeRole` on exactly the next role's ARN. */
export function allowAssumeRole(target: GrantTarget, next: iam.IRole): iam.Grant {
  if (next === target.role) {
    throw new Error(`\`allowAssumeRole\` was given the role itself ('${target.role.node.path}'): a role chain never repeats a role`);
  }
  return target.grant({
    actions: ['sts:AssumeRole'],
    resourceArns: [target.arnInPolicy(next)],
  });
}
