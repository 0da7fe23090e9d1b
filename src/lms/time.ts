/**
 * SCORM time formats. Real LMSs reject what the specification does not allow even where the
 * test runtimes accept it: `0:3` (one-digit hours) in 1.2, `P0S` or `PT50S.21S` in 2004.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Splits a duration into whole hours, minutes, seconds and centiseconds (rounded, never negative). */
function parts(ms: number) {
  const cs = Number.isFinite(ms) ? Math.max(0, Math.round(ms / 10)) : 0;
  return { h: Math.floor(cs / 360000), m: Math.floor(cs / 6000) % 60, s: Math.floor(cs / 100) % 60, c: cs % 100 };
}

/**
 * SCORM 1.2 CMITimespan `HHHH:MM:SS.SS`: hours on two to four digits, centiseconds only when
 * not zero. Durations past 9999 hours are capped (the format cannot say more).
 */
export function scorm12Timespan(ms: number): string {
  const { h, m, s, c } = parts(ms);
  if (h > 9999) return '9999:59:59.99';
  return `${pad(h)}:${pad(m)}:${pad(s)}${c ? `.${pad(c)}` : ''}`;
}

/**
 * SCORM 2004 duration (ISO 8601), always with hours, minutes and seconds: `PT0H0M0S`,
 * `PT1H5M10.25S`. The full form is accepted by every LMS; the shortest forms are not.
 */
export function isoDuration(ms: number): string {
  const { h, m, s, c } = parts(ms);
  const frac = c ? `.${pad(c)}`.replace(/0$/, '') : '';
  return `PT${h}H${m}M${s}${frac}S`;
}

/** SCORM 1.2 CMITime, the local time of day `HH:MM:SS` (interaction time). */
export function scorm12TimeOfDay(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * SCORM 2004 timestamp, UTC to the centisecond: `2025-03-01T10:00:00.12Z`. The zone may only
 * follow a fraction of a second in this format, so the fraction is always written.
 */
export function isoTimestamp(at: number): string {
  return new Date(at).toISOString().slice(0, 22) + 'Z';
}
