interface CryptoHost {
  crypto?: { randomUUID?(): string; getRandomValues?<T extends ArrayBufferView | null>(array: T): T };
}

/** A random RFC 4122 version 4 UUID. */
export function uuid4(): string {
  const cryptoObj = (globalThis as unknown as CryptoHost).crypto;
  if (typeof cryptoObj?.randomUUID === 'function') return cryptoObj.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof cryptoObj?.getRandomValues === 'function') {
    cryptoObj.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A short id (`log_` + 6 hex digits) that ties together the log lines of one logical request. */
export function logId(): string {
  return `log_${(0x1000000 + Math.floor(Math.random() * 0x1000000)).toString(16).slice(1)}`;
}
