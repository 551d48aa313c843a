import { SAAS_HELPDESK_HOSTS } from '@/lib/detect/hosts';
import { ADAPTERS } from '@/lib/detect/registry';
import CustomRules from '../helpdesks/CustomRules';
import SelfHostedList from '../helpdesks/SelfHostedList';
import { useSettingsView } from '../useSettingsView';

/** Built-in SaaS helpdesks grouped by product, with the hosts each covers. */
const BUILT_IN = [...new Set(SAAS_HELPDESK_HOSTS.map((h) => h.helpdesk))].map((id) => ({
  id,
  name: ADAPTERS.find((a) => a.id === id)?.name ?? id,
  hosts: SAAS_HELPDESK_HOSTS.filter((h) => h.helpdesk === id).map((h) => h.pattern.replace(/^https:\/\/|\/\*$/g, '')),
}));

/** Where Deskside runs: built-in helpdesks on or off, self-hosted ones, and custom rules for finding the person. */
export default function HelpdesksSection() {
  const { view, save, accept } = useSettingsView();
  if (!view) return <section class="card"><h2>Helpdesks</h2><p class="muted">Loading…</p></section>;
  const toggle = (id: string, on: boolean) => void save({ helpdesks: { ...view.settings.helpdesks, [id]: on } });
  return (
    <section class="card" aria-labelledby="helpdesks-heading">
      <h2 id="helpdesks-heading">Helpdesks</h2>
      <fieldset class="stack">
        <legend>Built-in helpdesks</legend>
        <div class="status-grid">
          {BUILT_IN.map((h) => (
            <label class="row builtin" key={h.id}>
              <input type="checkbox" checked={view.settings.helpdesks[h.id] !== false} onChange={(e) => toggle(h.id, e.currentTarget.checked)} />
              <span>
                {h.name} <span class="muted">({h.hosts.join(', ')})</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SelfHostedList view={view} accept={accept} />
      <CustomRules
        rules={view.settings.customRules}
        onSave={async (customRules) => (await save({ customRules })).ok}
      />
    </section>
  );
}
