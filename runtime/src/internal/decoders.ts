/**
 * Incremental decoders for streamed response bodies: server-sent events (WHATWG HTML
 * "event stream interpretation"), line-delimited JSON (JSONL / NDJSON) and JSON text
 * sequences (RFC 7464). Each takes text chunks split anywhere and hands complete records to a
 * sink; none keeps more than the current unfinished line or event.
 */

/** One dispatched server-sent event. */
export interface ServerSentEvent {
  /** The `event:` field; `message` when the event named none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last event ID seen so far in the stream (it carries over to later events). */
  id: string;
  /** The last valid `retry:` value in ms, if any. */
  retry: number | undefined;
}

const LF = 10;

/**
 * Splits text into lines ending in CRLF, LF or CR, even when a chunk ends between the CR and
 * the LF of a CRLF pair.
 */
export class LineSplitter {
  private rest = '';
  private afterCR = false;

  /** Calls `onLine` for every line completed by `chunk`. */
  push(chunk: string, onLine: (line: string) => void): void {
    if (chunk === '') return;
    let start = 0;
    if (this.afterCR) {
      this.afterCR = false;
      if (chunk.charCodeAt(0) === LF) start = 1;
    }
    let text = chunk;
    if (this.rest !== '') {
      text = this.rest + (start === 0 ? chunk : chunk.slice(start));
      start = 0;
      this.rest = '';
    }
    let lf = text.indexOf('\n', start);
    let cr = text.indexOf('\r', start);
    while (lf >= 0 || cr >= 0) {
      const end = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
      onLine(text.slice(start, end));
      start = end + 1;
      if (end === cr) {
        if (start === text.length) this.afterCR = true;
        else if (text.charCodeAt(start) === LF) start++;
        cr = text.indexOf('\r', start);
      }
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    }
    if (start < text.length) this.rest = text.slice(start);
  }

  /** The unterminated last line, if any; the splitter is reset. */
  end(): string | undefined {
    const rest = this.rest;
    this.rest = '';
    this.afterCR = false;
    return rest === '' ? undefined : rest;
  }
}

/** Whether `text` is a non-empty run of ASCII digits. */
function isDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The WHATWG event-stream parser. Feed it text (already UTF-8 decoded with the leading BOM
 * removed, which `TextDecoder` does); it calls `onEvent` for each dispatched event. Per the
 * standard, an event not terminated by a blank line before the stream ends is discarded.
 */
export class SSEDecoder {
  private readonly lines = new LineSplitter();
  private readonly onEvent: (event: ServerSentEvent) => void;
  private readonly onLine = (line: string): void => this.line(line);
  private data = '';
  private hasData = false;
  private eventType = '';
  private lastEventId = '';
  private retry: number | undefined;

  constructor(onEvent: (event: ServerSentEvent) => void) {
    this.onEvent = onEvent;
  }

  push(text: string): void {
    this.lines.push(text, this.onLine);
  }

  /** End of stream: an unterminated line is processed, an undispatched event is dropped. */
  end(): void {
    const rest = this.lines.end();
    if (rest !== undefined) this.line(rest);
    this.data = '';
    this.hasData = false;
    this.eventType = '';
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    const colon = line.indexOf(':');
    if (colon === 0) return; // a comment
    let field = line;
    let value = '';
    if (colon > 0) {
      field = line.slice(0, colon);
      value = line.charCodeAt(colon + 1) === 32 ? line.slice(colon + 2) : line.slice(colon + 1);
    }
    switch (field) {
      case 'data':
        this.data = this.hasData ? `${this.data}\n${value}` : value;
        this.hasData = true;
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (isDigits(value)) this.retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  private dispatch(): void {
    if (!this.hasData) {
      this.eventType = '';
      return;
    }
    const event: ServerSentEvent = {
      event: this.eventType || 'message',
      data: this.data,
      id: this.lastEventId,
      retry: this.retry,
    };
    this.data = '';
    this.hasData = false;
    this.eventType = '';
    this.onEvent(event);
  }
}

/** JSONL / NDJSON: one JSON text per line; blank lines are skipped. Calls `onRecord` with the raw line. */
export class LineRecordDecoder {
  private readonly lines = new LineSplitter();
  private readonly onLine: (line: string) => void;

  constructor(onRecord: (text: string) => void) {
    this.onLine = (line) => {
      if (line.trim() !== '') onRecord(line);
    };
  }

  push(text: string): void {
    this.lines.push(text, this.onLine);
  }

  end(): void {
    const rest = this.lines.end();
    if (rest !== undefined) this.onLine(rest);
  }
}

const RS = '\u001e';

/**
 * RFC 7464 JSON text sequences: every record starts with RS (U+001E). A record is complete
 * when the next RS or the end of the stream arrives, so pretty-printed records work too.
 */
export class JSONSeqDecoder {
  private rest = '';
  private readonly onRecord: (text: string) => void;

  constructor(onRecord: (text: string) => void) {
    this.onRecord = onRecord;
  }

  push(text: string): void {
    const joined = this.rest + text;
    let start = 0;
    let rs = joined.indexOf(RS, 1);
    while (rs >= 0) {
      this.emit(joined.slice(start, rs));
      start = rs;
      rs = joined.indexOf(RS, start + 1);
    }
    this.rest = joined.slice(start);
  }

  end(): void {
    this.emit(this.rest);
    this.rest = '';
  }

  private emit(record: string): void {
    const text = (record.charCodeAt(0) === 0x1e ? record.slice(1) : record).trim();
    if (text !== '') this.onRecord(text);
  }
}
