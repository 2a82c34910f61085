// The crawler's HTML scanner must see a page as htmlparser2 does: same open tags with the same
// attributes, same text, same (implied) close tags, on every fixture page and on generated
// markup that mixes the awkward cases old Thai agency sites are full of.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { scanHtml } from '../../src/crawl/html-scanner.ts';
import { decodeHtml } from '../../src/crawl/charset.ts';
import { randomJoin, seeded } from '../helpers/random.ts';

type Event = string;

/** events with adjacent text runs merged (the two split text differently, the extractor joins it) */
function viaHtmlparser2(html: string, keep?: Set<string>): Event[] {
  const out: Event[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attribs) => out.push(`<${name} ${JSON.stringify(keep ? Object.fromEntries(Object.entries(attribs).filter(([k]) => keep.has(k))) : attribs)}`),
      ontext: (t) => {
        if (out.length && out[out.length - 1]!.startsWith('"')) out[out.length - 1] += t;
        else out.push(`"${t}`);
      },
      onclosetag: (name) => out.push(`/${name}`),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return out;
}

function viaScanner(html: string, keep?: Set<string>): Event[] {
  const out: Event[] = [];
  scanHtml(
    html,
    {
      onopentag: (name, attribs) => out.push(`<${name} ${JSON.stringify(attribs)}`),
      ontext: (t) => {
        if (out.length && out[out.length - 1]!.startsWith('"')) out[out.length - 1] += t;
        else out.push(`"${t}`);
      },
      onclosetag: (name) => out.push(`/${name}`),
    },
    keep,
  );
  return out;
}

const PIECES = [
  '<p>', '</p>', '<P CLASS="x">', '<li>', '</li>', '<ul>', '</ul>', '<tr>', '<td>', '</td>', '<table>', '</table>', '<tbody>',
  '<a href="/o1.html">', '<A HREF=/o2.php?a=1&amp;b=2>', "<a href='x y'>", '</a>', '<br>', '</br>', '<br/>', '<img src=x.png alt="QR ITA">',
  '<div id=root>', '</div>', '<span>', '</span>', '<h2>', '</h2>', '<b>', '</B>', '<font color=red>', '</font>', '<center>',
  'ข้อมูลพื้นฐาน', ' O1 ', 'text &amp; more', '&nbsp;', '&lt;not a tag&gt;', '&#3585;', '&#x0E01;', '&copy', '&unknown;', ' & ', '5 < 6', '<3', '<', '>',
  '<!-- comment <p> -->', '<!---->', '<!-->', '<!doctype html>', '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">', '<![CDATA[ x ]]>', '<!x>', '<!>', '<?xml version="1.0"?>',
  '<script>var a = "<p>";</script>', '<SCRIPT type="text/javascript">if (a < b) {}</SCRIPT>', '<script/>', '<style>p{}</style>', '<title>หน้า &amp; แรก</title>',
  '<textarea>a <b> c</textarea>', '<xmp><p></xmp>', '<svg><path d="M0"/><title>t</title></svg>', '<svg/>', '<math><mi>x</mi></math>',
  '<input type=submit value="ค้นหา">', '<select><option>1<option>2</select>', '<form action="/s">', '</form>', '<frameset>', '<frame src="menu.html" name=menu>',
  '<a href="x" href="y" HREF="z">', '<a b c=d e>', '<a =x>', '<a/b>', '<a href = "spaced" >', '</ a>', '</>', '</ >', '</3 junk>', '</a junk="x">',
  '<dd>', '<dt>', '<dl>', '<option>', '<h1>', '<iframe src="https://maps.google.com/x"></iframe>', '<meta http-equiv="refresh" content="0;url=/home">',
  '<noscript>Please enable JavaScript</noscript>', '<div hidden>', '<a onclick="location.href=\'/x\'">', '\n', '\t', '  ', '<area href="/m" alt="map">',
  '<a\nhref="/multi-line"\nTITLE="O10 แผน">', '<td nowrap width=50%>', '<a title="a > b" href="/gt">', '<a title=\'say "hi"\'>', '<p/>', '<li/>', '<img/src="x.png">',
  '<a href="/q?x=1&y=2&amp;z=3&copy=4">', '<input value="&quot;quoted&quot;">', '<th>', '</tr>', '<tfoot>', '<thead>', '<caption>', '<label for=x>',
  '<button>', '</button>', '<optgroup>', '<dl><dt>term<dd>def</dl>', '<table><tr><td>O1<td>โครงสร้าง</table>', '<ScRiPt>x</sCrIpT >', '<style type=text/css>a{}</style  >',
  '</script>', '<title>', '</title>', '<foreignObject><p>x</p></foreignObject>', '<desc>', '<mi>', '</svg>', '</math>', '<body>', '<head>', '<link rel=x>',
];


