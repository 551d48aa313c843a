import type { DetectedPerson } from '@/lib/detect/types';

type CandidateSwitcherProps = {
  people: DetectedPerson[];
  selected: number;
  onSelect: (index: number) => void;
};

const ROLE_LABELS: Record<DetectedPerson['role'], string> = {
  requester: 'Requester',
  'requested-for': 'Requested for',
  caller: 'Caller',
  reporter: 'Reporter',
  contact: 'Contact',
  candidate: 'Candidate',
};

/** Radio-style tabs to switch between the people on a ticket (requester, requested for, …). */
export default function CandidateSwitcher({ people, selected, onSelect }: CandidateSwitcherProps) {
  return (
    <div role="radiogroup" aria-label="Person on this ticket" class="row">
      {people.map((person, index) => (
        <button
          type="button"
          role="radio"
          aria-checked={index === selected}
          class={index === selected ? 'primary' : ''}
          onClick={() => onSelect(index)}
          key={`${person.role}-${person.email ?? person.name ?? index}`}
        >
          {ROLE_LABELS[person.role]}: {person.name ?? person.email}
        </button>
      ))}
    </div>
  );
}
