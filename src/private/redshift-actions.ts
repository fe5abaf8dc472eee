import { IConstruct } from 'constructs';
import { warn } from './acknowledgements';

/**
 * The IAM actions of Amazon Redshift (service prefix `redshift`), lower-cased, as the Service
 * Authorization Reference lists them (taken from cfn-lint's policy data, which its W3037 check uses).
 */
export const REDSHIFT_ACTIONS: ReadonlySet<string> = new Set([
  'acceptreservednodeexchange', 'addpartner', 'associatedatashareconsumer',
  'authorizeclustersecuritygroupingress', 'authorizedatashare', 'authorizeendpointaccess',
  'authorizeinboundintegration', 'authorizesnapshotaccess', 'batchdeleteclustersnapshots',
  'batchmodifyclustersnapshots', 'cancelquery', 'cancelquerysession', 'cancelresize', 'copyclustersnapshot',
  'createauthenticationprofile', 'createcluster', 'createclusterparametergroup', 'createclustersecuritygroup',
  'createclustersnapshot', 'createclustersubnetgroup', 'createclusteruser', 'createcustomdomainassociation',
  'createendpointaccess', 'createeventsubscription', 'createhsmclientcertificate', 'createhsmconfiguration',
  'createinboundintegration', 'createintegration', 'createqev2idcapplication', 'createredshiftidcapplication',
  'createsavedquery', 'createscheduledaction', 'createsnapshotcopygrant', 'createsnapshotschedule',
  'createtags', 'createusagelimit', 'deauthorizedatashare', 'deleteauthenticationprofile', 'deletecluster',
  'deleteclusterparametergroup', 'deleteclustersecuritygroup', 'deleteclustersnapshot',
  'deleteclustersubnetgroup', 'deletecustomdomainassociation', 'deleteendpointaccess',
  'deleteeventsubscription', 'deletehsmclientcertificate', 'deletehsmconfiguration', 'deleteintegration',
  'deletepartner', 'deleteqev2idcapplication', 'deleteredshiftidcapplication', 'deleteresourcepolicy',
  'deletesavedqueries', 'deletescheduledaction', 'deletesnapshotcopygrant', 'deletesnapshotschedule',
  'deletetags', 'deleteusagelimit', 'deregisternamespace', 'describeaccountattributes',
  'describeauthenticationprofiles', 'describeautonomicsdenylist', 'describeclusterdbrevisions',
  'describeclusterparametergroups', 'describeclusterparameters', 'describeclusters',
  'describeclustersecuritygroups', 'describeclustersnapshots', 'describeclustersubnetgroups',
  'describeclustertracks', 'describeclusterversions', 'describecustomdomainassociations',
  'describedatashares', 'describedatasharesforconsumer', 'describedatasharesforproducer',
  'describedefaultclusterparameters', 'describeendpointaccess', 'describeendpointauthorization',
  'describeeventcategories', 'describeevents', 'describeeventsubscriptions', 'describehsmclientcertificates',
  'describehsmconfigurations', 'describeinboundintegrations', 'describeintegrations', 'describeloggingstatus',
  'describenodeconfigurationoptions', 'describeorderableclusteroptions', 'describepartners',
  'describeqev2idcapplications', 'describequery', 'describeredshiftidcapplications',
  'describereservednodeexchangestatus', 'describereservednodeofferings', 'describereservednodes',
  'describeresize', 'describesavedqueries', 'describescheduledactions', 'describesnapshotcopygrants',
  'describesnapshotschedules', 'describestorage', 'describetable', 'describetablerestorestatus',
  'describetags', 'describeusagelimits', 'disablelogging', 'disablesnapshotcopy',
  'disassociatedatashareconsumer', 'enablelogging', 'enablesnapshotcopy', 'executequery',
  'failoverprimarycompute', 'fetchresults', 'getclustercredentials', 'getclustercredentialswithiam',
  'getidentitycenterauthtoken', 'getreservednodeexchangeconfigurationoptions',
  'getreservednodeexchangeofferings', 'getresourcepolicy', 'joingroup', 'listdatabases',
  'listrecommendations', 'listsavedqueries', 'listschemas', 'listtables', 'modifyaquaconfiguration',
  'modifyauthenticationprofile', 'modifyautonomicsdenylist', 'modifycluster', 'modifyclusterdbrevision',
  'modifyclusteriamroles', 'modifyclustermaintenance', 'modifyclusterparametergroup', 'modifyclustersnapshot',
  'modifyclustersnapshotschedule', 'modifyclustersubnetgroup', 'modifycustomdomainassociation',
  'modifyendpointaccess', 'modifyeventsubscription', 'modifyintegration', 'modifyqev2idcapplication',
  'modifyredshiftidcapplication', 'modifysavedquery', 'modifyscheduledaction',
  'modifysnapshotcopyretentionperiod', 'modifysnapshotschedule', 'modifyusagelimit', 'pausecluster',
  'purchasereservednodeoffering', 'putresourcepolicy', 'rebootcluster', 'registernamespace',
  'rejectdatashare', 'resetclusterparametergroup', 'resizecluster', 'restorefromclustersnapshot',
  'restoretablefromclustersnapshot', 'resumecluster', 'revokeclustersecuritygroupingress',
  'revokeendpointaccess', 'revokesnapshotaccess', 'rotateencryptionkey', 'updatepartnerstatus',
  'viewqueriesfromconsole', 'viewqueriesinconsole',
]);

