// Reads the evaluation exports back as a reviewer reads them, mirroring the backend's
// EvaluationExportTest: the indicator table of each format (row names, 分值 and 得分 cells, the printed
// totals) and the whole text for the code-token rule. XLSX and DOCX through lib/zip.mjs, PDF through
// pdftotext (poppler-utils): -bbox for where words are drawn, plain text per page.
import { execFileSync } from 'node:child_process';
import { unzip } from './zip.mjs';

const HEADERS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];

export function xmlText(s) {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (m, e) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** The text of every <t>, <w:t> … run inside an XML fragment, joined. */
function runs(xml, tag) {
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g');
  return [...xml.matchAll(re)].map((m) => xmlText(m[1])).join('');
}

const squeeze = (s) => s.replace(/\s+/g, '');
const round2 = (n) => Math.round(n * 100) / 100;
/** A printed number ('1,234.50', '10') to a number; blank → 0 (an unscored row). */
export function printedNumber(s) {
  const t = String(s ?? '').replace(/[,\s]/g, '');
  if (t === '') return 0;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not a number: '${s}'`);
  return n;
}

// ------------------------------------------------------------------ XLSX
/**
 * The first sheet as rows of cells: cells[row][col] = {text, formula} (0-based, like POI), formula
 * cells carrying their cached value as text; plus the header/footer text and the sheet's strings.
 */
export function readXlsx(buf) {
  const zip = unzip(buf);
  const shared = [];
  const sst = zip.get('xl/sharedStrings.xml')?.toString('utf8') || '';
  for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(runs(m[1], 't'));
  const sheet = zip.get('xl/worksheets/sheet1.xml').toString('utf8');
  const cells = [];
  for (const m of sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, colName, rowNum, attrs, inner = ''] = m;
    const col = [...colName].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(rowNum) - 1;
    const type = /\st="([^"]+)"/.exec(attrs)?.[1];
    const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
    const f = /<f(?:\s[^>]*)?>([^<]*)<\/f>/.exec(inner)?.[1];
    let text = '';
    if (type === 's') text = shared[Number(v)];
    else if (type === 'inlineStr') text = runs(inner, 't');
    else if (v !== undefined) text = xmlText(v);
    (cells[row] ||= [])[col] = { text, formula: f === undefined ? null : xmlText(f) };
  }
  const headerFooter = [...sheet.matchAll(/<(odd|even|first)(Header|Footer)>([^<]*)</g)]
    .map((m) => xmlText(m[3]).replace(/&[LCRPND]|&"[^"]*"|&\d+/g, ' '));
  const workbook = zip.get('xl/workbook.xml').toString('utf8');
  const sheetNames = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => xmlText(m[1]));
  const text = [...sheetNames, ...headerFooter, ...cells.flatMap((r) => (r || []).map((c) => c?.text ?? ''))].join('\n');
  return { cells, headerFooter, text };
}

/**
 * The indicator table of the 自评表: rows between 一级指标 and 总分, columns C (name), F (分值), G (得分).
 * Numbers are taken to the two decimals a score has: a SUM's cached value is a sum of doubles (87.39999999999999).
 */
export function xlsxTable(buf) {
  const { cells } = readXlsx(buf);
  const number = (s) => round2(printedNumber(s));
  const cell = (r, c) => cells[r]?.[c] || { text: '', formula: null };
  const header = cells.findIndex((r) => r?.[0]?.text === '一级指标');
  const total = cells.findIndex((r) => r?.[0]?.text === '总分');
  if (header < 0 || total < header) throw new Error(`xlsx: no 一级指标 … 总分 block (${header}, ${total})`);
  const table = { names: [], weights: [], scores: [], formulas: [cell(total, 5).formula, cell(total, 6).formula],
    totalWeight: number(cell(total, 5).text), totalScore: number(cell(total, 6).text) };
  for (let r = header + 1; r < total; r++) {
    table.names.push(squeeze(cell(r, 2).text));
    table.weights.push(number(cell(r, 5).text));
    table.scores.push(number(cell(r, 6).text));
  }
  return table;
}

// ------------------------------------------------------------------ DOCX
/** The text of the document body, headers and footers, one paragraph a line. */
export function docxText(buf) {
  const zip = unzip(buf);
  const parts = [...zip.keys()].filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n)).sort();
  return parts.map((n) => zip.get(n).toString('utf8').split(/<\/w:p>/).map((p) => runs(p, 'w:t')).join('\n')).join('\n');
}

/** The indicator table of the report: the table whose first cell is 一级指标, its last row 总分. */
export function docxTable(buf) {
  const xml = unzip(buf).get('word/document.xml').toString('utf8');
  for (const t of xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const rows = [...t[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)]
      .map((r) => [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => runs(c[1], 'w:t')));
    if (rows[0]?.[0] !== '一级指标') continue;
    const total = rows.at(-1);
    if (total[0] !== '总分') throw new Error(`docx: the table's last row starts with '${total[0]}', not 总分`);
    const body = rows.slice(1, -1);
    return { names: body.map((r) => squeeze(r[2] ?? '')), weights: body.map((r) => printedNumber(r[5])),
      scores: body.map((r) => printedNumber(r[6])), totalWeight: printedNumber(total[5]), totalScore: printedNumber(total[6]) };
  }
  throw new Error('docx: no table starting with 一级指标');
}

