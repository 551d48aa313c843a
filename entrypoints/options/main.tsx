import '@/lib/zod-setup';
import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import OptionsApp from './OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
