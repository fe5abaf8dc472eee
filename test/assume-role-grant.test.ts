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

  test('reserved words are quoted (GRANT reads them as key words otherwise), in any case', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopy' });
    expect(role.assumeRoleGrantSql({ users: ['select', 'USER', 'Order'], groups: ['group'], roles: ['default', 'wallet'] }))
      .toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO "select", "USER", "Order", GROUP "group", ROLE "default", ROLE "wallet" FOR ALL;`);
    // words that are not reserved stay as they are (START and CONNECT are not reserved)
    expect(role.assumeRoleGrantSql({ users: ['start', 'connect', 'users', 'selected'] }))
      .toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO start, connect, users, selected FOR ALL;`);
  });

  test('non-ASCII letters are standard identifiers; other names are delimited, a double quote doubled', () => {
    const stack = newStack();
    const role = new RedshiftServiceRole(stack, 'Role', { roleName: 'RedshiftCopy' });
    expect(role.assumeRoleGrantSql({ users: ['müller', 'José_2', '分析者', 'ñandú$1'] }))
      .toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO müller, José_2, 分析者, ñandú$1 FOR ALL;`);
    expect(role.assumeRoleGrantSql({ users: ['1user', 'user 1', "o'brien", 'a"b', 'sales team\u3000b', 'x'.repeat(127)], groups: ['etl\'; DROP TABLE sales; --'] }))
      .toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO "1user", "user 1", "o'brien", "a""b", "sales team\u3000b", ${'x'.repeat(127)}, GROUP "etl'; DROP TABLE sales; --" FOR ALL;`);
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
    ['an empty name', { users: [''] }, '`users` must be Redshift names of 1 to 127 bytes in UTF-8 (Amazon Redshift "Names and identifiers"), got 0 bytes: \'\''],
    ['a name of 128 bytes', { users: ['u'.repeat(128)] }, `\`users\` must be Redshift names of 1 to 127 bytes in UTF-8 (Amazon Redshift "Names and identifiers"), got 128 bytes: '${'u'.repeat(128)}'`],
    ['a name of 64 two-byte letters (128 bytes)', { groups: ['é'.repeat(64)] }, `got 128 bytes: '${'é'.repeat(64)}'`],
    ['a control character', { roles: ['etl\nrole'] }, '`roles` must be Redshift names of printable characters, without control characters (Amazon Redshift "Names and identifiers": '
      + "identifiers consist of only UTF-8 printable characters), got: 'etl\\x0arole'"],
    ['a NUL', { users: ['a\u0000b'] }, "got: 'a\\x00b'"],
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
    expect(() => chain.assumeRoleGrantSql({ users: [''] })).toThrow("got 0 bytes: ''");
    expect(chain.assumeRoleGrantSql({ users: ['order'] })).toBe(`GRANT ASSUMEROLE ON '${ROLE_ARN}' TO "order" FOR ALL;`);
  });
});
