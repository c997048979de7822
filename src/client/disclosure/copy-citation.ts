// <copy-citation>: a progressive enhancement of a citation's text. Without JavaScript the text
// is there to select, with 引用日期 as a placeholder; with it, the placeholder becomes today's
// date and a button copies the whole citation.

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

class CopyCitation extends HTMLElement {
  connectedCallback(): void {
    const text = this.querySelector<HTMLElement>('[data-citation]');
    const button = this.querySelector<HTMLButtonElement>('button');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!text || !button) return;
    for (const date of this.querySelectorAll<HTMLElement>('[data-cited-date]')) date.textContent = today();
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(text.textContent ?? '').then(
        () => { if (status) status.textContent = '已复制'; },
        () => { if (status) status.textContent = '复制失败，请选中文字后复制'; },
      );
    });
  }
}

customElements.define('copy-citation', CopyCitation);
