/**
 * Zips made byte by byte (node:zlib), each entry stored where it is listed: a test chooses the order
 * of an XLSX's parts, and what a zip's headers declare (no writer would declare sizes it did not write).
 */
import zlib from 'node:zlib';

export type ZipPart = { name: string; deflated: Buffer; declaredSize: number };

/** A part deflated whole, declaring its true size. */
export const zipPart = (name: string, text: string): ZipPart => ({ name, deflated: zlib.deflateRawSync(Buffer.from(text)), declaredSize: Buffer.byteLength(text) });

/** A zip of deflated entries in the order given, each declaring `declaredSize` unpacked bytes in its local header and the central directory. */
export function zipOf(entries: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
