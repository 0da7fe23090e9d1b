/**
 * Moodle 4.4's SCORM report downloads (Reports tab → Download; basic, interactions and
 * objectives reports), as in ../shared/lms-exports/moodle-4.4/. English column names are the
 * ones in those files; the French ones follow Moodle's French language pack and are not
 * checked against a French site.
 *
 * Facts the layout encodes (mod/scorm/report/*): one row per learner and attempt; the four
 * date/score columns are "-" for a learner with no attempt; the column named after the SCO
 * holds the raw score when one is stored, else the status word; interaction groups
 * "Question n / Response n / Right answer n / Result n" follow the order written (a retried
 * decision is a new group); each interaction value is HTML-escaped.
 */
import type { DownloadLayout } from './layout.ts';

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};

/** "Friday, 4 December 2026, 8:54 PM" (English) or "vendredi 4 décembre 2026, 20:54" (French). */
function date(text: string): number | null {
  const t = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const m = /(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4}),?\s+(\d{1,2})[:h](\d{2})\s*(am|pm)?/.exec(t);
  if (!m) return null;
  const month = MONTHS[m[2]];
  if (!month) return null;
  let hour = Number(m[4]);
  if (m[6] === 'pm' && hour < 12) hour += 12;
  if (m[6] === 'am' && hour === 12) hour = 0;
  return Date.UTC(Number(m[3]), month - 1, Number(m[1]), hour, Number(m[5]));
}

export const moodle44: DownloadLayout = {
  name: 'Moodle 4.4',
  columns: {
    name: ['name', 'nom', 'first name / last name', 'prenom / nom'],
    email: ['email address', 'adresse de courriel', 'adresse courriel', 'courriel'],
    attempt: ['attempt', 'tentative'],
    started: ['started on', 'commence le', 'debute le'],
    lastAccess: ['last accessed on', 'dernier acces le', 'dernier acces'],
    score: ['score', 'note'],
  },
  interaction: {
    question: /^(?:question|identifiant de la question)\s+(\d+)$/i,
    response: /^(?:response|reponse)\s+(\d+)$/i,
    right: /^(?:right answer|bonne reponse|reponse correcte)\s+(\d+)$/i,
    result: /^(?:result|resultat)\s+(\d+)$/i,
  },
  objective: /^(?:course|(?:trk|mod|sec)_[A-Za-z0-9_-]+)$/,
  objectiveSuffix: { status: /^(.+)\s+(?:status|statut)$/i, score: /^(.+)\s+(?:score|note)$/i },
  statusWords: {
    passed: 'passed', completed: 'completed', failed: 'failed', incomplete: 'incomplete', browsed: 'browsed',
    'not attempted': 'not attempted', notattempted: 'not attempted',
    reussi: 'passed', termine: 'completed', echoue: 'failed', echec: 'failed', incomplet: 'incomplete', consulte: 'browsed', 'non tente': 'not attempted',
  },
  empty: ['-', ''],
  date,
};
