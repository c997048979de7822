// Browser side of <copy-link> (src/components/reading/CopyLink.astro): the address and the
// citation are on the page as text; with JavaScript, buttons copy them. Where the clipboard is
// refused (an old browser, a page not served over https), the text is selected for the reader
// to copy, and the status says so. The status is a live region, so a screen reader hears it.
class CopyLink extends HTMLElement {
  connectedCallback(): void {
    const status = this.querySelector<HTMLElement>('[data-copy-status]');
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
      button.hidden = false;
      button.addEventListener('click', () => void this.#copy(button, status));
    }
  }

  async #copy(button: HTMLButtonElement, status: HTMLElement | null): Promise<void> {
    const source = this.querySelector<HTMLElement>(`[data-copy-source="${button.dataset['copy']}"]`);
    const text = source?.dataset['text'] ?? source?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      if (status) status.textContent = `已复制${button.dataset['what'] ?? ''}`;
    } catch {
      if (source) getSelection()?.selectAllChildren(source);
      if (status) status.textContent = '无法自动复制，已选中文字，请手动复制';
    }
  }
}

customElements.define('copy-link', CopyLink);
