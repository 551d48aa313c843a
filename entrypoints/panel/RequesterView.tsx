import { useEffect, useState } from 'preact/hooks';
import type { Detection } from '@/lib/detect/types';
import type { CardRef } from '@/components/hooks/useUserCard';
import CandidateSwitcher from '@/components/CandidateSwitcher';
import PersonLookup from '@/components/PersonLookup';

type RequesterViewProps = { detection: Detection };

/** The people found on the ticket, a switcher when there is more than one, and the chosen one's card. */
export default function RequesterView({ detection }: RequesterViewProps) {
  const [selected, setSelected] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  useEffect(() => {
    setSelected(0);
    setOpened(null);
  }, [detection.ticketUrl, detection.ticketId]);
  const person = detection.people[selected] ?? detection.people[0];
  const target: CardRef | null = opened ? { userId: opened } : person?.email ? { email: person.email } : null;
  return (
    <section aria-label="Requester" class="stack">
      {detection.people.length > 1 ? (
        <CandidateSwitcher people={detection.people} selected={selected} onSelect={(i) => { setSelected(i); setOpened(null); }} />
      ) : null}
      {person ? (
        <header class="ticket-person" aria-label="Person named on the ticket">
          <span class="muted">On the ticket</span>
          <h2>{person.name ?? person.email}</h2>
          {person.name && person.email ? <span class="muted">{person.email}</span> : null}
        </header>
      ) : null}
      {target ? (
        <PersonLookup
          key={JSON.stringify(target)}
          target={target}
          ticketName={person?.name}
          onOpen={setOpened}
          source="panel"
          ticket={{ helpdesk: detection.helpdesk, id: detection.ticketId, url: detection.ticketUrl }}
        />
      ) : (
        <p class="muted">No requester email found on this ticket.</p>
      )}
      {detection.ticketId ? <p class="muted">Ticket {detection.ticketId}</p> : null}
    </section>
  );
}
