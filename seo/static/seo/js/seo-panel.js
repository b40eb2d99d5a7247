/* The SEO tab's search result preview: the desktop / mobile toggle.
 *
 * The panel root carries the device shown (data-seo-device-shown); CSS hides the other
 * device's title, description and notes. Every language's preview has its own button pair and
 * all switch together. The choice is remembered per user in localStorage, like the language
 * picker's selection. The language sections are replaced after each analysis (autosave, the
 * "Analyse current content" button), so their buttons are synchronised again when they come in.
 */
(() => {
  'use strict';

  const DEVICES = ['desktop', 'mobile'];

  function start() {
    const panel = document.querySelector('[data-seo-panel]');
    if (!panel || panel.dataset.seoStarted) return;
    panel.dataset.seoStarted = 'true';
    const storageKey = panel.dataset.seoDeviceStorageKey;

    function stored() {
      try {
        const value = window.localStorage.getItem(storageKey);
        return DEVICES.includes(value) ? value : null;
      } catch (error) {
        return null; /* private mode: desktop */
      }
    }

    let device = stored() || 'desktop';

    function apply() {
      panel.dataset.seoDeviceShown = device;
      panel.querySelectorAll('[data-seo-device]').forEach((button) => {
        const pressed = String(button.dataset.seoDevice === device);
        if (button.getAttribute('aria-pressed') !== pressed) {
          button.setAttribute('aria-pressed', pressed);
        }
      });
    }

    panel.addEventListener('click', (event) => {
      const button = event.target.closest('[data-seo-device]');
      if (!button) return;
      event.preventDefault();
      device = button.dataset.seoDevice;
      try {
        window.localStorage.setItem(storageKey, device);
      } catch (error) {
        /* the choice lasts for this page only */
      }
      apply();
    });

    // New analyses replace the language sections, buttons included.
    new MutationObserver(apply).observe(panel, { childList: true, subtree: true });
    apply();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
