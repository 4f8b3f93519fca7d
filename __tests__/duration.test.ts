import { formatDuration, parseDuration } from '../src/duration.js';
import { UserError } from '../src/errors.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['45', 45_000],
    [' 5m ', 300_000],
  ])('%s', (text, ms) => expect(parseDuration('min-ttl', text)).toBe(ms));

  it.each(['', 'soon', '-5m', '1.5h', '2w', 'm'])('rejects %j naming the input', (text) => {
    expect(() => parseDuration('min-ttl', text)).toThrow(UserError);
    expect(() => parseDuration('min-ttl', text)).toThrow(/^min-ttl: .* use e\.g\. 90s, 30m, 2h/);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59_000, '59s'],
    [5_400_000, '1h30m'],
    [90_061_000, '1d1h1m1s'],
  ])('%d', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
