// Browser side of <text-size-control> (src/components/TextSizeControl.astro): applies and
// remembers the reader's text size on this device.
const STORAGE_KEY = 'portal-text-size';
const SIZES = ['normal', 'large', 'x-large'];

class TextSizeControl extends HTMLElement {
  connectedCallback() {
    this.hidden = false;
    const saved = localStorage.getItem(STORAGE_KEY);
    this.apply(saved && SIZES.includes(saved) ? saved : 'normal');
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button[data-size]');
      if (!button) return;
      const size = button.getAttribute('data-size') ?? 'normal';
      localStorage.setItem(STORAGE_KEY, size);
      this.apply(size);
    });
  }

  apply(size: string) {
    document.documentElement.dataset.textSize = size;
    for (const button of this.querySelectorAll('button[data-size]')) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-size') === size));
    }
  }
}

customElements.define('text-size-control', TextSizeControl);
