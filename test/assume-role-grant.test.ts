import { CfnParameter, Stack } from 'aws-cdk-lib';
import { ChainedRole, RedshiftCommand, RedshiftServiceRole, RoleChain } from '../src';
import { ACCOUNT, newApp, newStack, OTHER_ACCOUNT, REGION } from './helpers/synth';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/RedshiftCopy';

describe('assumeRoleGrantSql on a role', () => {
  test('GRANT ASSUMEROLE ON the role as iamRoleClause names it, TO users and groups, FOR the commands', () => {
    // GIVEN
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopy' });
    // WHEN
    const sql = role.assumeRoleGrantSql({ users: ['user1'], groups: ['etl'], commands: [RedshiftCommand.COPY, RedshiftCommand.UNLOAD] });
    // THEN
    expect(sql).toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO user1, GROUP etl FOR COPY, UNLOAD;`);
    expect(role.iamRoleClause()).toBe(`IAM_ROLE '${ROLE_ARN}'`);
  });

  test('commands default to ALL; database roles; every command keyword of the GRANT syntax', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopy' });
    expect(role.assumeRoleGrantSql({ roles: ['analyst'] })).toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO ROLE analyst FOR ALL;`);
    expect(role.assumeRoleGrantSql({
      users: ['alice', 'bob'],
      groups: ['ml'],
      roles: ['etl_role'],
      commands: [RedshiftCommand.EXTERNAL_FUNCTION, RedshiftCommand.CREATE_MODEL, RedshiftCommand.COPY, RedshiftCommand.UNLOAD],
    })).toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO alice, bob, GROUP ml, ROLE etl_role FOR EXTERNAL FUNCTION, CREATE MODEL, COPY, UNLOAD;`);
  });

  test('names that are not plain identifiers are quoted: IAM users and roles, hyphens, dots', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopy' });
    expect(role.assumeRoleGrantSql({ users: ['IAM:alice', 'etl-user', 'Bob_2$'], roles: ['IAMR:DataEngineers'], commands: [RedshiftCommand.COPY] }))
      .toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO "IAM:alice", "etl-user", Bob_2$, ROLE "IAMR:DataEngineers" FOR COPY;`);
  });

  test('a role without a name: the ARN is a Token that resolves in the template, as in iamRoleClause', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role');
    const sql = role.assumeRoleGrantSql({ users: ['user1'] });
    expect(sql).toContain(role.roleArn);
    expect(stack.resolve(sql)).toEqual({ 'Fn::Join': ['', ["GRANT ASSUMEROLE ON '", { 'Fn::GetAtt': ['Role1ABCC5F0', 'Arn'] }, "' TO user1 FOR ALL;"]] });
  });

  test('Token names pass through unquoted', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopy' });
    const user = new CfnParameter(stack, 'User').valueAsString;
    expect(() => role.assumeRoleGrantSql({ users: [user] })).not.toThrow();
    expect(stack.resolve(role.assumeRoleGrantSql({ users: [user] }))).toEqual({ 'Fn::Join': ['', [`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO `, { Ref: 'User' }, ' FOR ALL;']] });
  });

  test.each<[string, any, string]>([
    ['no grantee', {}, 'assumeRoleGrantSql needs at least one of `users`, `groups` or `roles`: GRANT ASSUMEROLE names who may use the IAM role'],
    ['only commands', { commands: [RedshiftCommand.COPY] }, 'assumeRoleGrantSql needs at least one of `users`, `groups` or `roles`'],
    ['an empty users list', { users: [], groups: ['etl'] }, '`users` must list at least one user: leave it out instead'],
    ['an empty groups list', { users: ['u'], groups: [] }, '`groups` must list at least one group: leave it out instead'],
    ['an empty roles list', { users: ['u'], roles: [] }, '`roles` must list at least one role: leave it out instead'],
    ['a user with a space', { users: ['user 1'] }, "`users` must be Redshift names of 1 to 127 characters, starting with a letter or underscore, of letters, digits and _$.@+:-, got: 'user 1'"],
    ['a user starting with a digit', { users: ['1user'] }, "`users` must be Redshift names of 1 to 127 characters, starting with a letter or underscore, of letters, digits and _$.@+:-, got: '1user'"],
    ['a quote in a group', { groups: ["etl'; DROP TABLE sales; --"] }, "`groups` must be Redshift names of 1 to 127 characters, starting with a letter or underscore, of letters, digits and _$.@+:-, got: 'etl'; DROP TABLE sales; --'"],
    ['a double quote in a role', { roles: ['a"b'] }, "`roles` must be Redshift names of 1 to 127 characters, starting with a letter or underscore, of letters, digits and _$.@+:-, got: 'a\"b'"],
    ['an empty name', { users: [''] }, "`users` must be Redshift names of 1 to 127 characters, starting with a letter or underscore, of letters, digits and _$.@+:-, got: ''"],
    ['a name of 128 characters', { users: ['u'.repeat(128)] }, `got: '${'u'.repeat(128)}'`],
    ['public as a user', { users: ['public'] }, "`users` lists 'public', which GRANT reads as PUBLIC (every user): name the users, groups or roles that may use the IAM role"],
    ['PUBLIC as a group', { groups: ['PUBLIC'] }, "`groups` lists 'PUBLIC', which GRANT reads as PUBLIC (every user)"],
    ['a repeated user', { users: ['alice', 'alice'] }, "`users` lists 'alice' more than once"],
    ['no command', { users: ['u'], commands: [] }, '`commands` must list at least one RedshiftCommand: leave it out for RedshiftCommand.ALL'],
    ['a repeated command', { users: ['u'], commands: [RedshiftCommand.COPY, RedshiftCommand.COPY] }, "`commands` lists 'COPY' more than once"],
    ['ALL with another command', { users: ['u'], commands: [RedshiftCommand.ALL, RedshiftCommand.COPY] }, '`commands` lists RedshiftCommand.ALL with other commands (COPY): ALL already covers them'],
    ['a value that is not a RedshiftCommand', { users: ['u'], commands: ['DROP'] }, "`commands` must be RedshiftCommand values (ALL, COPY, UNLOAD, EXTERNAL_FUNCTION, CREATE_MODEL), got: 'DROP'"],
  ])('%s is rejected', (_label, options, message) => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopy' });
    expect(() => role.assumeRoleGrantSql(options)).toThrow(message);
  });
});

