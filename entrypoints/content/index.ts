import { defineContentScript } from '#imports';
import { HELPDESK_HOST_PATTERNS } from '@/lib/detect/hosts';
export default defineContentScript({ matches: HELPDESK_HOST_PATTERNS, main() {} });
