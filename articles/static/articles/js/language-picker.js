/* "View / edit fields for": shows the fields of the selected languages in the page editor.
 *
 * Every field whose name ends in a configured language code (title_de, sections-0-heading_en,
 * keywords-1-term_fr) belongs to that language; everything else is always shown. A top-level
 * panel holding only that field is hidden with it; fields inside a multi-field panel or an
 * inline child (section, FAQ, keyword) are hidden one by one, so the panel itself never
 * vanishes. New inline children are sorted as they are added. The selection is stored per user
 * in localStorage; languages of fields with errors are always shown. See articles/panels.py.
 *
 * Rich text editors (Draftail) of languages not shown are started when their language is first
 * shown: starting Draftail is most of the editor's client-side cost, and a fully translated
 * article has four of each. Until then the hidden input keeps the server's value (an empty
 * field: "null", as Draftail posts it), which is saved exactly as what an untouched editor
 * posts (docs/editors.md has the figures).
 */
(() => {
  'use strict';

  const HIDDEN = 'cms-l10n-hidden';
  // Set by start(): whether a field name's language is shown.
  let isShownName = null;
  // Draftail inputs whose start-up waits for their language to be shown.
  const waitingEditors = new Set();

  // Wagtail starts each Draftail editor from a `w-init` controller, which first dispatches a
  // cancelable `w-init:ready` event; cancelling it keeps the editor waiting, and calling the
  // controller's ready() later starts it as Wagtail would have. Registered when the script
  // loads, before Wagtail's controllers connect.
  document.addEventListener(
    'w-init:ready',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || !input.hasAttribute('data-draftail-input')) {
        return;
      }
      if (!isShownName) start();
      if (!isShownName || isShownName(input.name)) return;
      event.preventDefault();
      // An empty field: Wagtail sends one empty paragraph, which would be saved as such;
      // Draftail posts "null" (nothing) for an empty editor, and so does a waiting one.
      if (isEmptyContent(input.value)) input.value = 'null';
      waitingEditors.add(input);
    },
    true,
  );

  function isEmptyContent(value) {
    try {
      const content = JSON.parse(value);
      return (
        !content ||
        (content.blocks || []).every(
          (block) =>
            block.type === 'unstyled' &&
            !block.text.trim() &&
            !(block.entityRanges || []).length,
        )
      );
    } catch (error) {
      return false;
    }
  }

  function startWaitingEditors() {
    const app = window.wagtail && window.wagtail.app;
    waitingEditors.forEach((input) => {
      if (!input.isConnected) {
        waitingEditors.delete(input);
        return;
      }
      if (!isShownName(input.name)) return;
      const controller = app && app.getControllerForElementAndIdentifier(input, 'w-init');
      if (!controller) return;
      waitingEditors.delete(input);
      keepServerValue(input);
      controller.ready();
    });
  }

  // Draftail rewrites its input as it starts (the same content, serialised its way). Started
  // at page load that happens before Wagtail notes the form's initial state; started later it
  // would count as an unsaved edit. So until the editor is used, its input keeps the value the
  // server sent, as a waiting editor's does (both are saved alike).
  function keepServerValue(input) {
    const serverValue = input.value;
    let frames = 60;
    const restore = () => {
      const wrapper = input.parentElement.querySelector('[data-draftail-editor-wrapper]');
      const used = wrapper && wrapper.contains(document.activeElement);
      if (used) return;
      if (input.draftailEditor && input.value !== serverValue) {
        input.value = serverValue;
        input.rawContentState = JSON.parse(serverValue);
        return;
      }
      if (frames-- > 0) window.requestAnimationFrame(restore);
    };
    window.requestAnimationFrame(restore);
  }

  function start() {
    const configElement = document.getElementById('cms-language-picker-config');
    const bar = document.querySelector('[data-cms-language-picker]');
    if (!configElement || !bar || bar.dataset.started) return;
    bar.dataset.started = 'true';
    const config = JSON.parse(configElement.textContent);
    const codes = config.languages.map((language) => language.code);
    const form = bar.closest('form') || document;
    const suffix = new RegExp(`_(${codes.join('|')})$`);

    // Above the tabs, so it applies to every tab.
    const tabs = form.querySelector('.w-tabs');
    const panel = bar.closest('section.w-panel');
    if (tabs) tabs.parentNode.insertBefore(bar, tabs);
    if (panel) panel.hidden = true;

    function fieldLanguage(field) {
      const match = suffix.exec(field.dataset.contentpath || '');
      return match ? match[1] : null;
    }

    // The smallest element holding the field and its label: a top-level panel of its own, the
    // label-and-field wrapper inside multi-field panels and inline children, or the field.
    function hideTarget(field) {
      const wrapper = field.closest('[data-field-wrapper]') || field;
      const holder = wrapper.closest('.w-panel__wrapper');
      if (holder && holder.querySelectorAll('[data-field]').length === 1) return holder;
      const section = wrapper.closest('section.w-panel');
      if (section && section.querySelectorAll('[data-field]').length === 1) return section;
      return wrapper;
    }

    function stored() {
      try {
        const value = JSON.parse(window.localStorage.getItem(config.storageKey) || 'null');
        if (Array.isArray(value)) return value.filter((code) => codes.includes(code));
      } catch (error) {
        /* a broken entry counts as none */
      }
      return null;
    }

    function errorLanguages() {
      const languages = new Set();
      form.querySelectorAll('.error-message, .help-critical').forEach((error) => {
        if (error.closest('[hidden]')) return;
        const field = error.closest('[data-field]');
        const lang = field && fieldLanguage(field);
        if (lang) languages.add(lang);
      });
      return languages;
    }

    isShownName = (name) => {
      const match = suffix.exec(name || '');
      return !match || selected.has(match[1]);
    };

    let selected = new Set(stored() || config.default);
    errorLanguages().forEach((lang) => selected.add(lang));
    if (selected.size === 0) selected = new Set(config.default);

    // Side by side: the source language's fields, read-only, next to the target's inputs.
    // Fields of one name are siblings (title_de, title_en; heading_de, heading_en), so their
    // parent becomes a two-column grid: source left, target right, everything else full width.
    let sideBySide = storedSideBySide();
    if (sideBySide) {
      selected = new Set([sideBySide.source, sideBySide.target]);
      errorLanguages().forEach((lang) => selected.add(lang));
    }

    function storedSideBySide() {
      try {
        const value = JSON.parse(window.localStorage.getItem(`${config.storageKey}.side`) || 'null');
        if (value && codes.includes(value.source) && codes.includes(value.target)) return value;
      } catch (error) {
        /* none */
      }
      return null;
    }

    function saveSideBySide() {
      try {
        window.localStorage.setItem(`${config.storageKey}.side`, JSON.stringify(sideBySide));
      } catch (error) {
        /* private mode */
      }
    }

    function setReadOnly(target, readOnly) {
      target.classList.toggle('cms-side-source', readOnly);
      target.querySelectorAll('input, textarea').forEach((input) => {
        if (input.type === 'hidden') return;
        if (readOnly) {
          if (!input.readOnly) input.dataset.cmsMadeReadonly = 'true';
          input.readOnly = true;
        } else if (input.dataset.cmsMadeReadonly) {
          input.readOnly = false;
          delete input.dataset.cmsMadeReadonly;
        }
      });
    }

    function apply() {
      const parents = new Set();
      form.querySelectorAll('[data-field][data-contentpath]').forEach((field) => {
        if (field.closest('template')) return;
        const lang = fieldLanguage(field);
        if (!lang) return;
        const target = hideTarget(field);
        target.dataset.cmsLang = lang;
        target.classList.toggle(HIDDEN, !selected.has(lang));
        const isSource = Boolean(sideBySide) && lang === sideBySide.source;
        const isTarget = Boolean(sideBySide) && lang === sideBySide.target;
        target.classList.toggle('cms-side-target', isTarget);
        setReadOnly(target, isSource);
        if (target.parentElement) parents.add(target.parentElement);
      });
      form.querySelectorAll('.cms-side-by-side').forEach((parent) => {
        if (!sideBySide || !parents.has(parent)) parent.classList.remove('cms-side-by-side');
      });
      if (sideBySide) parents.forEach((parent) => parent.classList.add('cms-side-by-side'));
      bar.classList.toggle('is-side-by-side', Boolean(sideBySide));
      const sideButton = bar.querySelector('[data-side-by-side]');
      if (sideButton) sideButton.setAttribute('aria-pressed', String(Boolean(sideBySide)));
      const controls = bar.querySelector('[data-side-by-side-controls]');
      if (controls) {
        controls.hidden = !sideBySide;
        if (sideBySide) {
          controls.querySelector('[data-side-source]').value = sideBySide.source;
          controls.querySelector('[data-side-target]').value = sideBySide.target;
        }
      }
      bar.querySelectorAll('[data-lang]').forEach((button) => {
        button.setAttribute('aria-pressed', String(selected.has(button.dataset.lang)));
      });
      startWaitingEditors();
      document.dispatchEvent(
        new CustomEvent('cms:languages-shown', { detail: { languages: [...selected] } }),
      );
    }

    function save() {
      try {
        window.localStorage.setItem(config.storageKey, JSON.stringify([...selected]));
      } catch (error) {
        /* private mode: the selection lasts for this page only */
      }
    }

    function show(lang, { only = false } = {}) {
      if (!codes.includes(lang)) return;
      if (only) selected = new Set();
      selected.add(lang);
      apply();
      save();
    }

    function startSideBySide(source, target) {
      sideBySide = { source, target };
      selected = new Set([source, target]);
      apply();
      save();
      saveSideBySide();
    }

    function stopSideBySide() {
      sideBySide = null;
      saveSideBySide();
    }

    bar.addEventListener('change', (event) => {
      if (!event.target.closest('[data-side-by-side-controls]')) return;
      let source = bar.querySelector('[data-side-source]').value;
      let target = bar.querySelector('[data-side-target]').value;
      if (source === target) {
        // Swap rather than compare a language with itself.
        if (event.target.matches('[data-side-source]')) target = sideBySide.source;
        else source = sideBySide.target;
      }
      startSideBySide(source, target);
    });

    bar.addEventListener('click', (event) => {
      if (event.target.closest('[data-side-by-side]')) {
        event.preventDefault();
        if (sideBySide) {
          stopSideBySide();
          apply();
        } else {
          const source = config.default[0];
          const target = [...selected].find((code) => code !== source)
            || codes.find((code) => code !== source);
          startSideBySide(source, target);
        }
        return;
      }
      const button = event.target.closest('[data-lang]');
      if (!button) return;
      event.preventDefault();
      if (sideBySide) stopSideBySide();
      const code = button.dataset.lang;
      if (selected.has(code) && selected.size > 1) selected.delete(code);
      else selected.add(code);
      apply();
      save();
    });

    // "Go to the first error": make sure its language is shown before Wagtail focuses it.
    document.addEventListener(
      'click',
      (event) => {
        if (!event.target.closest('[data-controller~="w-focus"]')) return;
        errorLanguages().forEach((lang) => selected.add(lang));
        apply();
      },
      true,
    );

    // Inline children (sections, FAQs, keywords) added later are sorted too.
    let pending = null;
    new MutationObserver(() => {
      if (pending) return;
      pending = window.requestAnimationFrame(() => {
        pending = null;
        apply();
      });
    }).observe(form, { childList: true, subtree: true });

    // The SEO tab's "Go to field": the engine names fields by path ("sections[1].body",
    // "seo_title"); the form names them per language ("sections-1-body_en", "seo_title_en").
    const ENGINE_TO_FORM = { meta_description: 'search_description' };
    function formFieldName(path, lang) {
      const child = /^(sections|faqs|keywords)\[(\d+)\](?:\.(\w+))?$/.exec(path);
      if (child) {
        const first = { sections: 'heading', faqs: 'question', keywords: 'term' }[child[1]];
        return `${child[1]}-${child[2]}-${child[3] || first}_${lang}`;
      }
      return `${ENGINE_TO_FORM[path] || path}_${lang}`;
    }

    // The editors of a language shown just now start a moment later and push the field down:
    // for a few seconds, follow it by as much as the page above it grew (the editor's own
    // scrolling is left alone), while the cursor is still in it.
    function keepInView(field) {
      let frames = 180;
      const position = () => field.getBoundingClientRect().top + window.scrollY;
      let last = position();
      const check = () => {
        if (!field.contains(document.activeElement)) return;
        const now = position();
        if (now !== last) window.scrollBy(0, now - last);
        last = now;
        if (frames-- > 0) window.requestAnimationFrame(check);
      };
      window.requestAnimationFrame(check);
    }

    function goToField(path, lang) {
      const name = formFieldName(path, lang);
      const input = form.querySelector(`[name="${name}"]`);
      const field = input && (input.closest('[data-field]') || input);
      if (!field) return false;
      show(lang);
      // Open every collapsed panel around the field (the Sections panel, "Section 3").
      for (let content = field.closest('.w-panel__content'); content; ) {
        const toggle = document.querySelector(`[data-panel-toggle][aria-controls="${content.id}"]`);
        if (toggle && toggle.getAttribute('aria-expanded') === 'false') toggle.click();
        content = content.parentElement && content.parentElement.closest('.w-panel__content');
      }
      const tabPanel = field.closest('[role=tabpanel]');
      if (tabPanel) {
        const trigger = document.querySelector(`a[href="#${tabPanel.id}"][role=tab]`);
        if (trigger) trigger.click();
      }
      // A rich text editor shown just now starts a moment later: wait a few frames for it.
      let frames = 10;
      const focus = () => {
        const editable = field.querySelector('[contenteditable=true]');
        if (!editable && input.hasAttribute('data-draftail-input') && frames-- > 0) {
          window.requestAnimationFrame(focus);
          return;
        }
        field.scrollIntoView({ block: 'center' });
        (editable || input).focus({ preventScroll: true });
        keepInView(field);
      };
      window.requestAnimationFrame(focus);
      return true;
    }

    document.addEventListener('click', (event) => {
      const link = event.target.closest('[data-seo-field-link]');
      if (!link) return;
      event.preventDefault();
      goToField(link.dataset.seoFieldLink, link.dataset.seoFieldLang);
    });

    // Live counters under the title tag and meta description: characters and rendered width,
    // measured as the SEO engine measures (Arial advance widths), against its limits.
    const counters = config.counters;
    function widthPx(text, fontPx) {
      let units = 0;
      for (const char of text) {
        const base = char.normalize('NFD')[0];
        units += counters.widths[char] ?? counters.widths[base] ?? counters.defaultWidth;
      }
      return (units * fontPx) / counters.unitsPerEm;
    }

    function updateCounter(input, output, limits) {
      const text = input.value.trim();
      const px = widthPx(text, limits.fontPx);
      const tooLong = px > limits.maxPx || (limits.maxChars && text.length > limits.maxChars);
      const tooShort = text.length > 0 && limits.minChars && text.length < limits.minChars;
      const labels = counters.labels;
      let note = '';
      if (tooLong) note = ` – ${labels.tooLong}`;
      else if (tooShort) note = ` – ${labels.tooShort}`;
      output.textContent = `${text.length} ${labels.chars} · ${Math.round(px)} ${labels.of} ${limits.maxPx} px${note}`;
      output.classList.toggle('is-over', Boolean(tooLong));
      output.classList.toggle('is-short', Boolean(tooShort));
    }

    if (counters) {
      const names = new RegExp(`^(seo_title|search_description)_(${codes.join('|')})$`);
      form.querySelectorAll('input, textarea').forEach((input) => {
        const match = names.exec(input.name || '');
        if (!match) return;
        const limits = counters[match[1]];
        const output = document.createElement('p');
        output.className = 'cms-counter';
        output.dataset.cmsCounter = input.name;
        output.setAttribute('aria-live', 'polite');
        (input.closest('[data-field-input]') || input).after(output);
        input.addEventListener('input', () => updateCounter(input, output, limits));
        updateCounter(input, output, limits);
      });
    }

    // Started early (by the first rich text editor, before the rest of the page's set-up):
    // look at the fields with errors again once that is done.
    window.setTimeout(() => {
      const before = selected.size;
      errorLanguages().forEach((lang) => selected.add(lang));
      if (selected.size !== before) apply();
    }, 0);

    // For other scripts (the SEO tab's links to fields): show a field's language.
    window.cmsLanguagePicker = {
      show,
      goToField,
      selected: () => [...selected],
      languageOf: (name) => {
        const match = suffix.exec(name || '');
        return match ? match[1] : null;
      },
    };
    apply();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
