import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { updateTabState } from '@/lib/background/detections';
import { pickerHandlers } from '@/lib/background/handlers/picker';
import { PICKER_ARMED_MS } from '@/lib/background/picker-arming';
import { pickerMessages } from '@/lib/messaging/messages/picker';
import { START_PICKER } from '@/lib/messaging/picker-command';
import { RefusedMessageError, type HandlerContext } from '@/lib/messaging/router';
import { loadStoredSettings, updateSettings } from '@/lib/settings/store';

const TAB = 7;
const NONCE = '0f8c2a4e-1b3d-4c5e-8f9a-0b1c2d3e4f5a';
const PANEL: HandlerContext = {
  senderKind: 'extension-page',
  sender: { id: 'ext', url: `chrome-extension://ext/panel.html#${NONCE}`, tab: { id: TAB } as never, frameId: 3 },
};
const CONTENT: HandlerContext = {
  senderKind: 'content-script',
  sender: { id: 'ext', url: 'https://acme.kayako.com/agent/conversations/5521', tab: { id: TAB } as never, frameId: 0 },
};
const PICK = { selector: 'table.request-fields tr:nth-of-type(1) > td', urlPattern: '/agent/conversations/*' };

let sentToTab: ReturnType<typeof vi.fn>;
let audited: ReturnType<typeof vi.fn<(name: string, reason: string, sender: unknown) => void>>;
let handlers: ReturnType<typeof pickerHandlers>;

beforeEach(async () => {
  sentToTab = vi.fn(async () => true);
  Object.assign(fakeBrowser.tabs, { sendMessage: sentToTab });
  audited = vi.fn<(name: string, reason: string, sender: unknown) => void>();
  handlers = pickerHandlers(audited);
  await updateTabState(TAB, () => ({ pageHost: 'acme.kayako.com', detection: null, panelNonce: NONCE }));
});

afterEach(() => {
  vi.useRealTimers();
});

async function refusal(result: unknown): Promise<string> {
  const error = await Promise.resolve(result).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(RefusedMessageError);
  return (error as Error).message;
}

describe('pick on page in the background', () => {
  it('arms the tab and asks its top frame to start pick mode', async () => {
    await handlers.armPicker({ nonce: NONCE }, PANEL);
    expect(sentToTab).toHaveBeenCalledWith(TAB, START_PICKER, { frameId: 0 });
  });

  it('does not arm for a panel without the tab nonce', async () => {
    await refusal(handlers.armPicker({ nonce: 'guessed' }, PANEL));
    expect(sentToTab).not.toHaveBeenCalled();
    await refusal(handlers.reportPickedRule(PICK, CONTENT));
  });

  it('accepts one armed report, saves it as a picked rule for the sender host, and refuses a second', async () => {
    await handlers.armPicker({ nonce: NONCE }, PANEL);
    await handlers.reportPickedRule(PICK, CONTENT);
    const rules = (await loadStoredSettings()).customRules;
    expect(rules).toEqual([expect.objectContaining({ host: 'acme.kayako.com', ...PICK, role: 'requester', pickedOnPage: true })]);

    expect(await refusal(handlers.reportPickedRule({ ...PICK, selector: 'header .me' }, CONTENT))).toContain('not asked to pick');
    expect(audited).toHaveBeenCalledWith('reportPickedRule', expect.stringContaining('not asked to pick'), CONTENT.sender);
    expect((await loadStoredSettings()).customRules).toHaveLength(1);
  });

  it('refuses an un-armed report and audits it', async () => {
    await refusal(handlers.reportPickedRule(PICK, CONTENT));
    expect(audited).toHaveBeenCalledOnce();
    expect((await loadStoredSettings()).customRules).toEqual([]);
  });

  it('refuses a report after the two minutes have passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    await handlers.armPicker({ nonce: NONCE }, PANEL);
    vi.setSystemTime(Date.now() + PICKER_ARMED_MS + 1);
    await refusal(handlers.reportPickedRule(PICK, CONTENT));
    expect((await loadStoredSettings()).customRules).toEqual([]);
  });

  it('refuses a report from an inner frame of an armed tab, and the tab stays armed', async () => {
    await handlers.armPicker({ nonce: NONCE }, PANEL);
    await refusal(handlers.reportPickedRule(PICK, { ...CONTENT, sender: { ...CONTENT.sender, frameId: 2 } }));
    await handlers.reportPickedRule(PICK, CONTENT);
    expect((await loadStoredSettings()).customRules).toHaveLength(1);
  });

  it('accepts only one of two reports sent together', async () => {
    await handlers.armPicker({ nonce: NONCE }, PANEL);
    const results = await Promise.allSettled([handlers.reportPickedRule(PICK, CONTENT), handlers.reportPickedRule(PICK, CONTENT)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('replaces an earlier pick of the same host and URL pattern and keeps rules written in options', async () => {
    const written = { id: 'manual', host: 'acme.kayako.com', urlPattern: '/agent/conversations/*', selector: '.who', role: 'requester' as const, pickedOnPage: false };
    await updateSettings({ customRules: [written] });
    for (const selector of ['td.first', 'td.second']) {
      await handlers.armPicker({ nonce: NONCE }, PANEL);
      await handlers.reportPickedRule({ ...PICK, selector }, CONTENT);
    }
    const rules = (await loadStoredSettings()).customRules;
    expect(rules.map((r) => r.selector)).toEqual(['.who', 'td.second']);
  });

  it('disarms when the page does not answer, with a sentence saying what to do', async () => {
    sentToTab.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await expect(handlers.armPicker({ nonce: NONCE }, PANEL)).rejects.toThrow(/Reload the page/);
    await refusal(handlers.reportPickedRule(PICK, CONTENT));
  });

  it('validates the report: a path glob and a bounded selector', () => {
    const input = pickerMessages.reportPickedRule.input;
    expect(input.safeParse(PICK).success).toBe(true);
    expect(input.safeParse({ ...PICK, urlPattern: 'https://evil.example/*' }).success).toBe(false);
    expect(input.safeParse({ ...PICK, selector: ' ' }).success).toBe(false);
    expect(input.safeParse({ ...PICK, selector: 'x'.repeat(1001) }).success).toBe(false);
  });
});
