// The names the functions publish their metrics under and the alarms read, kept in one place so a
// renamed metric cannot silently leave an alarm watching nothing.

/** The CloudWatch namespace of every metric the tracker emits in embedded metric format. */
export const metricNamespace = 'CouncilPressTracker';

/** Metric names, each a count unless its name says otherwise. */
export const metricNames = {
  sourcesPolled: 'SourcesPolled',
  sourcesUnchanged: 'SourcesUnchanged',
  sourcesFailed: 'SourcesFailed',
  itemsNew: 'ItemsNew',
  mentionsFound: 'MentionsFound',
  leads: 'Leads',
  searchQueries: 'SearchQueries',
  sourcesDispatched: 'SourcesDispatched',
  facebookCalls: 'FacebookCalls',
  facebookTokenRejected: 'FacebookTokenRejected',
  digestsSent: 'DigestsSent',
  alertsSent: 'AlertsSent',
  apiLatency: 'ApiLatency',
} as const;

/** The `service` dimension each function's metrics carry (Powertools adds it to every metric). */
export const metricServices = {
  api: 'api',
  dispatch: 'dispatch',
  scrapeWorker: 'scrape-worker',
  weeklyDigest: 'weekly-digest',
  facebookSnapshot: 'facebook-snapshot',
  alerts: 'alerts',
} as const;
