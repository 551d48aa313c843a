import type { HelpdeskAdapter } from '../adapter';
import { safeQueryAll, safeQuery, valueOf } from '../dom';
import { person, uniquePeople } from '../person';
import type { PersonRole } from '../types';
import { numericParam } from './shared';

// GLPI templates/components/itilobject/actors/field.html.twig: one <select data-actor-type> per actor kind.
const ACTORS: [type: string, role: PersonRole][] = [['requester', 'requester'], ['observer', 'contact']];

export const glpi: HelpdeskAdapter = {
  id: 'glpi',
  name: 'GLPI',
  matchesUrl: (url) => /\/front\/ticket\.form\.php$/.test(url.pathname),
  ticketId: (url) => numericParam(url, 'id'),
  fromDom(doc) {
    return uniquePeople(
      ACTORS.flatMap(([type, role]) =>
        safeQueryAll(doc, `select[data-actor-type="${type}"] option[data-itemtype="User"], select[data-actor-type="${type}"] option[data-alternative-email]`, 10)
          .filter((o) => o.hasAttribute('selected') || (o as HTMLOptionElement).selected)
          .map((o) =>
            person(
              role,
              'dom',
              o.getAttribute('data-default-email') || o.getAttribute('data-alternative-email'),
              o.getAttribute('data-text') ?? o.textContent,
            ),
          ),
      ),
    );
  },
  ticketTitle: (doc) => valueOf(safeQuery(doc, 'input[name="name"]')),
};