/** The Redshift actions that IAM authorizes on a cluster resource (`arn:...:redshift:...:cluster:NAME`). */
export const REDSHIFT_CLUSTER_ACTIONS: ReadonlySet<string> = new Set([
  'authorizeendpointaccess', 'authorizesnapshotaccess', 'cancelquerysession', 'cancelresize',
  'copyclustersnapshot', 'createcluster', 'createclustersnapshot', 'createcustomdomainassociation',
  'createendpointaccess', 'createtags', 'createusagelimit', 'deletecluster', 'deleteclustersnapshot',
  'deletecustomdomainassociation', 'deletepartner', 'deletetags', 'describeautonomicsdenylist',
  'describeclusters', 'describeclustersnapshots', 'describeendpointaccess', 'describeendpointauthorization',
  'describeloggingstatus', 'describenodeconfigurationoptions', 'describepartners', 'describeresize',
  'describesnapshotschedules', 'describetablerestorestatus', 'describetags', 'describeusagelimits',
  'disablelogging', 'disablesnapshotcopy', 'enablelogging', 'enablesnapshotcopy', 'failoverprimarycompute',
  'getidentitycenterauthtoken', 'getreservednodeexchangeconfigurationoptions', 'listrecommendations',
  'modifyaquaconfiguration', 'modifyautonomicsdenylist', 'modifycluster', 'modifyclusterdbrevision',
  'modifyclusteriamroles', 'modifyclustermaintenance', 'modifyclustersnapshotschedule',
  'modifycustomdomainassociation', 'modifysnapshotcopyretentionperiod', 'pausecluster', 'rebootcluster',
  'resizecluster', 'restorefromclustersnapshot', 'restoretablefromclustersnapshot', 'resumecluster',
  'revokeendpointaccess', 'revokesnapshotaccess', 'rotateencryptionkey', 'updatepartnerstatus',
  'viewqueriesinconsole',
]);

/**
 * Checks one literal `redshift:Action` of `manageClusters`, which grants on clusters: an action IAM
 * authorizes on no cluster can never match (an error); an action this list does not know may be a
 * typo or newer than the list (a warning on `scope`).
 */
export function checkClusterAction(scope: IConstruct, action: string): void {
  const name = action.slice('redshift:'.length).toLowerCase();
  if (!REDSHIFT_ACTIONS.has(name)) {
    warn(scope, 'cdk-redshift-iam:unknownAction',
      `\`actions\` lists '${action}', which is not a Redshift action IAM knows (W3037): check the spelling; a policy that names it grants nothing`);
  } else if (!REDSHIFT_CLUSTER_ACTIONS.has(name)) {
    throw new Error(`\`actions\` must be Redshift actions that IAM authorizes on a cluster (manageClusters grants on clusters only), got: '${action}', which takes no cluster resource`);
  }
}
