// <catalogue-filter>: narrows the 政府信息公开目录 by year, type and department. Without
// JavaScript the form stays hidden and the whole catalogue, grouped by year, is there.

class CatalogueFilter extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    const rows = [...this.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    const sections = [...this.querySelectorAll<HTMLElement>('section[data-year]')];
    const count = form.querySelector<HTMLElement>('[role="status"]');
    const apply = () => {
      const wanted = new FormData(form);
      let shown = 0;
      for (const row of rows) {
        const match = (['year', 'type', 'department'] as const).every((key) => {
          const value = wanted.get(key);
          return !value || row.dataset[key] === value;
        });
        row.hidden = !match;
        if (match) shown += 1;
      }
      for (const section of sections) section.hidden = section.querySelector('tbody tr:not([hidden])') === null;
      if (count) count.textContent = `显示 ${shown} / ${rows.length} 份报告`;
    };
    form.addEventListener('change', apply);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      apply();
    });
    form.hidden = false;
  }
}

customElements.define('catalogue-filter', CatalogueFilter);
