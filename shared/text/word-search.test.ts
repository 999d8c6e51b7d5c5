import { describe, expect, it } from 'vitest';
import { wordMatcher } from './word-search';

describe('wordMatcher', () => {
  it('needs every word, in any order and case, across all the texts', () => {
    const has = wordMatcher('  storytime  CORNISH ');
    expect(has('Cornish language storytimes')).toBe(true);
    expect(has('Storytime sessions', 'in Cornish')).toBe(true);
    expect(has('Storytime sessions')).toBe(false);
  });

  it('ignores accents, so “cafe” finds “Café”, and still needs every word', () => {
    expect(wordMatcher('rhyme STORY')('Baby Rhymetimes and Storytimes')).toBe(true);
    expect(wordMatcher('cafe')('Chatty Café')).toBe(true);
    expect(wordMatcher('job cafe')('Job club')).toBe(false);
  });

  it('matches everything when the query is empty or blank', () => {
    expect(wordMatcher('')('anything')).toBe(true);
    expect(wordMatcher('   ')()).toBe(true);
  });
});
