import { useEffect, useState } from 'preact/hooks';
import ConnectionSection from './sections/ConnectionSection';
import ActionsSection from './sections/ActionsSection';
import AuditSection from './sections/AuditSection';
import FieldMapSection from './sections/FieldMapSection';
import HelpdesksSection from './sections/HelpdesksSection';
import RolloutSection from './sections/RolloutSection';
import SyncSection from './sections/SyncSection';

const SECTIONS = [
  { id: 'connection', label: 'Connection', Component: ConnectionSection },
  { id: 'sync', label: 'Sync', Component: SyncSection },
  { id: 'field-map', label: 'Field map', Component: FieldMapSection },
  { id: 'helpdesks', label: 'Helpdesks', Component: HelpdesksSection },
  { id: 'actions', label: 'Actions', Component: ActionsSection },
  { id: 'audit', label: 'Audit log', Component: AuditSection },
  { id: 'rollout', label: 'Team rollout', Component: RolloutSection },
] as const;

function currentSection(): string {
  const id = location.hash.slice(1);
  return SECTIONS.some((s) => s.id === id) ? id : 'connection';
}

/** The options page: one section at a time, chosen from the side navigation (hash routing). */
export default function OptionsApp() {
  const [section, setSection] = useState(currentSection);
  useEffect(() => {
    const onHash = () => setSection(currentSection());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const active = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0];
  return (
    <div class="options">
      <header>
        <img src="/icon/48.png" alt="" />
        <h1>Deskside settings</h1>
      </header>
      <nav aria-label="Settings sections">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={s.id === section ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <active.Component />
      </main>
    </div>
  );
}
