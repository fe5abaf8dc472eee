import { aws_iam as iam } from 'aws-cdk-lib';
import { grantSetup as setup } from '../helpers/grants';
import { roleMay, roleView } from '../helpers/iam';
import { synth } from '../helpers/synth';

describe('allowAssumeRole', () => {
  test('sts:AssumeRole on exactly the next role', async () => {
    const { stack, role } = setup();
    const next = iam.Role.fromRoleArn(stack, 'Next', 'arn:aws:iam::210987654321:role/RoleB');
    role.allowAssumeRole(next);
    const view = roleView(role, synth(stack));
    expect(await roleMay(view, 'sts:AssumeRole', 'arn:aws:iam::210987654321:role/RoleB')).toBe('Allowed');
    expect(await roleMay(view, 'sts:AssumeRole', 'arn:aws:iam::210987654321:role/RoleC')).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'sts:AssumeRole', 'arn:aws:iam::123456789012:role/RoleB')).toBe('ImplicitlyDenied');
  });

  test('a role cannot be the next hop of itself', () => {
    const { role } = setup();
    expect(() => role.allowAssumeRole(role)).toThrow(/was given the role itself/);
  });
});
