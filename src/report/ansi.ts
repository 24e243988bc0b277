// Terminal colours as plain functions, so a renderer reads the same with colour on or off.

export type Paint = (text: string) => string;

export interface Palette {
  red: Paint;
  yellow: Paint;
  blue: Paint;
  green: Paint;
  cyan: Paint;
  dim: Paint;
  bold: Paint;
}

const plain: Paint = (text) => text;

function sgr(open: number, close: number): Paint {
  return (text) => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);
}

export function palette(color: boolean): Palette {
  if (!color) return { red: plain, yellow: plain, blue: plain, green: plain, cyan: plain, dim: plain, bold: plain };
  return {
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    blue: sgr(34, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
  };
}
