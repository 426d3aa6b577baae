// A filled-in template as a document: plain text, Word (.docx, through the docx library) and OpenDocument text
// (.odt, through odf-kit). The Markdown is read once into a small block model (headings, paragraphs, lists with
// bold and italic runs); each format writes that model with its library. Placeholder values become plain text
// runs, so whatever a value looks like, it stays literal; a missing value stays visibly marked.
import type { Paragraph } from 'docx';
import { marked, type Token, type Tokens } from 'marked';
import { NONCE } from './content.js';
import { fillText, missingMark, missingNames, tokenize, TOKEN } from './placeholders.js';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A placeholder without a value: highlighted. */
  missing?: boolean;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: Run[][] };

export interface FilledDocument {
  title: string;
  /** Shown under the title: "Antrag · Gemeinderat/Stadtrat". */
  subtitle: string;
  blocks: Block[];
  /** Placeholders left empty, by name. */
  missing: string[];
}

/** The runs of inline Markdown, with the placeholder tokens split out into their values. */
function inlineRuns(
  tokens: Token[] | undefined,
  lookup: (token: string) => Run | undefined,
  style: { bold?: boolean; italic?: boolean } = {},
): Run[] {
  const runs: Run[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, lookup, { ...style, bold: true }));
        break;
      case 'em':
        runs.push(...inlineRuns((token as Tokens.Em).tokens, lookup, { ...style, italic: true }));
        break;
      case 'del':
      case 'link':
        runs.push(...inlineRuns((token as Tokens.Link).tokens, lookup, style));
        break;
      case 'br':
        runs.push({ text: '\n', ...style });
        break;
      case 'text':
        if ((token as Tokens.Text).tokens) runs.push(...inlineRuns((token as Tokens.Text).tokens, lookup, style));
        else runs.push(...splitTokens((token as Tokens.Text).text, lookup, style));
        break;
      default:
        // codespan, escape, html …: their text as written (splitTokens decodes the lexer's entities)
        runs.push(...splitTokens('text' in token ? String(token.text) : token.raw, lookup, style));
    }
  }
  return runs;
}

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? _);

function splitTokens(text: string, lookup: (token: string) => Run | undefined, style: { bold?: boolean; italic?: boolean }): Run[] {
  const runs: Run[] = [];
  const plain = decodeEntities(text);
  let last = 0;
  for (const match of plain.matchAll(TOKEN(NONCE))) {
    if (match.index > last) runs.push({ text: plain.slice(last, match.index), ...style });
    const run = lookup(match[0]);
    runs.push(run ? { ...style, ...run } : { text: match[0], ...style });
    last = match.index + match[0].length;
  }
  if (last < plain.length) runs.push({ text: plain.slice(last), ...style });
  return runs;
}

/** Markdown (with placeholders) as blocks, the values put in. */
export function markdownBlocks(source: string, values: Record<string, string>): Block[] {
  const { text, tokens } = tokenize(source, values, NONCE);
  const lookup = (token: string): Run | undefined => {
    const piece = tokens.get(token);
    if (!piece) return undefined;
    return piece.value === null ? { text: missingMark(piece.placeholder), missing: true } : { text: piece.value };
  };
  const blocks: Block[] = [];
  const walk = (list: Token[]) => {
    for (const token of list) {
      if (token.type === 'heading') {
        const t = token as Tokens.Heading;
        blocks.push({ type: 'heading', level: Math.min(3, Math.max(2, t.depth + 1)) as 2 | 3, runs: inlineRuns(t.tokens, lookup) });
      } else if (token.type === 'paragraph') {
        blocks.push({ type: 'paragraph', runs: inlineRuns((token as Tokens.Paragraph).tokens, lookup) });
      } else if (token.type === 'list') {
        const t = token as Tokens.List;
        blocks.push({
          type: 'list',
          ordered: t.ordered,
          items: t.items.map((item) =>
            item.tokens.flatMap((inner) =>
              'tokens' in inner && inner.tokens ? inlineRuns(inner.tokens, lookup) : inlineRuns([inner], lookup),
            ),
          ),
        });
      } else if (token.type === 'blockquote') {
        walk((token as Tokens.Blockquote).tokens);
      } else if (token.type === 'code') {
        blocks.push({ type: 'paragraph', runs: splitTokens((token as Tokens.Code).text, lookup, {}) });
      } else if (token.type === 'table') {
        const t = token as Tokens.Table;
        for (const row of [t.header, ...t.rows])
          blocks.push({
            type: 'paragraph',
            runs: row.flatMap((cell, i) => [...(i ? [{ text: ' | ' }] : []), ...inlineRuns(cell.tokens, lookup)]),
          });
      }
      // hr and space: nothing to write
    }
  };
  walk(marked.lexer(text, { gfm: true, breaks: true }));
  return blocks;
}

