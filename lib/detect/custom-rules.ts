import type { CustomRule } from './custom-rule-schema';
import { safeQueryAll, textOf, valueOf } from './dom';
import { person, personFromText, uniquePeople } from './person';
import { emailsIn } from './text';
import type { DetectedPerson, PersonRole } from './types';
import { hostMatches, urlMatchesPattern } from './url-pattern';

export type { CustomRule };

/** The rules that apply to `url`. */
export function rulesFor(rules: readonly CustomRule[], url: URL): CustomRule[] {
  return rules.filter((r) => hostMatches(r.host, url.hostname) && urlMatchesPattern(r.urlPattern, url));
}

/** People found by the rules' selectors, in rule order. Invalid selectors match nothing. */
export function applyCustomRules(rules: readonly CustomRule[], doc: Document, url: URL): DetectedPerson[] {
  return uniquePeople(rulesFor(rules, url).flatMap((rule) => safeQueryAll(doc, rule.selector, 5).map((el) => readElement(el, rule.role))));
}

/** An element's person: its text (`Name <email>`), value, mailto link or email-bearing attributes. */
function readElement(el: Element, role: PersonRole): DetectedPerson | null {
  const text = textOf(el, 400);
  const fromText = personFromText(role, 'rule', text ?? valueOf(el));
  if (fromText?.email) return fromText;
  const attributes = ['href', 'title', 'aria-label', 'value', 'data-email'].map((a) => el.getAttribute(a) ?? '').join(' ');
  const email = emailsIn(attributes.replace(/mailto:/gi, ' '), 1)[0];
  return email ? person(role, 'rule', email, fromText?.name) : fromText;
}
