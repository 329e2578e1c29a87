import * as OpenCC from 'opencc-js/t2cn';

/**
 * What the importer reads, as opposed to what it saves. Copies of disclosures on document-sharing sites carry text
 * that is not part of the document — «由会员分享…珍藏版», «版權說明…», upload metadata, «_第3页» preview lines, file
 * names — and PDF or Word extraction leaves page furniture («— 1 —», «第 1 页 共 3 页»). Machine-converted copies
 * add pinyin glosses after characters («目標(biāo)»). The reading view blanks all of these with spaces, so that every
 * line keeps its number and every character its column: the field readers see the document only, and quotes still
 * point at the saved source, which is never changed.
 *
 * Traditional characters (新田縣, 部門整體) are read through a simplified copy of the compact text, aligned
 * character by character (see simplifiedFlat), so that titles and place names match in either script while the
 * values written to a draft keep the characters printed.
 */

export interface ReadingView {
  text: string;
  /** What was blanked, one entry per kind, for the reviewer. */
  stripped: string[];
}

/** A whole line that belongs to the sharing site, not the document. Simplified and traditional forms. */
const SHARING_LINE =
  /由[会會][员員](?:分享|上[传傳]分享)|珍藏版|版[权權][说說]明|文[档檔][简簡]介|文本[预預][览覽]下[载載][声聲]明|下[载載](?:积分|積分)|[资資]源(?:ID|描述|大小|格式)|上[传傳]人[:：]|文[档檔][编編][号號][:：]|当前文[档檔]共\d+[页頁]|[继繼][续續](?:免[费費])?[阅閱][读讀]|全文[预預][览覽]已[结結]束|下[载載]本文[档檔]|[该該]文[档檔]总共|超出免[费費][预預][览覽]|千万精品文[档檔]|点[击擊]查看更多|本站(?:不支持|[资資]源|仅提供)|[友温]馨提示|下[载載]后[继繼][续續][阅閱][读讀]|^\s*收藏\s*分[销銷]|^\s*下[载載]\s*相[关關]\s*[举舉][报報]\s*$|^\s*[资資]源描述[:：]?\s*$|[访訪][问問]\s*[\d.]+\s*下[载載]文[档檔]|\d+\s*[页頁]\s*[\d.]+\s*KB/;

/** A line that is only a file name (one or several), or a page preview of one: «…自评报告.docx», «….docx_第2页». */
const FILE_NAME_END = /\.(?:docx?|pdf|xlsx?|wps|txt)(?:_第\d+[页頁])?\s*$/i;
const isFileNameLine = (line: string) => line.length < 1000 && FILE_NAME_END.test(line);
const PAGE_OF_LINE = /^\s*第\s*\d+\s*[页頁]\s*[/／]?\s*共\s*\d+\s*[页頁]\s*$/;

/** Page numbers inside a line: «— 1 —», «- 12 -», «第 3 页 共 9 页». */
const PAGE_NUMBER = /(?<=^|\s)[—－-]\s*\d{1,3}\s*[—－-](?=\s|$)|第\s*\d{1,3}\s*[页頁]\s*[/／]?\s*共\s*\d{1,3}\s*[页頁]/g;

/** Pinyin glosses a converter put after characters: «經(jīng)», «部門(mén)». */
const PINYIN_GLOSS = /(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}\)/g;

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

export function readingView(text: string): ReadingView {
  const stripped = new Set<string>();
  const lines = text.split('\n').map((line) => {
    if (SHARING_LINE.test(line)) {
      stripped.add('文档分享网站的说明文字');
      return blank(line);
    }
    if (isFileNameLine(line) || PAGE_OF_LINE.test(line)) {
      stripped.add(isFileNameLine(line) ? '文件名行' : '页码');
      return blank(line);
    }
    let out = line.replace(PAGE_NUMBER, (m) => {
      stripped.add('页码');
      return blank(m);
    });
    out = out.replace(PINYIN_GLOSS, (m) => {
      stripped.add('转换繁体时加入的拼音注音');
      return blank(m);
    });
    return out;
  });
  return { text: lines.join('\n'), stripped: [...stripped] };
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * The compact text in simplified characters, of exactly the same length, so that an offset found in it is an offset
 * in SourceIndex.flat. Phrases are converted whole (乾州 stays 乾州); a phrase whose conversion changes length is
 * converted character by character.
 */
export function simplifiedFlat(flat: string): string {
  if (!/[\u3400-\u9fff]/.test(flat)) return flat;
  let out = '';
  for (const segment of flat.match(/[^，。；：、,.;:|()（）]+|[，。；：、,.;:|()（）]/g) ?? []) {
    const converted = toSimplified(segment);
    out += converted.length === segment.length ? converted : [...segment].map((ch) => (toSimplified(ch).length === ch.length ? toSimplified(ch) : ch)).join('');
  }
  return out.length === flat.length ? out : flat;
}
