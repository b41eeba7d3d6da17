/**
 * A user agent summarised as a person recognises their device: the browser (with its major
 * version) and the operating system, e.g. "Firefox 128, Windows". Nothing more is kept from the
 * string, so the summary can be shown without fingerprinting detail. Order matters: Edge and
 * Opera also say "Chrome", Chrome also says "Safari", iOS browsers all say "Safari".
 */

export interface DeviceSummary {
  browser: string | null;
  os: string | null;
  mobile: boolean;
}

const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/u, "Edge"],
  [/\b(?:OPR|Opera)\/(\d+)/u, "Opera"],
  [/\bSamsungBrowser\/(\d+)/u, "Samsung Internet"],
  [/\b(?:Firefox|FxiOS)\/(\d+)/u, "Firefox"],
  [/\b(?:Chrome|CriOS|HeadlessChrome|Chromium)\/(\d+)/u, "Chrome"],
  [/\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//u, "Safari"],
  [/\bcurl\/(\d+)/u, "curl"],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/u, "iOS"],
  [/\bAndroid\b/u, "Android"],
  [/\bCrOS\b/u, "ChromeOS"],
  [/\bWindows\b/u, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/u, "macOS"],
  [/\bLinux\b/u, "Linux"],
];

export function summariseUserAgent(ua: string | null): DeviceSummary {
  if (ua === null || ua === "") return { browser: null, os: null, mobile: false };
  const text = ua.slice(0, 400);
  let browser: string | null = null;
  for (const [re, name] of BROWSERS) {
    const m = re.exec(text);
    if (m !== null) {
      browser = `${name} ${m[1] ?? ""}`.trim();
      break;
    }
  }
  const os = SYSTEMS.find(([re]) => re.test(text))?.[1] ?? null;
  return { browser, os, mobile: /\bMobi|\biPhone\b|\bAndroid\b.*\bMobile\b/u.test(text) };
}

/** "Firefox 128, Windows"; null when nothing is recognised. */
export function deviceLabel(d: DeviceSummary): string | null {
  const parts = [d.browser, d.os].filter((x): x is string => x !== null);
  return parts.length === 0 ? null : parts.join(", ");
}
