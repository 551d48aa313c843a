import { useEffect, useState } from 'preact/hooks';
import type { DetectedPerson, Detection } from '@/lib/detect/types';
import CandidateSwitcher from '@/components/CandidateSwitcher';

type RequesterViewProps = { detection: Detection };

/** The people found on the ticket, with a switcher when there is more than one. */
export default function RequesterView({ detection }: RequesterViewProps) {
  const [selected, setSelected] = useState(0);
  useEffect(() => setSelected(0), [detection.ticketUrl, detection.ticketId]);
  const person: DetectedPerson | undefined = detection.people[selected] ?? detection.people[0];
  return (
    <section aria-label="Requester" class="stack">
      {detection.people.length > 1 ? (
        <CandidateSwitcher people={detection.people} selected={selected} onSelect={setSelected} />
      ) : null}
      {person ? (
        <div class="stack" data-testid="requester">
          <h2>{person.name ?? person.email ?? 'Unknown requester'}</h2>
          {person.email ? <p class="muted">{person.email}</p> : null}
        </div>
      ) : (
        <p class="muted">No requester found on this ticket.</p>
      )}
      {detection.ticketId ? <p class="muted">Ticket {detection.ticketId}</p> : null}
    </section>
  );
}
