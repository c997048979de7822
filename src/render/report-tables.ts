/**
 * Tables in a report body (Markdown tables: indicator tables, Word tables brought in by
 * `npm run import`) as accessible HTML. The Markdown renderer marks a column's alignment with
 * an inline style, which the pages' CSP forbids: a right-aligned column (`---:`, the importer's
 * numeric columns) becomes class="num" instead. Header cells get scope="col"; a body row's
 * first cell, its label, becomes a row header. Each table sits in a focusable scrolling box
 * (a labelled section: a wide table scrolls by keyboard too) and, on a phone, stacks one card per row with each
 * value labelled by its column (data-label, the site's stack-on-phone pattern).
 */
const ALIGN = /\sstyle="text-align:\s*(left|right|center);?\s*"/;
const CELL = /<(td|th)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;

const attribute = (value: string) => value.replace(/&(?!\w+;|#\d+;)/g, '&amp;').replace(/"/g, '&quot;');
const textOf = (html: string) => html.replace(/<[^>]*>/g, '').trim();

function classes(attributes: string): string {
  return ALIGN.exec(attributes)?.[1] === 'right' ? ' class="num"' : '';
}

function table(inner: string): string {
  const [head = '', body = ''] = inner.split(/<tbody>/);
  const labels: string[] = [];
  const header = head.replace(CELL, (_all, _tag: string, attributes: string = '', text: string) => {
    labels.push(textOf(text));
    return `<th scope="col"${classes(attributes)}>${text}</th>`;
  });
  const rows = body.replace(/<tr>([\s\S]*?)<\/tr>/g, (_row, cells: string) => {
    let column = 0;
    const marked = cells.replace(CELL, (_all, _tag: string, attributes: string = '', text: string) => {
      const label = labels[column] ? ` data-label="${attribute(labels[column]!)}"` : '';
      const first = column === 0;
      column += 1;
      // The first cell names the row unless it is itself a figure (a right-aligned column).
      if (first && classes(attributes) === '') return `<th scope="row">${text}</th>`;
      return `<td${classes(attributes)}${label}>${text}</td>`;
    });
    return `<tr>${marked}</tr>`;
  });
  return `<section class="table-scroll" aria-label="表格" tabindex="0"><table class="report-table stack-on-phone">${header}${body === '' ? '' : `<tbody>${rows}`}</table></section>`;
}

export function accessibleTables(html: string): string {
  return html.replace(/<table>([\s\S]*?)<\/table>/g, (_all, inner: string) => table(inner));
}
