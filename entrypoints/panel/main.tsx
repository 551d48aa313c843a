import '@/lib/zod-setup';
import { render } from 'preact';
import '@/components/theme.css';
import './panel.css';
import PanelApp from './PanelApp';

render(<PanelApp />, document.getElementById('app')!);
