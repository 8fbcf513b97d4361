// The API's route table: every route, its method, path and access rule, in one place.
import type { ApiRoute } from './api-types.ts';
import {
  createAlertSubscriptionRoute,
  deleteAlertSubscriptionRoute,
  listAlertSubscriptionsRoute,
  updateAlertSubscriptionRoute,
} from './routes/alert-routes.ts';
import { appConfigRoute } from './routes/app-config-route.ts';
import { feedsRoute, membersRoute } from './routes/catalog-routes.ts';
import { decideCoverageRoute, eventCoverageRoute } from './routes/coverage-routes.ts';
import { digestPreviewRoute } from './routes/digest-preview-route.ts';
import {
  createEventRoute,
  deleteEventRoute,
  editEventRoute,
  eventHistoryRoute,
  getEventRoute,
  listEventsRoute,
} from './routes/event-routes.ts';
import { exportRoute } from './routes/export-route.ts';
import { facebookSummaryRoute } from './routes/facebook-summary-route.ts';
import {
  countMentionsRoute,
  createManualMentionRoute,
  listMentionsRoute,
  reviewHistoryRoute,
  reviewMentionRoute,
} from './routes/mention-routes.ts';
import { openApiRoute } from './routes/openapi-route.ts';
import { listLeadsRoute, markOutletRoute, outletsRoute, reviewLeadRoute } from './routes/reach-routes.ts';
import { outcomesPdfRoute, outcomesReportRoute } from './routes/report-routes.ts';
import { indexRoute, staticFileRoute } from './routes/static-routes.ts';
import { healthRoute, statusRoute } from './routes/status-routes.ts';
import { summaryRoute } from './routes/summary-route.ts';

export const apiRoutes: readonly ApiRoute[] = [
  healthRoute,
  statusRoute,
  summaryRoute,
  facebookSummaryRoute,
  listMentionsRoute,
  countMentionsRoute,
  createManualMentionRoute,
  reviewMentionRoute,
  reviewHistoryRoute,
  membersRoute,
  outletsRoute,
  markOutletRoute,
  listLeadsRoute,
  reviewLeadRoute,
  feedsRoute,
  exportRoute,
  digestPreviewRoute,
  listAlertSubscriptionsRoute,
  createAlertSubscriptionRoute,
  updateAlertSubscriptionRoute,
  deleteAlertSubscriptionRoute,
  listEventsRoute,
  createEventRoute,
  getEventRoute,
  editEventRoute,
  deleteEventRoute,
  eventHistoryRoute,
  eventCoverageRoute,
  decideCoverageRoute,
  outcomesReportRoute,
  outcomesPdfRoute,
  openApiRoute,
  appConfigRoute,
  indexRoute,
  staticFileRoute,
];
