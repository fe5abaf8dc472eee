export * from './database-user';
export * from './redshift-role-base';
export * from './redshift-service-role';
export * from './chained-role';
export * from './role-chain';
export * from './redshift-arn';
export * from './permissions';
export * from './cluster-role-association';
