// The header's search box. On a phone it is folded behind a search button (a link to the search
// page without JavaScript): the button opens it in place and moves the focus into it, Escape
// folds it again. Focusing the box starts Pagefind (its WebAssembly and index metadata), and
// typing preloads the index chunks of the words typed, so that the search page, which the box
// submits to, finds them in the browser's cache.
const form = document.querySelector<HTMLFormElement>('#header-search');
const toggle = document.querySelector<HTMLAnchorElement>('[data-search-toggle]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');

interface Preloader {
  init(): Promise<void>;
  preload(term: string): Promise<void>;
}

if (form && input) {
  let pagefind: Promise<Preloader> | undefined;
  const start = () =>
    (pagefind ??= (import(/* @vite-ignore */ form.dataset['pagefindBundle']!) as Promise<Preloader>).then(async (pf) => {
      await pf.init();
      return pf;
    }));
  input.addEventListener('focus', () => void start().catch(() => undefined), { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const term = input.value.trim();
    if (term) timer = setTimeout(() => void start().then((pf) => pf.preload(term)).catch(() => undefined), 150);
  });

  if (toggle) {
    const header = form.closest('header')!;
    // With JavaScript the link works as a disclosure button for the folded box.
    toggle.setAttribute('role', 'button');
    toggle.setAttribute('aria-expanded', 'false');
    const setOpen = (open: boolean) => {
      header.toggleAttribute('data-search-open', open);
      toggle.setAttribute('aria-expanded', String(open));
      if (open) input.focus();
      else toggle.focus();
    };
    toggle.addEventListener('click', (event) => {
      event.preventDefault();
      setOpen(!header.hasAttribute('data-search-open'));
    });
    toggle.addEventListener('keydown', (event) => {
      if (event.key === ' ') {
        event.preventDefault();
        setOpen(!header.hasAttribute('data-search-open'));
      }
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && header.hasAttribute('data-search-open')) setOpen(false);
    });
  }
}