describe('assumeRoleGrantSql on a RoleChain', () => {
  test('the grant names the same comma-joined chain as the IAM_ROLE clause', () => {
    // GIVEN: Company A's RoleA chained to Company B's RoleB
    const app = newApp();
    const a = new Stack(app, 'CompanyA', { env: { account: ACCOUNT, region: REGION } });
    const b = new Stack(app, 'CompanyB', { env: { account: OTHER_ACCOUNT, region: REGION } });
    const roleA = new RedshiftServiceRole(a, 'RoleA', { roleName: 'RoleA' });
    const roleB = new ChainedRole(b, 'RoleB', { assumedBy: roleA, roleName: 'RoleB' });
    // WHEN
    const sql = roleB.chain.assumeRoleGrantSql({ groups: ['etl'], commands: [RedshiftCommand.COPY] });
    // THEN
    const chainText = 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB';
    expect(sql).toBe(`GRANT ASSUMEROLE ON '${chainText}' TO GROUP etl FOR COPY;`);
    expect(roleB.chain.iamRoleClause()).toBe(`IAM_ROLE '${chainText}'`);
    expect(RoleChain.fromRoleArns([roleA.roleArnForSql, 'arn:aws:iam::210987654321:role/RoleB']).assumeRoleGrantSql({ groups: ['etl'], commands: [RedshiftCommand.COPY] }))
      .toBe(sql);
  });

  test('bad input is rejected the same way', () => {
    const chain = RoleChain.fromRoleArns([ROLE_ARN]);
    expect(() => chain.assumeRoleGrantSql({})).toThrow('assumeRoleGrantSql needs at least one of `users`, `groups` or `roles`');
    expect(() => chain.assumeRoleGrantSql({ users: ['user 1'] })).toThrow("got: 'user 1'");
  });
});