// ------------------------------------------------------------------ PDF
/** The text of each page (pdftotext -layout), in page order. */
export function pdfPages(file) {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = text.split('\f');
  if (pages.at(-1).trim() === '') pages.pop();
  return pages;
}

/** Words with where pdftotext draws them: [{page, x, y, text}], y from the page's top. */
export function pdfWords(file) {
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const words = [];
  const heights = [];
  html.split(/<page /).slice(1).forEach((pageHtml, i) => {
    heights.push(Number(/height="([\d.]+)"/.exec(pageHtml)[1]));
    for (const m of pageHtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      words.push({ page: i + 1, x: Number(m[1]), y: Number(m[2]), text: xmlText(m[3]).trim() });
    }
  });
  return { words, heights };
}

/**
 * The indicator table read from where its words are drawn: the header row gives each column's left
 * edge; the table's words are those below the header (and above 总分 on its last page).
 */
export function pdfTable(file) {
  const { words, heights } = pdfWords(file);
  const table = { names: [], weights: [], scores: [], totalWeight: null, totalScore: null };
  let names = '';
  for (let page = 1; page <= heights.length; page++) {
    const on = words.filter((w) => w.page === page);
    const weightHead = on.find((w) => w.text === '分值');
    if (!weightHead) continue;
    const sameLine = (w, ref) => Math.abs(w.y - ref.y) < 2;
    const left = HEADERS.map((h) => {
      const w = on.find((x) => x.text === h && sameLine(x, weightHead));
      if (!w) throw new Error(`pdf page ${page}: no header ${h}`);
      return w.x - 3;
    });
    const deviation = on.find((w) => w.text.startsWith('偏差') && sameLine(w, weightHead));
    if (!deviation) throw new Error(`pdf page ${page}: no 偏差 header`);
    left.push(deviation.x - 3);
    const total = on.find((w) => w.text === '总分' && w.x < left[1] && w.y > weightHead.y);
    const bottom = total ? total.y - 2 : heights[page - 1] - 55;
    const body = on.filter((w) => w.y > weightHead.y + 2 && w.y < bottom).sort((a, b) => a.y - b.y || a.x - b.x);
    const inCol = (w, c) => w.x >= left[c] && w.x < left[c + 1];
    for (const w of body) {
      if (inCol(w, 2)) names += w.text;
      else if (inCol(w, 5)) table.weights.push(printedNumber(w.text));
      else if (inCol(w, 6)) table.scores.push(printedNumber(w.text));
    }
    if (total) {
      for (const w of on.filter((x) => sameLine(x, total))) {
        if (inCol(w, 5)) table.totalWeight = printedNumber(w.text);
        else if (inCol(w, 6)) table.totalScore = printedNumber(w.text);
      }
    }
  }
  table.names = [names];
  return table;
}

/** Sum of numbers to the two decimals a score has (a sum of doubles is not exact). */
export function sum2(xs) {
  return round2(xs.reduce((a, b) => a + b, 0));
}
