import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/channel';
import type { UserAttribute } from '@/lib/messaging/messages/settings';
import { issuesOf, type FieldIssue } from '@/lib/settings/patch';
import { FieldMapEntry } from '@/lib/settings/schema';
import FieldMapPreview from '../field-map/FieldMapPreview';
import { issueAt, useSettingsView } from '../useSettingsView';

type Row = { key: number; attribute: string; label: string };
let nextKey = 1;
const rowOf = (entry: { attribute: string; label: string }): Row => ({ key: nextKey++, ...entry });

/** Which Okta profile attributes the card shows, under which labels, in which order. */
export default function FieldMapSection() {
  const { view, issues: savedIssues, save } = useSettingsView();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [attributes, setAttributes] = useState<UserAttribute[]>([]);
  const [schemaError, setSchemaError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (view && !rows) setRows(view.settings.fieldMap.map(rowOf));
  }, [view]);
  useEffect(() => setIssues(savedIssues.map((i) => ({ ...i, path: i.path.replace(/^fieldMap\./, '') }))), [savedIssues]);
  useEffect(() => {
    sendMessage('getUserSchema')
      .then(setAttributes)
      .catch((e: unknown) => setSchemaError(`The org’s attribute list could not be read, so type attribute names yourself. ${e instanceof Error ? e.message : String(e)}`));
  }, []);

  if (!rows) return <section class="card"><h2>Field map</h2><p class="muted">Loading…</p></section>;

  const update = (next: Row[]) => {
    setRows(next);
    setNotice(null);
  };
  const edit = (index: number, patch: Partial<Row>) => update(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    update(next);
    // Keep the keyboard on the same button of the moved row.
    requestAnimationFrame(() => document.getElementById(`move-${by < 0 ? 'up' : 'down'}-${row!.key}`)?.focus());
  };
  const add = () => {
    const row = rowOf({ attribute: '', label: '' });
    update([...rows, row]);
    requestAnimationFrame(() => document.getElementById(`attribute-${row.key}`)?.focus());
  };
  const entries = rows.map(({ attribute, label }) => ({ attribute: attribute.trim(), label: label.trim() }));
  const validEntries = entries.filter((e) => FieldMapEntry.safeParse(e).success);
  const labelOf = (r: Row, i: number) => r.label.trim() || r.attribute.trim() || `row ${i + 1}`;

  const submit = async () => {
    const parsed = FieldMapEntry.array().max(40, 'Show at most 40 fields.').safeParse(entries);
    if (!parsed.success) return setIssues(issuesOf(parsed.error));
    const result = await save({ fieldMap: parsed.data });
    if (result.ok) setNotice('Saved. Panels and the popup show the new fields.');
  };

  return (
    <section class="card" aria-labelledby="field-map-heading">
      <h2 id="field-map-heading">Field map</h2>
      <p class="muted">The Okta profile attributes shown on each person’s card, custom attributes included.</p>
      {schemaError ? <p class="alert warn">{schemaError}</p> : null}
      <datalist id="okta-attributes">
        {attributes.map((a) => (
          <option key={a.attribute} value={a.attribute}>
            {a.title}{a.custom ? ' (custom)' : ''}
          </option>
        ))}
      </datalist>
      <table class="field-map">
        <thead>
          <tr>
            <th scope="col">Okta attribute</th>
            <th scope="col">Label on the card</th>
            <th scope="col"><span class="visually-hidden">Order and delete</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const attributeError = issueAt(issues, `${i}.attribute`);
            const labelError = issueAt(issues, `${i}.label`);
            return (
              <tr key={row.key} data-testid="field-map-row">
                <td>
                  <input id={`attribute-${row.key}`} list="okta-attributes" value={row.attribute} aria-label={`Okta attribute, row ${i + 1}`}
                    aria-invalid={Boolean(attributeError)} aria-describedby={attributeError ? `attribute-${row.key}-error` : undefined}
                    onInput={(e) => {
                      const attribute = e.currentTarget.value;
                      const known = attributes.find((a) => a.attribute === attribute);
                      edit(i, { attribute, label: row.label || !known ? row.label : known.title });
                    }} />
                  {attributeError ? <span id={`attribute-${row.key}-error`} class="field-error" role="alert">{attributeError}</span> : null}
                </td>
                <td>
                  <input value={row.label} aria-label={`Label, row ${i + 1}`} aria-invalid={Boolean(labelError)}
                    aria-describedby={labelError ? `label-${row.key}-error` : undefined} onInput={(e) => edit(i, { label: e.currentTarget.value })} />
                  {labelError ? <span id={`label-${row.key}-error`} class="field-error" role="alert">{labelError}</span> : null}
                </td>
                <td>
                  <div class="row">
                  <button type="button" id={`move-up-${row.key}`} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${labelOf(row, i)} up`}>↑</button>
                  <button type="button" id={`move-down-${row.key}`} disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${labelOf(row, i)} down`}>↓</button>
                  <button type="button" onClick={() => update(rows.filter((_, j) => j !== i))} aria-label={`Delete ${labelOf(row, i)}`}>
                    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16"><path fill="currentColor" d="M6 1h4l1 1h3v2H2V2h3zM3 5h10l-1 10H4z" /></svg>
                  </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {issues.find((i) => i.path === '') ? <p class="field-error" role="alert">{issues.find((i) => i.path === '')?.message}</p> : null}
      <div class="row">
        <button type="button" onClick={add}>Add field</button>
        <button type="button" class="primary" onClick={() => void submit()}>Save field map</button>
      </div>
      <div aria-live="polite">{notice ? <p class="alert success">{notice}</p> : null}</div>
      <FieldMapPreview fieldMap={validEntries} />
    </section>
  );
}
