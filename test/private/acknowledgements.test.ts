import { Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { isAcknowledged } from '../../src/private/acknowledgements';
import { newStack } from '../helpers/synth';

const ID = 'cdk-redshift-iam:roles-per-cluster';

function acknowledgedWith(key: string): { stack: Stack; child: Construct } {
  const stack = newStack();
  const child = new Construct(stack, 'Child');
  stack.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { [key]: 'a reason' });
  return { stack, child };
}

describe('isAcknowledged', () => {
  test.each([
    ['aws-cdk-lib before 2.262.1 (annotation::)', `annotation::${ID}`],
    ['aws-cdk-lib 2.262.1 and later (Annotation::)', `Annotation::${ID}`],
    ['the bare id', ID],
  ])('reads an acknowledgement on a parent as %s writes it', (_version, key) => {
    const { child } = acknowledgedWith(key);
    expect(isAcknowledged(child, ID)).toBe(true);
    expect(isAcknowledged(child, 'cdk-redshift-iam:role-account')).toBe(false);
  });

  test('reads what this aws-cdk-lib\'s Validations.acknowledge records', () => {
    const stack = newStack();
    Validations.of(stack).acknowledge({ id: ID, reason: 'our quota is raised' });
    expect(isAcknowledged(new Construct(stack, 'Child'), ID)).toBe(true);
  });
});
