// The name matcher's public surface: compile a roster once, then match texts.
export { compileMatcher, type Matcher, type MatchHit, type MatchOptions } from './compile-matcher.ts';
