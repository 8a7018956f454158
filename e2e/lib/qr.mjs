// QR codes of rendered label sheets, decoded with ZXing (the backend's own dependency) by lib/QrDecode.java, run from
// source with only ZXing's core jar from the local Maven repository (there after `mvn install` on a clean machine;
// another repository: XL_M2_REPO).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { E2E_DIR } from './server.mjs';

/** The ZXing core jar of the version the root pom names. */
export function zxingCoreJar() {
  const pom = readFileSync(path.join(E2E_DIR, '..', 'pom.xml'), 'utf8');
  const version = /<zxing\.version>([^<]+)<\/zxing\.version>/.exec(pom)?.[1];
  if (!version) throw new Error('no <zxing.version> in the root pom.xml');
  const repo = process.env.XL_M2_REPO || path.join(os.homedir(), '.m2', 'repository');
  const jar = path.join(repo, 'com', 'google', 'zxing', 'core', version, `core-${version}.jar`);
  if (!existsSync(jar)) throw new Error(`ZXing core jar not found: ${jar} (run 'mvn install' once, or set XL_M2_REPO)`);
  return jar;
}

/** The texts of the QR codes on these PNG files, in reading order. */
export function decodeQrCodes(pngFiles) {
  const out = execFileSync('java', ['-cp', zxingCoreJar(), path.join(E2E_DIR, 'lib', 'QrDecode.java'), ...pngFiles],
    { encoding: 'utf8', timeout: 120_000 });
  return out.split('\n').map((l) => l.trim()).filter(Boolean);
}
