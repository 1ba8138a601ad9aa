/** A refused spec field: the dotted path (e.g. "model.d", "data.sequences.1.x") and what is wrong. */
export interface SpecIssue {
  field: string;
  message: string;
}
