// Reports and model motions are both contributions: stored in the same rows, with the same versions, review,
// hiding, comments, flags and attachments. What differs for people is the address and the words.
export type ContributionType = 'REPORT' | 'MOTION';

export interface ContributionKind {
  /** Where the list and the pages live: /berichte, /antraege. */
  path: string;
  /** "Bericht" / "Vorlage": on buttons. */
  noun: string;
  /** "den Bericht" / "die Vorlage" … for messages: nominative and accusative with article, possessive, pronoun. */
  the: string;
  theAcc: string;
  this: string;
  thisAcc: string;
  your: string;
  yourAcc: string;
  /** Pronouns: "er"/"sie", "ihn"/"sie", "sein"/"ihr" (possessive stem). */
  it: string;
  itAcc: string;
  its: string;
  /** "Erfahrungsbericht" / "Musterantrag": labels in the moderation queue. */
  label: string;
  /** The admins' decision page for a waiting version. */
  reviewPath: string;
}

export const CONTRIBUTION_KINDS: Record<ContributionType, ContributionKind> = {
  REPORT: {
    path: '/berichte',
    noun: 'Bericht',
    the: 'der Bericht',
    theAcc: 'den Bericht',
    this: 'dieser Bericht',
    thisAcc: 'diesen Bericht',
    your: 'dein Bericht',
    yourAcc: 'deinen Bericht',
    it: 'er',
    itAcc: 'ihn',
    its: 'sein',
    label: 'Erfahrungsbericht',
    reviewPath: '/admin/moderation/berichte',
  },
  MOTION: {
    path: '/antraege',
    noun: 'Vorlage',
    the: 'die Vorlage',
    theAcc: 'die Vorlage',
    this: 'diese Vorlage',
    thisAcc: 'diese Vorlage',
    your: 'deine Vorlage',
    yourAcc: 'deine Vorlage',
    it: 'sie',
    itAcc: 'sie',
    its: 'ihr',
    label: 'Musterantrag',
    reviewPath: '/admin/moderation/antraege',
  },
};

export const kindOf = (type: ContributionType | string): ContributionKind => CONTRIBUTION_KINDS[type === 'MOTION' ? 'MOTION' : 'REPORT'];

/** "Der Bericht" from "der Bericht". */
export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The page of a contribution. */
export const contributionHref = (type: ContributionType | string, slug: string) => `${kindOf(type).path}/${slug}`;
