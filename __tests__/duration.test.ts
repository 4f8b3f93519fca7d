import { describeExpiry, formatDuration, parseDuration } from '../src/core/duration.js';
import { UserError } from '../src/core/errors.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['45', 45_000],
    [' 5m ', 300_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['1d1h1m1s', 90_061_000],
    ['2m30s', 150_000],
  ])('%s', (text, ms) => expect(parseDuration('min-ttl', text)).toBe(ms));

  it.each(['', 'soon', '-5m', '1.5h', '2w', 'm', '30m1h', '1h1h', '1h30'])('rejects %j naming the input', (text) => {
    expect(() => parseDuration('min-ttl', text)).toThrow(UserError);
    expect(() => parseDuration('min-ttl', text)).toThrow(/^min-ttl: .* use e\.g\. 90s, 30m, 2h, 1h30m/);
  });
});

describe('a year at most', () => {
  it.each([
    ['365d', 365 * 86_400_000],
    ['31536000', 31_536_000_000],
    ['8760h', 31_536_000_000],
  ])('takes %s', (text, ms) => expect(parseDuration('lock-timeout', text)).toBe(ms));

  it.each(['366d', '365d1s', '31536001', '8761h', '525601m', '9'.repeat(400), `${'9'.repeat(400)}d`])(
    'refuses %s naming the input',
    (text) => {
      const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
      expect(() => parseDuration('lock-timeout', text)).toThrow(
        new UserError('OB_INPUT_INVALID', `lock-timeout: "${shown}" is longer than a year; use at most 365d.`),
      );
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59_000, '59s'],
    [5_400_000, '1h30m'],
    [3_605_000, '1h5s'],
    [90_061_000, '1d1h1m1s'],
  ])('%d', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('every duration printed is one the inputs accept', () => {
  it.each([0, 1_000, 59_000, 60_000, 3_599_000, 3_605_000, 5_400_000, 86_400_000, 90_061_000, 1_234_567_000])(
    'format → parse gives back %d ms',
    (ms) => expect(parseDuration('min-ttl', formatDuration(ms))).toBe(ms),
  );

  it.each(['90s', '30m', '2h', '1d', '45', '1h30m', '2m30s', '100m'])('parse → format → parse keeps %s', (text) => {
    const ms = parseDuration('min-ttl', text);
    expect(parseDuration('min-ttl', formatDuration(ms))).toBe(ms);
  });
});

describe('describeExpiry', () => {
  const NOW = Date.parse('2026-11-22T12:00:00Z');
  it('to the minute from now, with the instant; or when it was', () => {
    expect(describeExpiry(NOW + 3 * 86_400_000 - 30_000, NOW)).toBe('expires in 2d23h59m, at 2026-11-25T11:59:30.000Z');
    expect(describeExpiry(NOW - 1, NOW)).toBe('expired at 2026-11-22T11:59:59.999Z');
  });
});
