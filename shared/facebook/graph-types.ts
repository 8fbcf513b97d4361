// The Graph API answers the client reads, as documented for Page and Page Post nodes.

/** The page node with the fields asked for. */
export interface GraphPage {
  id?: string;
  name?: string;
  followers_count?: number;
  fan_count?: number;
}

/** One post of /{page-id}/published_posts with the fields asked for. */
export interface GraphPost {
  id: string;
  created_time: string;
  message?: string;
  permalink_url?: string;
  shares?: { count?: number };
  reactions?: { summary?: { total_count?: number } };
  comments?: { summary?: { total_count?: number } };
}

/** One daily value of an insights metric, on the day it counts. */
export interface InsightValue {
  day: string;
  value: number;
}

/**
 * The daily page insights still offered after Meta's 2025 retirements (the page_impressions* and
 * page_fans* metrics now answer "invalid metric").
 */
export const insightMetrics = [
  'page_media_view',
  'page_total_media_view_unique',
  'page_follows',
  'page_post_engagements',
  'page_daily_follows_unique',
] as const;

/** The most days one insights request may span. */
export const maxInsightDays = 90;
