/**
 * A real JPEG (16×16, from CPython's test data: Lib/test/imghdrdata/python.jpg) with an EXIF
 * segment added that carries a GPS position, as a phone camera writes it.
 */
const BASE = Buffer.from('/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z', 'base64');

/** The GPS latitude 30° 15' 50.25" N as EXIF rationals: what must not survive an upload. */
export const GPS_LATITUDE = Buffer.from('0000001e000000010000000f00000001000013a100000064', 'hex');

/** APP1 "Exif": IFD0 with a GPSInfo pointer, the GPS IFD with GPSLatitudeRef "N" and GPSLatitude. */
export function exifGpsSegment(): Buffer {
  const tiff = Buffer.concat([
    Buffer.from('4d4d002a00000008', 'hex'), // big-endian TIFF header, IFD0 at 8
    Buffer.from('0001' + '8825' + '0004' + '00000001' + '0000001a' + '00000000', 'hex'), // IFD0: GPSInfo → 26; no next IFD
    Buffer.from('0002' + '0001' + '0002' + '00000002' + '4e000000' + '0002' + '0005' + '00000003' + '00000038' + '00000000', 'hex'), // GPS IFD at 26; latitude data at 56
    GPS_LATITUDE,
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(body.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xe1]), len, body]);
}

/** The photo with the GPS segment right after the start-of-image marker; `variant` changes a comment so each call differs. */
export function photoWithGps(variant = 0): Buffer {
  const comment = Buffer.from(`variant ${variant}`, 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, comment.length + 2]), comment]);
  return Buffer.concat([BASE.subarray(0, 2), exifGpsSegment(), com, BASE.subarray(2)]);
}

/** What the photo must look like after stripping: the original bytes, untouched. */
export const PHOTO_WITHOUT_METADATA = BASE;
