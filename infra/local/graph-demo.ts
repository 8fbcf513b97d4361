// `npm start -- --demo`: the Graph API stand-in with 120 days of the sample page, configured as the
// page the local stack snapshots (unless the operator configured a page of their own).
import { loadRoster } from '#shared/config/roster.ts';
import { bakuDay } from '#shared/time/baku-calendar.ts';
import { startGraphSimulator } from './graph-api-simulator.ts';
import { demoPage } from './graph-demo-data.ts';

/** Starts the stand-in and points FACEBOOK_* at it; resolves to undefined when a page is already configured. */
export async function startDemoGraph(rosterPath: string) {
  if (process.env.FACEBOOK_PAGE_ID?.trim()) return undefined;
  const simulator = await startGraphSimulator({
    page: demoPage(loadRoster(rosterPath), bakuDay(new Date())),
  });
  process.env.FACEBOOK_PAGE_ID = simulator.pageId;
  process.env.FACEBOOK_PAGE_TOKEN = simulator.token;
  process.env.FACEBOOK_GRAPH_URL = simulator.url;
  return simulator;
}
