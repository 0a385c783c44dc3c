import type { Finding } from "../../check/index.js";

/** A ranked article the top story can be chosen from, with why it ranked where it did. */
export interface DeskCandidate {
  id: string;
  headline: string;
  /** 1 = the machine's top story. */
  rank: number;
  reasons: string[];
  /** Arrived after an editor first changed the draft (it never replaces edited text). */
  isNew: boolean;
}

/** A key point as the form shows it: its text, where it came from, and that source's sentence. */
export interface DeskPoint {
  text: string;
  /** The point's source in the article (`12.3`, `u0.2.1` for a ticker update) or `w` for a written one. */
  ref: string;
  /** The article sentence the point was taken from (null for a point the editor wrote). */
  source: string | null;
}

/** What the desk form holds: the draft's editable fields (or, after a conflict, the merge). */
export interface DeskFormValues {
  subject: string;
  preheader: string;
  intro: string;
  signature: string;
  /** Candidate id of the top story. */
  top: string;
  /** Candidate ids of the further headlines, in order. */
  more: string[];
  teaser: string;
  points: DeskPoint[];
}

/** One recorded change: who changed which field when, from what to what. */
export interface DeskChange {
  version: number;
  by: string;
  at: string;
  field: string;
  before: string;
  after: string;
}

/** The message at the top of the desk after an action. */
export interface DeskNotice {
  kind: "saved" | "approved" | "held" | "conflict" | "error";
  text: string;
  /** For a conflict: the other editors' changes since the version the form started from. */
  changes?: DeskChange[];
  /** Fields both changed: the value this editor sent, kept in the form. */
  clashes?: { field: string; mine: string; theirs: string }[];
}

/** The pre-send gate on the draft's rendering, or why the draft could not be rendered. */
export type DeskGate = { ok: boolean; findings: Finding[] } | { error: string };

/** Everything one desk page shows. */
export interface DeskView {
  date: string;
  editorName: string;
  csrf: string;
  version: number;
  state: string;
  heldReason: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
  values: DeskFormValues;
  /** The values of the draft version the form saves against (for the merge after a conflict). */
  base: DeskFormValues;
  candidates: DeskCandidate[];
  gate: DeskGate;
  /** The email's plain-text part as it would be sent (null when it could not be rendered). */
  text: string | null;
  log: DeskChange[];
  notice: DeskNotice | null;
}

/** True when the gate lets the draft be approved. */
export function isGatePassed(gate: DeskGate): boolean {
  return "ok" in gate && gate.ok;
}
