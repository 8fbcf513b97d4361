// The name matcher's public surface: compile a roster once, then match texts.
export {
  type CancelledMatch,
  compileMatcher,
  type MatchEvidence,
  type Matcher,
  type MatchHit,
  type MatchOptions,
  type MatchResult,
  type NamesakeReason,
} from './compile-matcher.ts';
