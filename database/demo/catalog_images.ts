import sharp from 'sharp'

/**
 * Product photos for the demo shop, drawn locally as simple illustrations (no
 * image is downloaded): one per kind of product and colour, shared by every
 * product that looks the same.
 */
const COLOURS: Record<string, string> = {
  black: '#26221f',
  brown: '#7a4a2a',
  red: '#a3262a',
  natural: '#c9a36b',
  navy: '#26375c',
  green: '#2f5a3c',
  cork: '#b98d5a',
  wool: '#d9d2c3',
  leather: '#8a5a33',
  wax: '#e1b03a',
  balm: '#9c6b3c',
  brush: '#6b4a2f',
}

const SHAPES: Record<string, (fill: string) => string> = {
  clog: (fill) =>
    `<path d="M180 720 Q200 480 420 430 L760 420 Q980 430 1020 640 L1030 720 Z" fill="${fill}"/>
     <rect x="170" y="720" width="870" height="120" rx="40" fill="#b88a55"/>`,
  mule: (fill) =>
    `<path d="M380 720 Q420 470 640 440 L780 440 Q990 450 1020 650 L1030 720 Z" fill="${fill}"/>
     <rect x="170" y="720" width="870" height="90" rx="40" fill="#b98d5a"/>`,
  sandal: (fill) =>
    `<rect x="170" y="740" width="870" height="70" rx="35" fill="#b98d5a"/>
     <path d="M420 740 Q520 520 640 740 M700 740 Q820 520 940 740" stroke="${fill}" stroke-width="60" fill="none"/>`,
  boot: (fill) =>
    `<path d="M260 740 L300 260 L560 260 L600 520 Q900 540 1020 660 L1030 740 Z" fill="${fill}"/>
     <rect x="250" y="740" width="790" height="90" rx="30" fill="#3b2a1e"/>`,
  laces: (fill) =>
    `<path d="M200 500 C400 300 600 700 800 500 S1000 300 1040 500" stroke="${fill}" stroke-width="36" fill="none"/>
     <path d="M200 650 C400 450 600 850 800 650 S1000 450 1040 650" stroke="${fill}" stroke-width="36" fill="none"/>`,
  insole: (fill) =>
    `<path d="M300 600 Q300 360 600 360 Q980 380 980 600 Q960 820 600 820 Q300 820 300 600 Z" fill="${fill}"/>`,
  sock: (fill) =>
    `<path d="M480 220 L720 220 L720 640 Q720 860 500 860 L300 860 Q220 860 240 760 Q260 680 480 660 Z" fill="${fill}"/>`,
  tin: (fill) =>
    `<ellipse cx="600" cy="680" rx="360" ry="120" fill="#8c8c8c"/>
     <rect x="240" y="520" width="720" height="160" fill="#a6a6a6"/>
     <ellipse cx="600" cy="520" rx="360" ry="120" fill="${fill}"/>`,
  jar: (fill) =>
    `<rect x="380" y="380" width="440" height="440" rx="60" fill="${fill}"/>
     <rect x="360" y="320" width="480" height="100" rx="20" fill="#2b2b2b"/>`,
  brush: (fill) =>
    `<rect x="260" y="460" width="680" height="160" rx="60" fill="${fill}"/>
     <rect x="290" y="620" width="620" height="120" fill="#1f1a16"/>`,
}

/**
 * A 1200×1200 JPEG of the given kind in the given colour.
 */
export async function demoImage(kind: keyof typeof SHAPES, colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1200">
    <rect width="1200" height="1200" fill="#f4efe6"/>
    ${SHAPES[kind](COLOURS[colour] ?? colour)}
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}

export type DemoImageKind = keyof typeof SHAPES
