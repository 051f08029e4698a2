/**
 * A drawn stand-in for the state emblem (Quốc huy): a red disc, a gold ring and the gold five-pointed
 * star. The official artwork is not bundled (no downloaded image); a province that has a licensed
 * vector file can swap this function's output for it.
 */
export function stateEmblemSvg(size = 120): string {
  const star = fivePointStar(60, 56, 30, 12);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 120 120" role="img" aria-label="Quốc huy">
<circle cx="60" cy="60" r="58" fill="#d4a017"/>
<circle cx="60" cy="60" r="52" fill="#c8102e"/>
<polygon points="${star}" fill="#ffd700"/>
<path d="M22 84 Q60 112 98 84" fill="none" stroke="#ffd700" stroke-width="5"/>
<rect x="44" y="90" width="32" height="8" fill="#ffd700"/>
</svg>`;
}

function fivePointStar(cx: number, cy: number, outer: number, inner: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`);
  }
  return points.join(' ');
}
