import { describe, expect, test } from 'vitest';
import { isoDuration, isoTimestamp, scorm12TimeOfDay, scorm12Timespan } from '../../src/lms/time.ts';

const S = 1000;
const H = 3600 * S;
// Lengths a session can take: zero, fractions, minutes, hours, days, and the 1.2 cap.
const samples = [0, 4, 5, 10, 999, S, 50.21 * S, 59.999 * S, 61 * S, 3725.5 * S, 9 * H, 10 * H + 0.07 * S, 26 * H, 9999 * H + 59 * 60 * S, 12345 * H];

describe('SCORM 1.2 CMITimespan (HHHH:MM:SS.SS)', () => {
  test.each([
    [0, '00:00:00'],
    [3 * S, '00:00:03'],
    [65.25 * S, '00:01:05.25'],
    [3725.5 * S, '01:02:05.50'],
    [10 * H, '10:00:00'],
    [123 * H + 4 * 60 * S + 5.1 * S, '123:04:05.10'],
  ])('%d ms → %s', (ms, text) => expect(scorm12Timespan(ms)).toBe(text));

  test('never one-digit hours, minutes or seconds; at most four hour digits', () => {
    for (const ms of samples) expect(scorm12Timespan(ms)).toMatch(/^\d{2,4}:[0-5]\d:[0-5]\d(\.\d\d)?$/);
  });

  test('caps what the format cannot hold and never goes negative', () => {
    expect(scorm12Timespan(12345 * H)).toBe('9999:59:59.99');
    expect(scorm12Timespan(-5000)).toBe('00:00:00');
    expect(scorm12Timespan(Number.NaN)).toBe('00:00:00');
  });

  test('rounds to the centisecond, carrying into the next second', () => {
    expect(scorm12Timespan(59.999 * S)).toBe('00:01:00');
  });
});

describe('SCORM 2004 durations (ISO 8601)', () => {
  test.each([
    [0, 'PT0H0M0S'],
    [50.21 * S, 'PT0H0M50.21S'],
    [3725.5 * S, 'PT1H2M5.5S'],
    [26 * H, 'PT26H0M0S'],
    [5, 'PT0H0M0.01S'],
  ])('%d ms → %s', (ms, text) => expect(isoDuration(ms)).toBe(text));

  test('never P0S, never a fraction after the unit, always the time designator', () => {
    for (const ms of samples) {
      const d = isoDuration(ms);
      expect(d).toMatch(/^PT\d+H\d+M\d+(\.\d{1,2})?S$/);
      expect(d).not.toMatch(/S\./);
      expect(d).not.toBe('P0S');
    }
  });
});

describe('timestamps', () => {
  test('2004: UTC with centiseconds, so the zone may follow', () => {
    expect(isoTimestamp(Date.UTC(2025, 2, 1, 9, 5, 7, 123))).toBe('2025-03-01T09:05:07.12Z');
    expect(isoTimestamp(Date.UTC(2025, 11, 31, 23, 59, 59, 0))).toBe('2025-12-31T23:59:59.00Z');
  });
  test('1.2: the time of day on two digits each', () => {
    for (const h of [0, 9, 23]) expect(scorm12TimeOfDay(new Date(2025, 0, 1, h, 4, 5).getTime())).toBe(`${String(h).padStart(2, '0')}:04:05`);
  });
});