const randomDocument = (random: () => number) => randomJoin(random, PIECES, 25);

describe('scanHtml', () => {
  it('emits what htmlparser2 emits on 20,000 generated documents', () => {
    const random = seeded(3);
    for (let t = 0; t < 20_000; t++) {
      let html = randomDocument(random);
      // a complete document ends with a tag (a cut-off end is the next test's subject)
      html += '<p>จบ</p>';
      expect(viaScanner(html), html).toEqual(viaHtmlparser2(html));
    }
  });

  it('on a document cut off anywhere (a size cap), differs at most in the text htmlparser2 makes of the cut-off tag', () => {
    const random = seeded(5);
    for (let t = 0; t < 10_000; t++) {
      let html = randomDocument(random);
      html = html.slice(0, Math.floor(random() * html.length));
      const ours = viaScanner(html);
      const theirs = viaHtmlparser2(html);
      // htmlparser2 turns a cut-off comment or declaration into trailing text, and closes a cut-off
      // open tag it never opened; the scanner drops both. Up to the last opened element the two
      // agree, and after it the scanner's text is the start of htmlparser2's.
      const lastOpen = (events: Event[]) => {
        for (let i = events.length - 1; i >= 0; i--) if (events[i]!.startsWith('<')) return i;
        return -1;
      };
      const textAfter = (events: Event[]) =>
        events
          .slice(lastOpen(events) + 1)
          .filter((e) => e.startsWith('"'))
          .map((e) => e.slice(1))
          .join('');
      expect(ours.slice(0, lastOpen(ours) + 1), html).toEqual(theirs.slice(0, lastOpen(theirs) + 1));
      expect(textAfter(theirs).startsWith(textAfter(ours)), html).toBe(true);
    }
  });

  it('with an attribute list, keeps exactly those attributes and nothing else changes', () => {
    const keep = new Set(['href', 'src', 'alt', 'title', 'value', 'id']);
    const random = seeded(9);
    for (let t = 0; t < 5_000; t++) {
      let html = randomDocument(random);
      html += '<p>จบ</p>';
      expect(viaScanner(html, keep), html).toEqual(viaHtmlparser2(html, keep));
    }
  });

  it('reads the extra attributes named for a tag on that tag only', () => {
    const seen: Array<[string, Record<string, string>]> = [];
    scanHtml('<div style="a" href="/d"><img style="width:1px" src="/i.png" href="/x"></div>', { onopentag: (n, a) => void seen.push([n, a]), ontext: () => undefined, onclosetag: () => undefined }, new Set(['href']), new Map([['img', new Set(['style'])]]));
    expect(seen).toEqual([
      ['div', { href: '/d' }],
      ['img', { style: 'width:1px', href: '/x' }],
    ]);
  });

  it('stays linear on a broken page of 60,000 unclosed tags and 60,000 stray end tags', () => {
    const html = `<body>${'<font>ข้อความ '.repeat(60_000)}${'</b>'.repeat(60_000)}<p>ท้ายหน้า</p></body>`;
    let opened = 0;
    let text = '';
    scanHtml(html, { onopentag: () => void opened++, ontext: (t) => void (text += t.length > 20 ? '' : t), onclosetag: () => undefined });
    expect(opened).toBe(60_002);
    expect(text.endsWith('ท้ายหน้า')).toBe(true);
  });

  it('emits what htmlparser2 emits on every HTML fixture page', () => {
    const files: string[] = [];
    (function walk(dir: string) {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(html?|php|aspx?)$/i.test(f)) files.push(p);
      }
    })('tests/fixtures');
    expect(files.length).toBeGreaterThan(400);
    for (const f of files) {
      const html = decodeHtml(readFileSync(f)).text;
      expect(viaScanner(html), f).toEqual(viaHtmlparser2(html));
    }
  });
});