export function filledDocument(
  motion: { title: string; body: string; reasoning: string },
  subtitle: string,
  values: Record<string, string>,
  names: string[],
): FilledDocument {
  const blocks = markdownBlocks(motion.body, values);
  if (motion.reasoning)
    blocks.push({ type: 'heading', level: 2, runs: [{ text: 'Begründung' }] }, ...markdownBlocks(motion.reasoning, values));
  return {
    title: fillText(motion.title, values),
    subtitle,
    blocks,
    missing: missingNames(names, values),
  };
}

/** Plain text: the Markdown with the values put in, under the title. */
export function textDocument(
  motion: { title: string; body: string; reasoning: string },
  subtitle: string,
  values: Record<string, string>,
): string {
  const title = fillText(motion.title, values);
  const parts = [title, '='.repeat(Math.min(title.length, 80)), subtitle, '', fillText(motion.body, values)];
  if (motion.reasoning) parts.push('', 'Begründung', '----------', '', fillText(motion.reasoning, values));
  // Windows line ends: Notepad and Word open the file as written.
  return `${parts.join('\n').trim()}\n`.replace(/\r?\n/g, '\r\n');
}

// The document libraries load on the first download, not with the app: together they add about 150 ms to every start.
export async function docxDocument(doc: FilledDocument): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } = await import('docx');
  let listNumber = 0;
  const runsOf = (runs: Run[]) =>
    runs.flatMap((r) =>
      r.text.split('\n').map(
        (line, i) =>
          new TextRun({
            text: line,
            bold: r.bold,
            italics: r.italic,
            highlight: r.missing ? 'yellow' : undefined,
            break: i > 0 ? 1 : undefined,
          }),
      ),
    );
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runsOf([{ text: doc.title }]) }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
  ];
  for (const block of doc.blocks) {
    if (block.type === 'heading') {
      children.push(
        new Paragraph({ heading: block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: runsOf(block.runs) }),
      );
    } else if (block.type === 'paragraph') {
      children.push(new Paragraph({ children: runsOf(block.runs) }));
    } else {
      const instance = ++listNumber;
      for (const item of block.items) {
        children.push(
          new Paragraph({
            children: runsOf(item),
            ...(block.ordered ? { numbering: { reference: 'nummern', level: 0, instance } } : { bullet: { level: 0 } }),
          }),
        );
      }
    }
  }
  const document = new Document({
    creator: 'Kommunale Erfahrungsbörse',
    title: doc.title,
    numbering: {
      config: [
        {
          reference: 'nummern',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

export async function odtDocument(doc: FilledDocument): Promise<Uint8Array> {
  const { OdtDocument } = await import('odf-kit');
  const odt = new OdtDocument();
  odt.setMetadata({ title: doc.title, creator: 'Kommunale Erfahrungsbörse' });
  const write = (builder: { addText(text: string, formatting?: object): unknown; addLineBreak?(): unknown }, runs: Run[]) => {
    for (const r of runs) {
      r.text.split('\n').forEach((line, i) => {
        if (i > 0) builder.addLineBreak?.();
        if (line) builder.addText(line, { bold: r.bold, italic: r.italic, ...(r.missing ? { highlightColor: '#ffff00' } : {}) });
      });
    }
  };
  odt.addHeading(doc.title, 1);
  odt.addParagraph((p) => void p.addText(doc.subtitle, { italic: true }));
  for (const block of doc.blocks) {
    if (block.type === 'heading') odt.addHeading((h) => write(h, block.runs), block.level);
    else if (block.type === 'paragraph') odt.addParagraph((p) => write(p, block.runs));
    else
      odt.addList((l) => block.items.forEach((item) => l.addItem((p) => write(p, item))), { type: block.ordered ? 'numbered' : 'bullet' });
  }
  return odt.save();
}
