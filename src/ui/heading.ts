/**
 * The heading of each screen, and the document title built from it: one source, so the
 * title a screen reader announces on a tab switch matches the heading focus lands on.
 */
import type { ShellApp } from './shell.ts';

export interface Heading {
  /** A short kind label shown above the title ("Decision", "Content notice"). */
  eyebrow?: string;
  text: string;
}

export function headingOf(app: ShellApp): Heading {
  const h = rawHeading(app);
  // A notice page titled "Content notice" needs no "Content notice" label above it.
  return h.eyebrow && h.eyebrow.toLocaleLowerCase() === h.text.toLocaleLowerCase() ? { text: h.text } : h;
}

function rawHeading(app: ShellApp): Heading {
  const { t, content: c } = app;
  if (app.writer !== 'here') return { text: t(`writer.${app.writer}.heading`) };
  if (app.failed) return { text: t('failure.heading') };
  if (app.askResume) return { text: t('resume.heading') };
  const s = app.view.screen;
  switch (s.kind) {
    case 'welcome': return { text: c.plain(app.head.title) };
    case 'track': return { text: t('track.heading') };
    case 'programme': return { text: t('programme.heading') };
    case 'page': return { eyebrow: s.notice ? t('page.notice') : undefined, text: c.plain(s.title) };
    case 'scenario': {
      const kind = s.node.kind === 'chosen' ? 'feedback' : s.node.kind === 'ending' ? 'debrief' : s.node.kind;
      return { eyebrow: `${t('scenario.label')} · ${t(`scenario.${kind}`)}`, text: c.plain(s.title) };
    }
    case 'check': return { eyebrow: s.answered ? (s.answered.correct ? t('check.correct') : t('check.incorrect')) : undefined, text: t('check.heading') };
    case 'assessment': return { eyebrow: `${t('assessment.heading')} · ${c.plain(s.section.title)}`, text: t('assessment.position', { n: s.index + 1, total: s.total }) };
    case 'result': return { eyebrow: t('assessment.heading'), text: s.result.passed ? t('result.passed') : t('result.failed') };
    case 'attestation': return { text: t('attestation.heading') };
    case 'done': return { eyebrow: t('done.heading'), text: t('done.certificate') };
  }
}

/** "Decision · The birthday envelope · Course title", most specific first. */
export function documentTitle(app: ShellApp): string {
  const h = headingOf(app);
  const course = app.content.plain(app.head.title);
  const parts = [h.eyebrow?.split(' · ').pop(), h.text, course].filter((p, i, all): p is string => !!p && all.indexOf(p) === i);
  return parts.join(app.t('titleSeparator'));
}
