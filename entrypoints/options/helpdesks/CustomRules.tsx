import { useState } from 'preact/hooks';
import Field from '@/components/Field';
import type { PersonRole } from '@/lib/detect/types';
import { issuesOf, type FieldIssue } from '@/lib/settings/patch';
import { CustomRuleSetting } from '@/lib/settings/schema';
import { issueAt } from '../useSettingsView';

type Rule = CustomRuleSetting;
type CustomRulesProps = { rules: Rule[]; onSave: (rules: Rule[]) => Promise<boolean> };

const ROLES: { value: PersonRole; label: string }[] = [
  { value: 'requester', label: 'Requester' },
  { value: 'requested-for', label: 'Requested for' },
  { value: 'caller', label: 'Caller' },
  { value: 'reporter', label: 'Reporter' },
  { value: 'contact', label: 'Contact' },
  { value: 'candidate', label: 'Candidate' },
];

const blank = (): Rule => ({ id: crypto.randomUUID().slice(0, 8), host: '', urlPattern: '', selector: '', role: 'requester', pickedOnPage: false });

/** Where to find the person on pages Deskside does not read well by itself: host, URL pattern, CSS selector, role. */
export default function CustomRules({ rules, onSave }: CustomRulesProps) {
  const [editing, setEditing] = useState<Rule | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const submit = async () => {
    if (!editing) return;
    const parsed = CustomRuleSetting.safeParse({ ...editing, host: editing.host.trim().toLowerCase(), selector: editing.selector.trim() });
    if (!parsed.success) return setIssues(issuesOf(parsed.error));
    try {
      document.createDocumentFragment().querySelector(parsed.data.selector);
    } catch {
      return setIssues([{ path: 'selector', message: 'This is not a valid CSS selector. Check brackets and quotes.' }]);
    }
    const exists = rules.some((r) => r.id === parsed.data.id);
    if (await onSave(exists ? rules.map((r) => (r.id === parsed.data.id ? parsed.data : r)) : [...rules, parsed.data])) {
      setEditing(null);
      setIssues([]);
    }
  };

  return (
    <div class="stack">
      <h3 id="custom-rules-heading">Custom rules</h3>
      {rules.length ? (
        <table>
          <thead>
            <tr><th scope="col">Host</th><th scope="col">URL pattern</th><th scope="col">Selector</th><th scope="col">Role</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id} data-testid="custom-rule-row">
                <td>{rule.host}{rule.pickedOnPage ? <span class="badge neutral">picked on page</span> : null}</td>
                <td class="code">{rule.urlPattern || 'every page'}</td>
                <td class="code">{rule.selector}</td>
                <td>{ROLES.find((r) => r.value === rule.role)?.label}</td>
                <td><div class="row">
                  <button type="button" onClick={() => { setEditing(rule); setIssues([]); }} aria-label={`Edit rule for ${rule.host}`}>Edit</button>
                  <button type="button" onClick={() => void onSave(rules.filter((r) => r.id !== rule.id))} aria-label={`Delete rule for ${rule.host}`}>Delete</button>
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No custom rules.</p>
      )}
      {editing ? (
        <fieldset class="stack">
          <legend>{rules.some((r) => r.id === editing.id) ? 'Edit rule' : 'New rule'}</legend>
          <div class="row wrap-fields">
            <Field id="rule-host" label="Host" error={issueAt(issues, 'host')} hint="For example help.acme.com">
              {(props) => <input {...props} value={editing.host} onInput={(e) => setEditing({ ...editing, host: e.currentTarget.value })} />}
            </Field>
            <Field id="rule-pattern" label="URL pattern" error={issueAt(issues, 'urlPattern')} hint="Empty for every page, or a path like /tickets/*">
              {(props) => <input {...props} value={editing.urlPattern} onInput={(e) => setEditing({ ...editing, urlPattern: e.currentTarget.value })} />}
            </Field>
          </div>
          <div class="row wrap-fields">
            <Field id="rule-selector" label="CSS selector" error={issueAt(issues, 'selector')} hint="The element holding the person’s email address">
              {(props) => <input {...props} class="code-input" value={editing.selector} onInput={(e) => setEditing({ ...editing, selector: e.currentTarget.value })} />}
            </Field>
            <Field id="rule-role" label="Role">
              {(props) => (
                <select {...props} value={editing.role} onChange={(e) => setEditing({ ...editing, role: e.currentTarget.value as PersonRole })}>
                  {ROLES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
                </select>
              )}
            </Field>
          </div>
          <div class="row">
            <button type="button" class="primary" onClick={() => void submit()}>Save rule</button>
            <button type="button" onClick={() => { setEditing(null); setIssues([]); }}>Cancel</button>
          </div>
        </fieldset>
      ) : (
        <div class="row"><button type="button" onClick={() => setEditing(blank())}>Add rule</button></div>
      )}
    </div>
  );
}
