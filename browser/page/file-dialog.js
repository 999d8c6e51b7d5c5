// The in-app file dialog of the browser mode (browser/in-app-dialogs.ts asks for it; issue 16). Plain script,
// installed into the app's window before its own code runs. A modal <dialog> with the places (home, Documents,
// drives), a folder path the officer can type, the folder's contents as a listbox (arrow keys, Home, End, Enter
// to open a folder or choose a file, Backspace for the folder above, a letter to jump), a file name for saving,
// and the app's own button styles. Folder listings come from the node side through __workbenchListFolder.
(() => {
  if (window.__workbenchFileDialog) return;
  const listFolder = (path) => window.__workbenchListFolder(path);
  let counter = 0;
  const uid = (name) => `awb-fd-${name}-${++counter}`;

  const STYLE = `
    .awb-fd { width: min(48rem, calc(100vw - 2rem)); }
    .awb-fd h2 { margin-top: 0; }
    .awb-fd-path { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; }
    .awb-fd-path label { display: flex; flex-direction: column; flex: 1 1 16rem; font-weight: 600; }
    .awb-fd-path input, .awb-fd-name input { font: inherit; min-height: 2.5rem; padding: 0.25rem 0.5rem; border: 2px solid var(--border); border-radius: 0.25rem; background: var(--panel); color: var(--text); }
    .awb-fd-body { display: grid; grid-template-columns: minmax(9rem, 12rem) 1fr; gap: 1rem; margin-top: 0.75rem; }
    .awb-fd-places ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.25rem; }
    .awb-fd-places .button { width: 100%; justify-content: flex-start; overflow-wrap: anywhere; text-align: left; }
    .awb-fd-heading { font-weight: 600; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
    .awb-fd-list { list-style: none; margin: 0; padding: 0.25rem; height: 18rem; overflow: auto; border: 2px solid var(--border); border-radius: 0.25rem; background: var(--panel); }
    .awb-fd-list [role='option'] { padding: 0.35rem 0.5rem; min-height: 1.5rem; cursor: pointer; border-radius: 0.2rem; overflow-wrap: anywhere; color: var(--text); }
    .awb-fd-list [role='option'][aria-selected='true'] { background: var(--accent); color: var(--accent-text); }
    .awb-fd-list [role='option'][data-kind='folder'] { font-weight: 600; }
    .awb-fd-kind { font-weight: 400; }
    .awb-fd-list:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .awb-fd-empty { height: 18rem; margin: 0; padding: 0.5rem; border: 2px dashed var(--border); border-radius: 0.25rem; color: var(--text); }
    .awb-fd-name { display: flex; flex-direction: column; margin-top: 0.75rem; font-weight: 600; }
    .awb-fd-check { display: flex; gap: 0.5rem; align-items: center; margin-top: 0.75rem; }
    .awb-fd-check input { width: 1.5rem; height: 1.5rem; }
    .awb-fd-message { margin: 0.75rem 0 0; font-weight: 600; color: var(--text); }
    .awb-fd-message:empty { display: none; }
  `;

  function ensureStyle() {
    if (document.getElementById('awb-fd-style')) return;
    const style = document.createElement('style');
    style.id = 'awb-fd-style';
    style.textContent = STYLE;
    document.head.append(style);
  }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  }

  const button = (label, kind, onclick) =>
    el('button', { type: 'button', class: `button button-${kind}`, text: label, onclick });

  /** Shows a modal dialog; `build` fills it and gets `close(answer)`. Resolves with the answer. */
  function modal(labelId, build) {
    ensureStyle();
    const before = document.activeElement;
    return new Promise((resolve) => {
      const dialog = el('dialog', { class: 'modal modal-wide awb-fd', 'aria-labelledby': labelId });
      let done = false;
      const close = (answer) => {
        if (done) return;
        done = true;
        dialog.close();
        dialog.remove();
        if (before && typeof before.focus === 'function' && before.isConnected) before.focus();
        resolve(answer);
      };
      dialog.addEventListener('cancel', (e) => {
        e.preventDefault();
        close(null);
      });
      const focusFirst = build(dialog, close);
      document.body.append(dialog);
      dialog.showModal();
      if (focusFirst) focusFirst.focus();
    });
  }

  function confirmDialog(request) {
    const titleId = uid('title');
    return modal(titleId, (dialog, close) => {
      const cancel = button('Cancel', 'secondary', () => close(false));
      dialog.append(
        el('h2', { id: titleId, text: request.title }),
        el('p', { text: request.message }),
        el(
          'div',
          { class: 'button-row' },
          button(request.action, 'primary', () => close(true)),
          cancel,
        ),
      );
      return cancel;
    }).then((answer) => answer === true);
  }

  function fileDialog(request) {
    const titleId = uid('title');
    const listId = uid('list');
    const headingId = uid('heading');
    const extensions = (request.extensions || []).map((e) => `.${e.toLowerCase()}`);
    const matches = (name) =>
      extensions.length === 0 || extensions.some((e) => name.toLowerCase().endsWith(e));

    return modal(titleId, (dialog, close) => {
      let folder = null;
      let entries = [];
      let active = -1;
      let showAll = false;

      const pathInput = el('input', { type: 'text', spellcheck: 'false', autocomplete: 'off' });
      const go = button('Go', 'secondary', () => void show(pathInput.value.trim()));
      const up = button('Up one folder', 'secondary', () => parent && void show(parent));
      let parent = null;
      pathInput.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void show(pathInput.value.trim());
        }
      });
      const heading = el('p', { class: 'awb-fd-heading', id: headingId });
      const list = el('ul', {
        class: 'awb-fd-list',
        role: 'listbox',
        id: listId,
        tabindex: '0',
        'aria-labelledby': headingId,
      });
      const empty = el('p', { class: 'awb-fd-empty', hidden: true });
      const message = el('p', { class: 'awb-fd-message', role: 'alert' });
      const nameInput =
        request.kind === 'save'
          ? el('input', {
              type: 'text',
              spellcheck: 'false',
              autocomplete: 'off',
              value: request.fileName || '',
            })
          : null;
      if (nameInput)
        nameInput.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        });
      const primary = button(request.action, 'primary', () => void submit());
      const cancel = button('Cancel', 'secondary', () => close(null));

      const visible = () =>
        entries.filter(
          (e) => e.kind === 'folder' || (request.kind !== 'folder' && (showAll || matches(e.name))),
        );

      function render() {
        const items = visible();
        list.replaceChildren(
          ...items.map((entry, i) =>
            el(
              'li',
              {
                role: 'option',
                id: `${listId}-${i}`,
                'aria-selected': i === active ? 'true' : 'false',
                'data-kind': entry.kind,
                onclick: () => select(i),
                ondblclick: () => void activate(i),
              },
              entry.name,
              entry.kind === 'folder' ? el('span', { class: 'awb-fd-kind', text: ' – folder' }) : null,
            ),
          ),
        );
        // A listbox with no options is not a listbox: say the folder is empty instead.
        list.hidden = items.length === 0;
        empty.hidden = items.length > 0;
        empty.textContent =
          request.kind === 'folder'
            ? 'This folder has no folders in it.'
            : 'This folder has nothing to show here.';
        if (items.length === 0 || active < 0) list.removeAttribute('aria-activedescendant');
        else list.setAttribute('aria-activedescendant', `${listId}-${active}`);
      }

      function select(i) {
        const items = visible();
        if (items.length === 0) return;
        active = Math.max(0, Math.min(items.length - 1, i));
        render();
        const entry = items[active];
        if (nameInput && entry.kind === 'file') nameInput.value = entry.name;
        document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
      }

      async function show(path) {
        message.textContent = '';
        if (!path) return;
        const listing = await listFolder(path);
        if (!listing.ok) {
          message.textContent = listing.message;
          return;
        }
        folder = listing.folder;
        parent = listing.parent;
        entries = listing.entries;
        active = visible().length > 0 ? 0 : -1;
        pathInput.value = folder;
        heading.textContent = `In ${folder}`;
        up.disabled = parent === null;
        render();
      }

      async function activate(i) {
        const entry = visible()[i];
        if (!entry) return;
        if (entry.kind === 'folder') return show(entry.path);
        if (nameInput) nameInput.value = entry.name;
        return submit(entry);
      }

      async function submit(chosen) {
        message.textContent = '';
        if (folder === null) return;
        if (request.kind === 'folder') {
          const entry = chosen || null;
          return close(entry && entry.kind === 'folder' ? { folder, name: entry.name } : { folder });
        }
        if (request.kind === 'open') {
          const entry = chosen || visible()[active];
          if (!entry || entry.kind !== 'file') {
            message.textContent = 'Choose a file to open.';
            return;
          }
          return close({ folder, name: entry.name });
        }
        let name = nameInput.value.trim();
        if (!name) {
          message.textContent = 'Enter a file name.';
          nameInput.focus();
          return;
        }
        if (/[\\/:*?"<>|]/.test(name)) {
          message.textContent = 'A file name cannot contain \\ / : * ? " < > or |.';
          nameInput.focus();
          return;
        }
        if (extensions.length > 0 && !matches(name)) name += extensions[0];
        const existing = entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
        if (existing && existing.kind === 'folder') {
          message.textContent = `“${name}” is a folder. Choose another name.`;
          return;
        }
        if (
          existing &&
          !(await confirmDialog({
            title: 'Replace existing file?',
            message: `“${name}” already exists. Replace it?`,
            action: 'Replace',
          }))
        )
          return;
        close({ folder, name });
      }

      list.addEventListener('keydown', (e) => {
        const count = visible().length;
        const moves = {
          ArrowDown: active + 1,
          ArrowUp: active - 1,
          Home: 0,
          End: count - 1,
          PageDown: active + 10,
          PageUp: active - 10,
        };
        if (e.key in moves) {
          e.preventDefault();
          select(moves[e.key]);
        } else if (e.key === 'Enter') {
          e.preventDefault();
          if (active >= 0) void activate(active);
        } else if (e.key === 'Backspace' || (e.altKey && e.key === 'ArrowUp')) {
          e.preventDefault();
          if (parent) void show(parent);
        } else if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
          const items = visible();
          const start = active + 1;
          const order = [...items.slice(start), ...items.slice(0, start)];
          const hit = order.find((entry) => entry.name.toLowerCase().startsWith(e.key.toLowerCase()));
          if (hit) select(items.indexOf(hit));
        }
      });
      list.addEventListener('focus', () => {
        if (active < 0 && visible().length > 0) select(0);
      });

      const placeButtons = (request.places || []).map((p) =>
        el(
          'li',
          {},
          button(p.name, 'secondary', () => void show(p.path)),
        ),
      );
      const showAllBox =
        request.kind === 'open'
          ? el('input', {
              type: 'checkbox',
              id: uid('all'),
              onchange: (e) => {
                showAll = e.target.checked;
                active = visible().length > 0 ? 0 : -1;
                render();
              },
            })
          : null;

      dialog.append(
        ...[
          el('h2', { id: titleId, text: request.title }),
          el('div', { class: 'awb-fd-path' }, el('label', {}, 'Folder', pathInput), go, up),
          el(
            'div',
            { class: 'awb-fd-body' },
            el('nav', { class: 'awb-fd-places', 'aria-label': 'Places' }, el('ul', {}, ...placeButtons)),
            el('div', {}, heading, list, empty),
          ),
          nameInput
            ? el(
                'label',
                { class: 'awb-fd-name' },
                request.filterLabel ? `File name (${request.filterLabel})` : 'File name',
                nameInput,
              )
            : null,
          showAllBox
            ? el(
                'div',
                { class: 'awb-fd-check' },
                showAllBox,
                el('label', {
                  for: showAllBox.id,
                  text: `Show all files, not only ${request.filterLabel || 'matching files'}`,
                }),
              )
            : null,
          message,
          el('div', { class: 'button-row' }, primary, cancel),
        ].filter((c) => c !== null),
      );
      const home = request.places && request.places[0] ? request.places[0].path : null;
      // A start folder that has gone (Documents on a machine without one) falls back to the first place.
      void show(request.folder || home)
        .then(() => (folder === null && home ? show(home) : undefined))
        .then(() => {
          if (nameInput) {
            nameInput.focus();
            nameInput.select();
          } else if (!list.hidden) list.focus();
        });
      return nameInput || list;
    });
  }

  Object.defineProperty(window, '__workbenchFileDialog', {
    value: (request) => (request.kind === 'confirm' ? confirmDialog(request) : fileDialog(request)),
    writable: false,
    configurable: false,
  });
})();
