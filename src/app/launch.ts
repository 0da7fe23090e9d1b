/**
 * A track fixed for this launch: by the package (`<meta name="course-track">`, written when
 * an administrator's package is built for one track) or by a `?track=` launch parameter;
 * `tracks`: the course's track ids.
 */
export function presetTrack(tracks: readonly string[], doc: Document = document, search = location.search): string | null {
  const fromMeta = doc.querySelector('meta[name="course-track"]')?.getAttribute('content');
  const fromUrl = new URLSearchParams(search).get('track');
  const id = fromMeta || fromUrl;
  return id && tracks.includes(id) ? id : null;
}

/** A cmi5 package launched by a cmi5 LMS (the fetch URL in the launch parameters). */
export function cmi5Launch(doc: Document = document, search = location.search): boolean {
  return !!doc.querySelector('meta[name="course-cmi5"]') && /[?&]fetch=/.test(search);
}
