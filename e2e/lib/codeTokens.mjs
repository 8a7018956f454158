// Internal codes in text meant for people (issue 8), the rule of the backend's testing.CodeTokens:
// a token of three or more ASCII capitals (EXCLUDE, DRAFT, ACTUAL_MISSING) is a code unless it is one of
// the few abbreviations a Chinese official document uses as words (PDF, SHA-256, ONVIF …).
// Keep ALLOWED in step with backend/src/test/java/org/xueliang/tracker/testing/CodeTokens.java.

export const ALLOWED = new Set(['PDF', 'SHA-256', 'ONVIF', 'SNMP', 'LED', 'IP', 'ID', 'MTTR', 'NVR', 'DVR',
  'GB', 'RTSP', 'ICMP', 'TCP', 'UDP', 'HTTP', 'HTTPS', 'API', 'URL', 'UTC', 'GPS', 'PTZ', 'UPS', 'POE', 'CPU', 'XLSX', 'DOCX',
  'CSV', 'JSON']);

/** An ASCII word, hyphenated parts included (SHA-256, XL-QJ-001). */
const TOKEN = /[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/g;
const CAPITALS = /[A-Z]{3,}/;

/** The tokens of text that look like codes, in order of appearance (empty when there are none). */
export function offendingTokens(text) {
  const out = [];
  for (const [token] of String(text ?? '').matchAll(TOKEN)) {
    if (ALLOWED.has(token)) continue;
    if (token.split('-').some((part) => CAPITALS.test(part) && !ALLOWED.has(part))) out.push(token);
  }
  return out;
}
