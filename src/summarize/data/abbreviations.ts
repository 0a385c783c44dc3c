// biome-ignore-all format: word lists read best as compact tables
/**
 * German abbreviations that end in a period, as word lists for the sentence splitter.
 *
 * Written without inner spaces; the splitter matches both the spaced ("z. B.") and the unspaced
 * ("z.B.") form. Two classes, because a period after an abbreviation is sometimes also the end
 * of the sentence:
 *
 * - `NON_FINAL_ABBREVIATIONS` practically never end a German sentence (titles, "z. B.", "Nr.").
 *   A period after them is never a boundary.
 * - `MAYBE_FINAL_ABBREVIATIONS` often end one ("… usw.", "44 v. Chr.", "5 Mrd."). A period after
 *   them is a boundary only when the next word is a typical sentence opener (see
 *   `sentence-openers.ts`), so "5 Mrd. Euro" stays whole but "… usw. Dann …" splits.
 */

export const NON_FINAL_ABBREVIATIONS: readonly string[] = [
  // titles and forms of address
  "Dr.", "Prof.", "Dipl.", "Ing.", "Hr.", "Hrn.", "Fr.", "Frl.", "Mag.", "Med.", "jun.", "sen.", "Sr.", "Jr.",
  "Mr.", "Mrs.", "Ms.", "Präs.", "Vors.", "Abg.", "Gen.", "Kard.", "Pfr.",
  // places and addresses
  "St.", "Str.", "Pl.", "Bhf.", "Hbf.", "Kr.", "Lkr.", "Reg.-Bez.",
  // references into texts and laws
  "Nr.", "Nrn.", "Abs.", "Art.", "Bd.", "Bde.", "Kap.", "Ziff.", "Lit.", "lit.", "Anm.", "Hg.", "Hrsg.",
  "Sp.", "Tab.", "Abb.", "Fn.", "vgl.", "Vgl.", "ff.", "Bl.",
  // connectives that sit inside a sentence
  "z.B.", "Z.B.", "u.a.", "U.a.", "d.h.", "D.h.", "bzw.", "Bzw.", "ca.", "Ca.", "ggf.", "Ggf.", "evtl.", "Evtl.",
  "sog.", "Sog.", "inkl.", "Inkl.", "exkl.", "zzgl.", "abzgl.", "einschl.", "bspw.", "Bspw.", "z.T.", "Z.T.",
  "u.U.", "U.U.", "i.d.R.", "I.d.R.", "o.g.", "s.o.", "s.u.", "z.Zt.", "z.Z.", "m.E.", "i.A.", "i.V.",
  "gem.", "lt.", "Lt.", "insb.", "Insb.", "bes.", "zw.", "vs.", "ehem.", "Ehem.", "verh.", "geb.", "gest.",
  "allg.", "entspr.", "jew.", "Jh.d.", "resp.", "urspr.", "z.Hd.",
  // organisations and legal forms that precede a name
  "Dt.", "dt.", "Bundesverf.",
  // measures that precede a number or noun
  "Tel.", "Fax.", "Co.", "Mwst.", "MwSt.",
];

export const MAYBE_FINAL_ABBREVIATIONS: readonly string[] = [
  "usw.", "etc.", "u.ä.", "o.ä.", "u.Ä.", "o.Ä.", "u.s.w.",
  "v.Chr.", "n.Chr.", "Chr.", "Jh.", "Jhd.", "Jhdt.",
  "Mio.", "Mrd.", "Bio.", "Tsd.", "Std.", "Min.", "Sek.", "Proz.",
  "Jan.", "Feb.", "Febr.", "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.",
  "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.",
  "e.V.", "a.D.", "i.R.", "GmbH.", "Inc.", "Ltd.", "Corp.",
];

/**
 * Abbreviations that close an enumeration ("Kohle, Öl, Gas etc."): nothing but a lower-case word
 * continues the sentence after them, so before a capital they end it.
 */
export const ENUMERATION_ENDERS: readonly string[] = ["usw.", "etc.", "u.ä.", "o.ä.", "u.Ä.", "o.Ä.", "u.s.w.", "uvm.", "u.v.m."];

/** Month names and their abbreviations: "am 15. Juni" is a date, never a boundary. */
export const MONTH_NAMES: readonly string[] = [
  "Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni", "Juli", "August", "September",
  "Oktober", "November", "Dezember",
  "Jan", "Feb", "Febr", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
];
