/**
 * The storage keys, as plain strings with no browser import, so that Node code (e2e tests, bench, scripts)
 * names stored items by the same constants as the extension instead of retyping them.
 */
export const STORAGE_KEYS = {
  apiKey: 'apiKey',
  settings: 'settings',
  groupCache: 'groupCache',
  groupCacheHead: 'groupCacheHead',
  pendingCounts: 'pendingCounts',
  pollState: 'pollState',
  seenRequests: 'seenRequests',
  waitingPeople: 'waitingPeople',
  pendingCreations: 'pendingCreations',
  recentGroups: 'recentGroups',
  activity: 'activity',
  waitAlerts: 'waitAlerts',
  joinApprovalModes: 'joinApprovalModes',
  zokoIdForm: 'zokoIdForm',
  handoff: 'handoff',
  openGroup: 'openGroup',
  openWaiting: 'openWaiting',
  zokoPausedUntil: 'zokoPausedUntil',
  pollRequestLog: 'pollRequestLog',
  inboxSites: 'inboxSites',
  inboxOfferHidden: 'inboxOfferHidden',
  inboxChats: 'inboxChats',
  chatInView: 'chatInView',
  knownMembers: 'knownMembers',
  accountEpoch: 'accountEpoch',
  configChanged: 'configChanged',
} as const;

/** The badge's polling alarm. */
export const POLL_ALARM = 'poll-join-requests';
