import { sendMessage } from '@/lib/messaging/channel';
import type { AppRef, GroupRef } from '@/lib/actions/entries/refs';
import Typeahead from './Typeahead';

const GROUP_TYPE_LABEL: Record<string, string> = { OKTA_GROUP: 'Okta', APP_GROUP: 'Imported', BUILT_IN: 'Built-in' };

export function GroupPicker({ id, onPick }: { id: string; onPick: (group: GroupRef) => void }) {
  return (
    <Typeahead
      id={id}
      label="Find a group"
      search={async (query) =>
        (await sendMessage('searchGroups', { query })).map((g) => ({
          id: g.id,
          name: g.name,
          type: g.type === 'OKTA_GROUP' || g.type === 'APP_GROUP' || g.type === 'BUILT_IN' ? g.type : undefined,
        }))
      }
      keyOf={(g) => g.id}
      textOf={(g) => g.name ?? g.id}
      detailOf={(g) => (
        <span class="badge neutral" title={g.type === 'OKTA_GROUP' ? 'Membership editable in Okta' : 'Membership managed outside Okta'}>
          {GROUP_TYPE_LABEL[g.type ?? ''] ?? 'Group'}
        </span>
      )}
      onPick={onPick}
    />
  );
}

export function AppPicker({ id, onPick }: { id: string; onPick: (app: AppRef) => void }) {
  return (
    <Typeahead
      id={id}
      label="Find an app"
      search={async (query) => (await sendMessage('searchApps', { query })).map((a) => ({ id: a.id, label: a.label }))}
      keyOf={(a) => a.id}
      textOf={(a) => a.label ?? a.id}
      onPick={onPick}
    />
  );
}
