import { deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3.x: local file headers, central directory, end of central
 * directory; method 8 deflate; no ZIP64, so every size stays below 4 GiB and entries below 65,535).
 * Enough for one evidence pack; `unzip -t` and every common tool read it.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time (2-second resolution, years 1980–2107), in UTC so a pack is the same everywhere. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const LIMIT = 0xffffffff;

interface EntryFields {
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly name: number;
}

/** The fields a local header and a central directory entry share, in the same order (APPNOTE 4.3.7, 4.3.12). */
function writeEntryFields(buffer: Buffer, at: number, e: EntryFields): void {
  buffer.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  buffer.writeUInt16LE(0x0800, at + 2); // bit 11: names are UTF-8
  buffer.writeUInt16LE(8, at + 4); // deflate
  buffer.writeUInt16LE(e.time, at + 6);
  buffer.writeUInt16LE(e.date, at + 8);
  buffer.writeUInt32LE(e.crc, at + 10);
  buffer.writeUInt32LE(e.compressed, at + 14);
  buffer.writeUInt32LE(e.size, at + 18);
  buffer.writeUInt16LE(e.name, at + 22);
}

/** The files as one ZIP archive, entries in the order given, every entry dated `modified`. */
export function zipFiles(files: ReadonlyArray<{ readonly path: string; readonly content: string | Uint8Array }>, modified: Date): Buffer {
  if (files.length >= 0xffff) throw new Error(`zip: ${files.length} entries is over the 65,534 this writer supports`);
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    const compressed = deflateRawSync(data);
    const name = Buffer.from(file.path, 'utf8');
    const crc = crc32(data);
    if (data.length >= LIMIT || offset >= LIMIT) throw new Error('zip: the pack is over 4 GiB, which needs ZIP64');
    const entry: EntryFields = { time, date, crc, compressed: compressed.length, size: data.length, name: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, entry);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    writeEntryFields(central, 6, entry);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
