import type { CourseDefinition } from '../engine/definition.ts';

/**
 * A track fixed for this launch: by the package (`<meta name="course-track">`, written when
 * an administrator's package is built for one track) or by a `?track=` launch parameter.
 */
export function presetTrack(def: Pick<CourseDefinition, 'tracks'> | { tracks: { id: string }[] }, doc: Document = document, search = location.search): string | null {
  const fromMeta = doc.querySelector('meta[name="course-track"]')?.getAttribute('content');
  const fromUrl = new URLSearchParams(search).get('track');
  const id = fromMeta || fromUrl;
  return id && def.tracks.some((t) => t.id === id) ? id : null;
}
