/**
 * Decodes the bytes of a text file saved by Excel or an editor, in the API (the emissions import)
 * and in the browser (the contacts import) alike, so it uses nothing of Node's.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decodes text bytes, detecting the encoding: a byte-order mark decides; otherwise text that is
 * valid UTF-8 is UTF-8, and text that is mostly UTF-8 (more well-formed multi-byte sequences than
 * stray bytes: a line pasted in from an Excel "CSV") is UTF-8 with U+FFFD for the stray bytes, so
 * only that line is unreadable. Anything else is Windows-1252 (what Swedish Excel saves as "CSV"),
 * where the five bytes that encoding leaves undefined also become U+FFFD.
 *
 * @returns the text without its byte-order mark, and the encoding found.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const { sequences, strays } = utf8Shape(bytes);
  if (strays === 0 || sequences > strays) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
  // WHATWG decodes 0x81, 0x8D, 0x8F, 0x90 and 0x9D as invisible C1 controls: no text has them.
  const text = new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, '\ufffd');
  return { text, encoding: 'windows-1252' };
}

/**
 * Counts well-formed UTF-8 multi-byte sequences and the non-ASCII bytes that are in none. Windows-1252
 * Swedish text ("å" = E5 followed by a letter) makes almost no well-formed sequences.
 */
function utf8Shape(bytes: Uint8Array): { sequences: number; strays: number } {
  let sequences = 0;
  let strays = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences += 1;
      i += length;
    } else {
      strays += 1;
      i += 1;
    }
  }
  return { sequences, strays };
}
