import { describe, expect, it } from 'vitest';
import { asPhrase, asSentence, countAtSentenceStart, formatPageRef } from './words';
import { formatQuantity } from './numbers';

describe('wording helpers the prose lint holds the engine to', () => {
  it('closes a percentage unit up to its number and spaces every other unit', () => {
    expect(formatQuantity(66.9, '% of adult social care users')).toBe('66.9% of adult social care users');
    expect(formatQuantity(5.9, '%')).toBe('5.9%');
    expect(formatQuantity(5210, 'loans')).toBe('5,210 loans');
    expect(formatQuantity(4.2, 'tCO2e per person')).toBe('4.2 tCO2e per person');
    expect(formatQuantity(12, '')).toBe('12');
    expect(formatQuantity(Number.NaN, '%')).toBe('');
  });

  it('says "page" once, however the officer typed the page', () => {
    expect(formatPageRef('p. 8')).toBe('page 8');
    expect(formatPageRef('8')).toBe('page 8');
    expect(formatPageRef('Page 12')).toBe('page 12');
    expect(formatPageRef('pp. 8-9')).toBe('pages 8–9');
    expect(formatPageRef('8 to 9')).toBe('pages 8–9');
    expect(formatPageRef('8, 12')).toBe('pages 8, 12');
    expect(formatPageRef('iv')).toBe('page iv');
    expect(formatPageRef('Appendix A')).toBe('Appendix A');
    expect(formatPageRef('  ')).toBe('');
  });

  it('ends a sentence with one full stop, and a phrase with none', () => {
    expect(asSentence('Readers found it very helpful.')).toBe('Readers found it very helpful.');
    expect(asSentence('Readers found it very helpful')).toBe('Readers found it very helpful.');
    expect(asSentence('Was it helpful?')).toBe('Was it helpful?');
    expect(asSentence('They said “helpful.”')).toBe('They said “helpful.”');
    expect(asSentence(' ')).toBe('');
    expect(asPhrase('Libraries are warm spaces.')).toBe('Libraries are warm spaces');
    expect(asPhrase('Wait for it...')).toBe('Wait for it...');
    expect(asPhrase('Warm spaces')).toBe('Warm spaces');
  });

  it('writes a count that opens a sentence in words, with the right noun', () => {
    expect(countAtSentenceStart(0, 'objective has', 'objectives have')).toBe('No objectives have');
    expect(countAtSentenceStart(1, 'objective has', 'objectives have')).toBe('One objective has');
    expect(countAtSentenceStart(13, 'objective')).toBe('Thirteen objectives');
    expect(countAtSentenceStart(20, 'claim')).toBe('Twenty claims');
    expect(countAtSentenceStart(42, 'claim')).toBe('Forty-two claims');
    expect(countAtSentenceStart(2074, 'claim')).toBe('In all, 2,074 claims');
  });
});
