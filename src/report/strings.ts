/** Every word of the report in both languages (the manager's language is a switch). */
import type { FollowUp, Flag } from './figures.ts';
import type { Status } from './learners.ts';

export type Words = { fr: string; en: string };

export const STATUS: Record<Status, Words> = {
  'not-started': { fr: 'Pas commencé', en: 'Not started' },
  'in-progress': { fr: 'En cours', en: 'In progress' },
  failed: { fr: 'Évaluation échouée', en: 'Assessment failed' },
  passed: { fr: 'Évaluation réussie, attestation à confirmer', en: 'Assessment passed, attestation not yet confirmed' },
  completed: { fr: 'Terminé (réussi et attesté)', en: 'Completed (passed and attested)' },
};

export const FOLLOW_UP: Record<FollowUp, Words> = {
  'not-started': { fr: 'Pas commencé', en: 'Not started' },
  stalled: { fr: 'Au point mort', en: 'Stalled' },
  'failed-attempts-left': { fr: 'Échoué, tentatives restantes', en: 'Failed, attempts left' },
  'attempts-exhausted': { fr: 'Tentatives épuisées', en: 'Attempts exhausted' },
};

export const FLAG: Record<Flag, Words> = {
  'too-easy': { fr: 'trop facile (plus de 95 % de bonnes réponses)', en: 'too easy (over 95 % right)' },
  'too-hard': { fr: 'trop difficile (moins de 20 % de bonnes réponses)', en: 'too hard (under 20 % right)' },
  'negative-discrimination': { fr: 'discrimination négative : les plus forts se trompent plus souvent', en: 'negative discrimination: stronger learners get it wrong more often' },
  'few-answers': { fr: 'trop peu de réponses pour juger', en: 'too few answers to judge' },
};

export const W = {
  title: { fr: 'Rapport de suivi', en: 'Follow-up report' },
  lang: { fr: 'Langue du rapport', en: 'Report language' },
  privacyAggregate: {
    fr: 'Vue agrégée : les apprenants sont numérotés, sans nom ni courriel. Pour voir les noms, relancez la commande avec --names.',
    en: 'Aggregate view: learners are numbered, without names or e-mails. To see names, run the command again with --names.',
  },
  privacyNames: {
    fr: 'Ce rapport contient des noms et des courriels (option --names) : ne le diffusez qu’aux personnes qui assurent le suivi.',
    en: 'This report contains names and e-mail addresses (--names option): share it only with the people who do the follow-up.',
  },
  sources: { fr: 'Fichiers lus', en: 'Files read' },
  summary: { fr: 'En bref', en: 'At a glance' },
  learners: { fr: 'apprenants', en: 'learners' },
  completion: { fr: 'Avancement par apprenant', en: 'Completion per learner' },
  followUp: { fr: 'À relancer', en: 'Needs follow-up' },
  followUpNone: { fr: 'Personne à relancer.', en: 'Nobody needs follow-up.' },
  decisions: { fr: 'Décisions dans les scénarios', en: 'Decisions in the scenarios' },
  decisionsIntro: {
    fr: 'Premier choix de chaque apprenant à chaque décision (les essais suivants sont comptés à part). La meilleure option est marquée ✓.',
    en: 'Each learner’s first choice at each decision (later tries counted apart). The best option is marked ✓.',
  },
  poor: { fr: 'Les choix faibles les plus fréquents', en: 'Most common poor choices' },
  questions: { fr: 'Questions', en: 'Questions' },
  questionsIntro: {
    fr: 'Facilité : part de bonnes réponses (premier essai aux vérifications, première tentative à l’évaluation). Discrimination : corrélation point-bisériale avec le reste de l’évaluation (au-dessus de 0,2 : la question sépare bien).',
    en: 'Facility: share of right answers (first try at checks, first attempt at the assessment). Discrimination: point-biserial correlation with the rest of the assessment (above 0.2: the question separates well).',
  },
  clauses: { fr: 'Clauses : à revoir en formation', en: 'Clauses: what to reteach' },
  clausesIntro: {
    fr: 'Part des premières réponses justes aux décisions et questions qui portent sur chaque clause, de la plus faible à la plus forte.',
    en: 'Share of first answers right at the decisions and questions that bear on each clause, weakest first.',
  },
  problems: { fr: 'Ce que le rapport n’a pas pu lire', en: 'What the report could not read' },
  problemsNone: { fr: 'Tout a été lu.', en: 'Everything was read.' },
  map: { fr: 'Carte du scénario avec les parts de premiers choix', en: 'Scenario map with first-choice shares' },
  // Table headings and filters.
  learner: { fr: 'Apprenant', en: 'Learner' },
  status: { fr: 'Statut', en: 'Status' },
  track: { fr: 'Parcours', en: 'Track' },
  programme: { fr: 'Programme', en: 'Programme' },
  score: { fr: 'Note', en: 'Score' },
  attempts: { fr: 'Tentatives à l’évaluation', en: 'Assessment attempts' },
  time: { fr: 'Temps passé', en: 'Time spent' },
  lastAccess: { fr: 'Dernier accès', en: 'Last access' },
  reason: { fr: 'Motif', en: 'Reason' },
  all: { fr: 'Tous', en: 'All' },
  unknown: { fr: 'inconnu', en: 'unknown' },
  onlyFollowUp: { fr: 'Seulement les apprenants à relancer', en: 'Only learners who need follow-up' },
  shown: { fr: 'apprenants affichés', en: 'learners shown' },
  option: { fr: 'Option', en: 'Option' },
  firstChoice: { fr: 'Premier choix', en: 'First choice' },
  allChoices: { fr: 'Tous les essais', en: 'All tries' },
  share: { fr: 'Part', en: 'Share' },
  scenario: { fr: 'Scénario', en: 'Scenario' },
  clause: { fr: 'Clause', en: 'Clause' },
  question: { fr: 'Question', en: 'Question' },
  kind: { fr: 'Type', en: 'Kind' },
  check: { fr: 'Vérification', en: 'Check' },
  assessment: { fr: 'Évaluation', en: 'Assessment' },
  answers: { fr: 'Réponses', en: 'Answers' },
  facility: { fr: 'Facilité', en: 'Facility' },
  discrimination: { fr: 'Discrimination', en: 'Discrimination' },
  distractors: { fr: 'Choix par option', en: 'Choices per option' },
  flags: { fr: 'Signalements', en: 'Flags' },
  rightFirst: { fr: 'Juste du premier coup', en: 'Right first time' },
  file: { fr: 'Fichier', en: 'File' },
  kindRead: { fr: 'Lu comme', en: 'Read as' },
  rows: { fr: 'Lignes', en: 'Rows' },
  timeNote: {
    fr: 'Temps passé : durées xAPI si disponibles ; sinon écart entre premier et dernier accès (Moodle ne fournit pas mieux dans ses exports).',
    en: 'Time spent: xAPI durations when available; otherwise the span between first and last access (Moodle’s downloads give nothing better).',
  },
  stalledNote: { fr: 'Au point mort : en cours, sans accès depuis plus de {n} jours au {d}.', en: 'Stalled: in progress, no access for more than {n} days as of {d}.' },
  versions: { fr: 'Version(s) du contenu', en: 'Content version(s)' },
  bestMark: { fr: 'meilleure option', en: 'best option' },
  choices: { fr: 'choix', en: 'choices' },
  tableWord: { fr: '(tableau)', en: '(table)' },
} satisfies Record<string, Words>;
