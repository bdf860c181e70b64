// Chinese and Arabic numerals as they appear in heading numbers.

const DIGITS: Record<number, number> = {
  0x3007: 0, // 〇
  0x96f6: 0, // 零
  0x4e00: 1, // 一
  0x4e8c: 2, // 二
  0x4e24: 2, // 两
  0x4e09: 3, // 三
  0x56db: 4, // 四
  0x4e94: 5, // 五
  0x516d: 6, // 六
  0x4e03: 7, // 七
  0x516b: 8, // 八
  0x4e5d: 9, // 九
};
const UNITS: Record<number, number> = {
  0x5341: 10, // 十
  0x767e: 100, // 百
  0x5343: 1000, // 千
};

export function isChineseNumeralChar(c: number): boolean {
  return c in DIGITS || c in UNITS;
}

/** Value of a Chinese numeral such as 十二 or 二十一; NaN when it is not one. */
export function parseChineseNumeral(s: string): number {
  if (s.length === 0) return NaN;
  let total = 0;
  let digit = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = DIGITS[c];
    if (d !== undefined) {
      if (digit >= 0 && d !== 0 && digit !== 0) {
        // Positional form without units (一二 is not a numeral we accept; 二〇 is).
        return NaN;
      }
      digit = d;
      continue;
    }
    const u = UNITS[c];
    if (u === undefined) return NaN;
    total += (digit < 0 ? 1 : digit) * u;
    digit = -1;
  }
  if (digit > 0) total += digit;
  return total;
}

const CN_DIGITS = "零一二三四五六七八九";

/** 1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五. */
export function toChineseNumeral(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
  if (n < 1000) {
    const rest = n % 100;
    const head = CN_DIGITS[Math.floor(n / 100)] + "百";
    if (rest === 0) return head;
    if (rest < 10) return head + "零" + CN_DIGITS[rest];
    return head + (rest < 20 ? "一" : "") + toChineseNumeral(rest);
  }
  return String(n);
}
