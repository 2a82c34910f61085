// Best-first frontier: a max-heap on priority, FIFO among equals (so equal priority is
// breadth-first). Dedupe happens before push, in the crawler.

export interface FrontierEntry {
  url: string;
  depth: number;
  priority: number;
  referrer?: string;
  /** expected to be a document (by its URL): fetched with the document size cap */
  document: boolean;
  /** a document on another host: fetched, never crawled further */
  offSite?: boolean;
  /** linked from a hub or matched hub/priority words: a candidate evidence page */
  candidate: boolean;
  /** urlKey(url), when the caller already computed it */
  key?: string;
}

interface Node {
  entry: FrontierEntry;
  seq: number;
}

export class Frontier {
  private heap: Node[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(entry: FrontierEntry): void {
    this.heap.push({ entry, seq: this.seq++ });
    this.up(this.heap.length - 1);
  }

  pop(): FrontierEntry | undefined {
    const top = this.heap[0];
    if (!top) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length) {
      this.heap[0] = last;
      this.down(0);
    }
    return top.entry;
  }

  /** everything still queued, emptying the frontier */
  drain(): FrontierEntry[] {
    const all = this.heap.map((n) => n.entry);
    this.heap = [];
    return all;
  }

  private before(a: Node, b: Node): boolean {
    return a.entry.priority > b.entry.priority || (a.entry.priority === b.entry.priority && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < h.length && this.before(h[l]!, h[best]!)) best = l;
      if (r < h.length && this.before(h[r]!, h[best]!)) best = r;
      if (best === i) return;
      [h[i], h[best]] = [h[best]!, h[i]!];
      i = best;
    }
  }
}
