/**
 * The characters XML 1.0 cannot hold, as one global pattern: most C0 controls, U+FFFE, U+FFFF and lone
 * surrogates. Writers of XML (the badge's SVG, the Atom feed) drop or replace what it matches.
 *
 * @example
 * 'a\u0000b'.replace(XML_FORBIDDEN_CHARACTERS, '\ufffd') // 'a\ufffdb'
 */
export const XML_FORBIDDEN_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
