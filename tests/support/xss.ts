// A shared corpus of markup-injection vectors, and a check that a rendered page carries none of them.
// Every field that reaches a page, a mail or a feed is pushed through the corpus (tests/xss.test.ts);
// later features add their fields there.
import { Parser } from 'htmlparser2';

/**
 * Filter-evasion vectors in the spirit of OWASP's XSS Filter Evasion Cheat Sheet, plus a slice of the Big List of
 * Naughty Strings (script injection, SQL-looking text, Unicode oddities).
 */
export const XSS_CORPUS: string[] = [
  '<script>alert(1)</script>',
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">',
  '<IMG SRC=javascript:alert(1)>',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC="jav&#x09;ascript:alert(1);">',
  '<IMG SRC=" &#14;  javascript:alert(1);">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<a href="javascript:alert(1)">klick</a>',
  '<a href="jAvAsCrIpT&colon;alert(1)">klick</a>',
  '<a href="&#x6A;avascript:alert(1)">klick</a>',
  '<a href="data:text/html,<script>alert(1)</script>">klick</a>',
  '<a href="vbscript:msgbox(1)">klick</a>',
  '<a onmouseover="alert(1)">über</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>@import "javascript:alert(1)";</style>',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<SCRIPT SRC=http://xss.rocks/xss.js?< B >',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '\\";alert(1);//',
  '${alert(1)}',
  '{{constructor.constructor("alert(1)")()}}',
  '<%= process.exit() %>',
  '[klick](javascript:alert(1))',
  '[klick](JAVASCRIPT:alert(1))',
  '[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![bild](x" onerror="alert(1))',
  '[a](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  // Big List of Naughty Strings (a slice)
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(10)',
  'ＡＢＣ１２３ 田中さんにあげて下さい',
  'Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳',
  '‮ᴉlqɐ ʇǝp ʇsǝʇ',
  '🐵 🙈 🙉 🙊 ❤️ 💔',
  '​ zero​width​space',
  'ﷺ',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];

/** Schemes that run code or carry a document when put into an address. */
const DANGEROUS_SCHEME = /^(javascript|vbscript|data|livescript|mocha):/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc', 'lowsrc', 'dynsrc']);
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'object', 'embed', 'svg', 'math', 'style', 'base', 'frame', 'frameset', 'applet', 'video', 'audio', 'source']);

/**
 * Problems found in a rendered page: markup that can run code or change the page, that the app itself never
 * writes. The app's own scripts come from /assets/ only; it writes no inline handlers or styles (CSP forbids them).
 */
export function injectedMarkup(html: string): string[] {
  const problems: string[] = [];
  let inScript = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script') {
          inScript = true;
          if (!attributes.src?.startsWith('/assets/')) problems.push(`<script> not from /assets/: ${JSON.stringify(attributes)}`);
        }
        if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`<${name}>`);
        if (name === 'meta' && attributes['http-equiv']) problems.push('<meta http-equiv>');
        if (name === 'link' && !/^(stylesheet|icon|alternate)$/.test(attributes.rel ?? '')) problems.push(`<link rel="${attributes.rel}">`);
        if (name === 'link' && !attributes.href?.startsWith('/')) problems.push(`<link href="${attributes.href}">`);
        if (name === 'form' && attributes.action && !attributes.action.startsWith('/')) problems.push(`<form action="${attributes.action}">`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) problems.push(`<${name} ${attribute}=…>`);
          if (attribute === 'style') problems.push(`<${name} style=…>`);
          if (attribute === 'autofocus' && name !== 'div') problems.push(`<${name} autofocus>`);
          const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
          if (URL_ATTRIBUTES.has(attribute) && DANGEROUS_SCHEME.test(squeezed)) problems.push(`<${name} ${attribute}="${value.slice(0, 60)}">`);
        }
      },
      ontext(text) {
        if (inScript && text.trim()) problems.push(`inline script: ${text.slice(0, 60)}`);
      },
      onclosetag(name) {
        if (name === 'script') inScript = false;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}
