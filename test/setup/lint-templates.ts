import { lintPendingTemplates } from '../helpers/cfn-lint';

// Every template a test synthesizes through `synth()` is linted once per test file.
afterAll(() => {
  lintPendingTemplates();
}, 120_000);
