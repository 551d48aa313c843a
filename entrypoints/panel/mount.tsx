import '@/lib/zod-setup';
import { hydrate, render } from 'preact';
import { sendMessage } from '@/lib/messaging/channel';
import { readPanelStart } from '@/lib/panel-document/start-script';
import PanelApp from './PanelApp';

const nonce = location.hash.slice(1);
// Asked for before the first render; PanelApp shows a refusal.
const context = sendMessage('getPanelContext', { nonce });
context.catch(() => undefined);
const start = readPanelStart(document);
// A document cut short (its worker stopped while writing it) has no root: the panel then makes its own.
const app = document.getElementById('app') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'app' }));
// A document served with its start already holds the panel's first render (panel-markup.tsx).
(start ? hydrate : render)(<PanelApp nonce={nonce} start={start} context={context} />, app);
