// The rule registry, in the order rules run. A code is never reused; a name is what
// tasktable.json uses to set a rule's level.

import type { Rule } from "./types.js";
import { numberGap } from "./TT101-number-gap.js";
import { numberDuplicate } from "./TT102-number-duplicate.js";
import { numberOrder } from "./TT103-number-order.js";
import { markerForm } from "./TT104-marker-form.js";
import { brokenMarker } from "./TT105-broken-marker.js";
import { levelParent } from "./TT106-level-parent.js";
import { taskWithoutNumber } from "./TT107-task-without-number.js";
import { mixedWidth } from "./TT108-mixed-width.js";
import { missingLead } from "./TT201-missing-lead.js";
import { dittoWithoutSource } from "./TT202-ditto-without-source.js";
import { leadIsPartner } from "./TT203-lead-is-partner.js";
import { duplicateUnit } from "./TT204-duplicate-unit.js";
import { unknownUnit } from "./TT205-unknown-unit.js";
import { nonCanonicalUnit } from "./TT206-non-canonical-unit.js";
import { emptyListItem } from "./TT207-empty-list-item.js";
import { emptyField } from "./TT301-empty-field.js";
import { unknownField } from "./TT302-unknown-field.js";
import { unbalancedBrackets } from "./TT303-unbalanced-brackets.js";
import { docNumber } from "./TT304-doc-number.js";
import { malformedDate } from "./TT305-malformed-date.js";
import { repeatedWord } from "./TT306-repeated-word.js";
import { emptyTitle } from "./TT307-empty-title.js";
import { orphanField } from "./TT308-orphan-field.js";

export const RULES: readonly Rule[] = [
  numberGap,
  numberDuplicate,
  numberOrder,
  markerForm,
  brokenMarker,
  levelParent,
  taskWithoutNumber,
  mixedWidth,
  missingLead,
  dittoWithoutSource,
  leadIsPartner,
  duplicateUnit,
  unknownUnit,
  nonCanonicalUnit,
  emptyListItem,
  emptyField,
  unknownField,
  unbalancedBrackets,
  docNumber,
  malformedDate,
  repeatedWord,
  emptyTitle,
  orphanField,
];

export function findRule(codeOrName: string): Rule | undefined {
  return RULES.find((r) => r.code === codeOrName || r.name === codeOrName);
}
