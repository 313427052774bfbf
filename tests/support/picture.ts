/**
 * Real pictures for the browser tests (a browser has to draw them): a PNG of any size, each pixel
 * from `colour`, and a household seen from the yard, as a verifier's phone would photograph it.
 */
import { crc32, deflateSync } from 'node:zlib';

export function png(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(colour(x, y), 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** A house under a sky, on a yard: walls, a roof, a door. */
export function householdPhoto(width = 480, height = 360): Buffer {
  return png(width, height, (x, y) => {
    const [cx, wall, roof] = [width / 2, height * 0.45, height * 0.25];
    const inRoof = y >= roof && y < wall && Math.abs(x - cx) < (y - roof) * 1.6;
    const inWall = y >= wall && y < height * 0.85 && Math.abs(x - cx) < width * 0.3;
    const inDoor = inWall && Math.abs(x - cx) < width * 0.05 && y > height * 0.62;
    if (inDoor) return [90, 60, 40];
    if (inWall) return [225, 215, 195];
    if (inRoof) return [120, 60, 50];
    if (y < height * 0.85) return [150 + (y >> 3), 190 + (y >> 4), 235];
    return [120, 150 - (y >> 4), 80];
  });
}
