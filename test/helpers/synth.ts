import { App, AppProps, Stack, StackProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { registerForLint } from './cfn-lint';

export const ACCOUNT = '123456789012';
export const OTHER_ACCOUNT = '210987654321';
export const REGION = 'us-west-2';

/** A fresh App with the feature flags a new CDK app has that matter to ARNs. */
export function newApp(props: AppProps = {}): App {
  return new App({
    ...props,
    context: {
      '@aws-cdk/core:enablePartitionLiterals': true,
      ...props.context,
    },
  });
}

/** A fresh App and Stack in account 123456789012, us-west-2 (unless told otherwise). */
export function newStack(props: StackProps = {}): Stack {
  return new Stack(newApp(), 'TestStack', { env: { account: ACCOUNT, region: REGION }, ...props });
}

/** Synthesizes the stack, queues its template for cfn-lint, and returns it for assertions. */
export function synth(stack: Stack): Template {
  const template = Template.fromStack(stack);
  registerForLint(`${expect.getState().currentTestName ?? 'test'}-${stack.stackName}`, template.toJSON());
  return template;
}
