// <portal-search>: the search page's results, drawn from Pagefind's JS API (the way Starlight
// and Pagefind's modular UI do) rather than by Pagefind's Default UI, whose excerpts mark each
// index word (lone characters of a longer query) and which cannot rank whole-query passages
// first. The element enhances a plain GET form that the page renders (so the form works
// without JavaScript): it starts Pagefind at once, runs ?q= and what is typed (short debounce),
// keeps ?q= in the address, and draws the filters with counts, the result cards and "load more".
import { SEARCH_FILTER_ORDER, SEARCH_FILTERS, SEARCH_META } from '../../render/search-fields.ts';
import { countValues, indexParts, SearchEngine, type Hit, type PagefindApi, type Selection } from './engine.ts';
import { passagesOf, type Passage } from './passages.ts';
import { searchTerms, type SearchTerms } from './query.ts';
import { filedStanding, PLACED, placeByStanding, settledCount, standing } from './standing.ts';

/** Result cards drawn at once, and per "load more". */
export const PAGE_SIZE = 8;
/** From the last keystroke to the search. */
const DEBOUNCE_MS = 60;
/** From the last keystroke or search to counting the filters' values. */
const COUNT_AFTER_MS = 250;
/** Filters sit beside the results from this width, open; above them and closed on a phone. */
const WIDE = '(min-width: 48em)';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Years newest first; other values in Chinese collation order. */
const byValue = (name: string) => (a: string, b: string) => (name === SEARCH_FILTERS.year ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN'));

class PortalSearch extends HTMLElement {
  #engine!: SearchEngine;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #filters!: HTMLElement;
  #terms: SearchTerms = searchTerms('');
  #hits: Hit[] = [];
  /** The hits under the current selection, and how many of them are drawn. */
  #current: Hit[] = [];
  #shown = 0;
  #selection: Selection = {};
  #generation = 0;
  /** Resolves once #hits are all placed (the first page may be drawn before). */
  #placed: Promise<void> = Promise.resolve();
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const bundle = this.dataset['bundle']!;
    this.#engine = new SearchEngine(() => import(/* @vite-ignore */ bundle) as Promise<PagefindApi>, indexParts(bundle));
    this.#input = this.querySelector('input[name="q"]')!;
    this.#status = this.querySelector('[data-search-status]')!;
    this.#list = this.querySelector('[data-search-results]')!;
    this.#more = this.querySelector('[data-search-more]')!;
    this.#filters = this.querySelector('[data-search-filters]')!;

    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#timer);
      this.#schedule(this.#input.value);
    });
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#engine.preload(searchTerms(this.#input.value));
      this.#timer = setTimeout(() => this.#schedule(this.#input.value), DEBOUNCE_MS);
    });
    this.#more.addEventListener('click', () => {
      const generation = this.#generation;
      void this.#placed.then(() => this.#draw(generation, true));
    });
    this.#filters.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      const values = new Set(this.#selection[box.name] ?? []);
      if (box.checked) values.add(box.value);
      else values.delete(box.value);
      this.#selection = { ...this.#selection, [box.name]: [...values] };
      const generation = ++this.#generation;
      void this.#placed.then(() => this.#redraw(generation));
    });

    const q = new URLSearchParams(location.search).get('q') ?? '';
    this.#input.value = q;
    if (q.trim()) {
      this.#schedule(q);
      // The placing filters, asked for right after the query: they load beside its index chunks,
      // so that its first page's fragments can all be asked for at once when it is answered.
      void this.#engine.filed().catch(() => undefined);
    } else void this.#engine.ready().catch(() => this.#failed());
  }

  /** The query to run next, if one came in while another ran. */
  #wanted: string | undefined;
  #busy = false;

  /**
   * Runs a query: at once when none is running; otherwise once the running one is done (which
   * then stops before drawing), the latest query only, so that typing does not queue up searches.
   */
  #schedule(raw: string): void {
    this.#wanted = raw;
    this.#generation += 1;
    this.#keepInAddress(raw.trim());
    if (this.#busy) return;
    this.#busy = true;
    void (async () => {
      while (this.#wanted !== undefined) {
        const next = this.#wanted;
        this.#wanted = undefined;
        await this.#search(next, this.#generation);
      }
      this.#busy = false;
    })();
  }

  /** Searches and draws the first cards (the filter counts follow, not awaited). */
  async #search(raw: string, generation: number): Promise<void> {
    const terms = searchTerms(raw);
    this.#terms = terms;
    if (terms.query === '') {
      this.#hits = [];
      this.#status.textContent = '';
      this.#list.replaceChildren();
      this.#more.hidden = true;
      return;
    }
    this.#status.textContent = `正在搜索“${raw.trim()}”…`;
    try {
      const found = await this.#engine.search(terms, () => generation !== this.#generation);
      if (!found || generation !== this.#generation) return;
      // The first whole matches placed by what they are: a featured metric named by the query,
      // the reports, other named metrics. The filters tell the reports and the featured metrics;
      // the featured metrics' fragments are loaded for their titles, the other pages' only after
      // the first page when the featured metrics and the reports fill it.
      const first = found.filter((h) => h.tier === 0).slice(0, PLACED);
      // Pagefind answers in turn: while the placing filters (loaded once) are still being searched,
      // the fragments of the first whole matches are asked for now, so that they load meanwhile.
      if (!this.#engine.hasFiled) for (const h of first.slice(0, PAGE_SIZE)) this.#engine.data(h.result).catch(() => undefined);
      const filed = await this.#engine.filed();
      const standings = new Map<Hit, number | undefined>(first.map((h) => [h, filedStanding(h.result.id, filed)]));
      const place = (hits: readonly Hit[]) => Promise.all(hits.map(async (h) => standings.set(h, standing((await this.#engine.data(h.result)).meta, terms))));
      const featured = first.filter((h) => filed.featured.has(h.result.id));
      const open = first.filter((h) => standings.get(h) === undefined);
      // The first page is most likely the featured metrics and the reports after them: their
      // fragments load with the featured metrics', not after them. When those cannot fill it,
      // every page still open is placed before it is drawn: its fragment loads now too.
      const likely = placeByStanding(found, new Map(first.map((h) => [h, featured.includes(h) ? 0 : (standings.get(h) ?? 2)])));
      const selected = Object.values(this.#selection).some((v) => v.length > 0);
      const fillable = !selected && settledCount(standings.values()) + featured.length >= PAGE_SIZE;
      for (const h of fillable ? likely.slice(0, PAGE_SIZE) : open) this.#engine.data(h.result).catch(() => undefined);
      await place(featured);
      if (generation !== this.#generation) return;
      const placeAll = async () => {
        await place(open);
        return placeByStanding(found, standings as Map<Hit, number>);
      };
      if (open.length > 0 && !selected && settledCount(standings.values()) >= PAGE_SIZE) {
        // The pages still open stand 2 or 3, after every card of the first page: that page is
        // drawn first, and their fragments are loaded after its own.
        this.#hits = placeByStanding(found, new Map(first.map((h) => [h, standings.get(h) ?? 2])));
        const drawn = this.#redraw(generation);
        // Not for a query the reader has already typed past: Pagefind would load those fragments before the next query's.
        this.#placed = drawn.then(async () => {
          if (generation !== this.#generation) return;
          const hits = await placeAll();
          if (generation !== this.#generation) return;
          this.#hits = hits;
          this.#current = hits;
        });
        await drawn;
      } else {
        this.#hits = await placeAll();
        if (generation !== this.#generation) return;
        this.#placed = Promise.resolve();
        await this.#redraw(generation);
      }
    } catch (error) {
      console.error(error);
      if (generation === this.#generation) this.#failed();
    }
  }

  /** The results under the current selection, from the first card; then the filter counts. */
  async #redraw(generation: number): Promise<void> {
    const selected = Object.values(this.#selection).some((v) => v.length > 0);
    const passing = selected ? await this.#engine.passing(this.#terms, this.#selection) : undefined;
    if (generation !== this.#generation) return;
    this.#current = passing ? this.#hits.filter((hit) => passing.has(hit.result.id)) : this.#hits;
    this.#list.replaceChildren();
    this.#shown = 0;
    this.#status.textContent = this.#message(this.#current.length);
    await this.#draw(generation);
    void this.#countFilters(generation).catch((error: unknown) => console.error(error));
  }

  async #countFilters(generation: number): Promise<void> {
    // Once the reader pauses: counting is a search of its own, which Pagefind would answer
    // before the query typed next (it answers in turn).
    await this.#engine.idle(COUNT_AFTER_MS);
    if (generation !== this.#generation) return;
    const terms = this.#terms;
    // Pagefind counts a query of one variant itself; the union of several is counted here.
    const counts =
      terms.variants.length === 1
        ? await this.#engine.counts(terms, this.#selection, SEARCH_FILTER_ORDER)
        : countValues(this.#hits, this.#selection, await this.#engine.members());
    if (generation !== this.#generation) return;
    await this.#drawFilters(counts);
  }

  /** Draws the next page of cards; after "load more", moves the focus to the first new one. */
  async #draw(generation: number, focus = false): Promise<void> {
    const page = this.#current.slice(this.#shown, this.#shown + PAGE_SIZE);
    // Counted at once, so that a second click while this page loads draws the page after it.
    this.#shown += page.length;
    this.#more.hidden = this.#shown >= this.#current.length;
    const loaded = Promise.all(page.map((hit) => this.#engine.data(hit.result)));
    // A page of cards is appended whole (the reader, and a screen reader, get it at once), and
    // pages in order, even when a later one loads first.
    const previous = this.#appended.catch(() => undefined);
    this.#appended = (async () => {
      const fragments = await loaded;
      await previous;
      if (generation !== this.#generation) return;
      const cards = fragments.map((fragment, i) => this.#card(fragment, passagesOf(fragment, this.#terms.variants, this.#terms.marks), page[i]!.tier < 2));
      this.#list.append(...cards);
      if (focus) cards[0]?.querySelector('a')?.focus();
    })();
    await this.#appended;
  }

  #appended: Promise<void> = Promise.resolve();

  #card(fragment: { url: string; meta: Record<string, string | undefined> }, passages: Passage[], whole: boolean): HTMLLIElement {
    const card = el('li', 'search-result');
    const title = el('h2', 'search-result__title');
    const link = el('a', undefined, fragment.meta[SEARCH_META.title] ?? fragment.url);
    link.href = fragment.url;
    title.append(link);
    const about = [fragment.meta[SEARCH_META.kind], fragment.meta[SEARCH_META.years] && `${fragment.meta[SEARCH_META.years]}年`, fragment.meta[SEARCH_META.reportType]];
    card.append(title, el('p', 'search-result__meta', about.filter(Boolean).join(' · ')));
    const list = el('ul', 'search-result__passages');
    for (const passage of passages) {
      const item = el('li', 'search-result__passage');
      if (passage.title) {
        const section = el('a', 'search-result__section', passage.title);
        section.href = passage.url;
        item.append(section);
      }
      const excerpt = el('p', 'search-result__excerpt');
      excerpt.append(...passage.segments.map((s) => (s.mark ? el('mark', undefined, s.text) : document.createTextNode(s.text))));
      item.append(excerpt);
      list.append(item);
    }
    card.append(list);
    if (!whole) card.append(el('p', 'search-result__partial', `本页没有完整的“${this.#terms.query}”，只含其中的字词。`));
    return card;
  }

  #message(count: number): string {
    const q = this.#input.value.trim();
    if (count === 0) return `没有找到与“${q}”相关的结果。可以换个说法，或浏览全部报告和指标。`;
    const added = this.#terms.added.length > 0 ? `（同时搜索了报告用语：${this.#terms.added.join('、')}）` : '';
    // Pages that hold only pieces of the query (single characters of it) are not what was asked for: say so.
    if (this.#current.every((hit) => hit.tier === 2)) return `没有找到完整包含“${q}”的页面；以下 ${count} 条结果只含其中部分字词${added}`;
    return `找到 ${count} 条与“${q}”相关的结果${added}`;
  }

  /** Builds the filter groups once (all values Pagefind lists), then keeps their counts up to date. */
  async #drawFilters(counts: Record<string, Record<string, number>>): Promise<void> {
    if (this.#boxes.size === 0) {
      const totals = await this.#engine.filters();
      const open = matchMedia(WIDE).matches;
      // 单位 only when more than one department publishes.
      const groups = SEARCH_FILTER_ORDER.filter((name) => Object.keys(totals[name] ?? {}).length > (name === SEARCH_FILTERS.department ? 1 : 0));
      this.#filters.replaceChildren(...groups.map((name) => this.#filterGroup(name, Object.keys(totals[name]!).sort(byValue(name)), open)));
      this.#filters.hidden = groups.length === 0;
    }
    for (const [key, { box, count }] of this.#boxes) {
      const [name, value] = JSON.parse(key) as [string, string];
      const n = counts[name]?.[value] ?? 0;
      count.textContent = `（${n}）`;
      box.disabled = n === 0 && !box.checked;
    }
  }

  /** Checkbox and count element of each filter value, by JSON [name, value]. */
  readonly #boxes = new Map<string, { box: HTMLInputElement; count: HTMLElement }>();

  #filterGroup(name: string, values: string[], open: boolean): HTMLDetailsElement {
    const details = el('details', 'search-filter');
    details.open = open;
    details.append(el('summary', undefined, name));
    const fieldset = el('fieldset');
    fieldset.append(el('legend', 'visually-hidden', name));
    for (const value of values) {
      const id = `${name}-${value}`;
      const box = el('input');
      Object.assign(box, { type: 'checkbox', name, value, id });
      const label = el('label', undefined, value);
      label.htmlFor = id;
      const count = el('span', 'search-filter__count');
      label.append(count);
      const row = el('div', 'search-filter__value');
      row.append(box, label);
      fieldset.append(row);
      this.#boxes.set(JSON.stringify([name, value]), { box, count });
    }
    details.append(fieldset);
    return details;
  }

  #keepInAddress(q: string): void {
    const params = new URLSearchParams(location.search);
    if (q) params.set('q', q);
    else params.delete('q');
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  }

  #failed(): void {
    this.#status.textContent = '搜索组件加载失败，请稍后重试，或浏览全部报告和指标。';
  }
}

customElements.define('portal-search', PortalSearch);
