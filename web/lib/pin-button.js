/** A "pin to the briefing pad" button that confirms once it has pinned. */
import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * @param {{ label: string, onPin: () => void, text?: boolean }} options
 *   text: a labelled text button; otherwise a compact "+" icon button.
 */
export function pinButton({ label, onPin, text = false }) {
  const button = h('button', {
    type: 'button',
    class: text ? 'text-btn' : 'icon-btn pin-icon',
    title: t('pin'),
    'aria-label': `${t('pin')}: ${label}`,
    onclick: () => {
      onPin();
      button.disabled = true;
      button.textContent = text ? `✓ ${t('pinned')}` : '✓';
      button.setAttribute('aria-label', `${t('pinned')}: ${label}`);
    },
  }, text ? t('pin') : '+');
  return button;
}
