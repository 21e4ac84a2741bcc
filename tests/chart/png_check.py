"""Checks a PNG screenshot of a chart, with the Python standard library only.

Usage:
  python3 png_check.py check PNG WIDTH HEIGHT [#rrggbb:MIN_PIXELS ...]
      The image is WIDTH x HEIGHT, not blank (many distinct colours, a good
      share of non-white pixels, ink in each quarter of the page), and each
      colour given appears on at least MIN_PIXELS pixels (exactly, as
      solid fills render).
  python3 png_check.py blank PNG WIDTH HEIGHT
      Writes an all-white PNG (used to show that `check` rejects one).

The PNG is read by hand: chunks, IHDR, the zlib stream of the IDAT chunks,
and the five scanline filters of the PNG specification (section 9).
"""
import struct
import sys
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel (8-bit only)


class BadImage(Exception):
    pass


def read_png(path):
    """Returns (width, height, rows of RGB tuples)."""
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(SIGNATURE):
        raise BadImage("not a PNG file (bad signature)")
    pos = len(SIGNATURE)
    ihdr = None
    idat = []
    while pos + 8 <= len(data):
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = data[pos + 8 + length:pos + 12 + length]
        if len(body) != length or len(crc) != 4:
            raise BadImage("truncated chunk %r" % ctype)
        if zlib.crc32(ctype + body) & 0xFFFFFFFF != struct.unpack(">I", crc)[0]:
            raise BadImage("bad CRC in chunk %r" % ctype)
        if ctype == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif ctype == b"IDAT":
            idat.append(body)
        elif ctype == b"IEND":
            break
        pos += 12 + length
    if ihdr is None:
        raise BadImage("no IHDR chunk")
    width, height, depth, colour, compression, filt, interlace = ihdr
    if depth != 8 or colour not in CHANNELS or compression != 0 or filt != 0 or interlace != 0:
        raise BadImage("unsupported PNG: depth %d, colour type %d, interlace %d" % (depth, colour, interlace))
    bpp = CHANNELS[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise BadImage("image data is %d bytes, expected %d" % (len(raw), height * (stride + 1)))
    rows = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if ftype == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:  # Up
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif ftype == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif ftype != 0:
            raise BadImage("unknown filter type %d in row %d" % (ftype, y))
        prev = line
        if colour in (2, 6):
            rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        else:  # grey, grey + alpha
            rows.append([(line[i],) * 3 for i in range(0, stride, bpp)])
    return width, height, rows


def write_blank(path, width, height):
    raw = b"".join(b"\x00" + b"\xff" * (width * 3) for _ in range(height))

    def chunk(ctype, body):
        return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(SIGNATURE)
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw)))
        f.write(chunk(b"IEND", b""))


def check(path, want_w, want_h, colours):
    width, height, rows = read_png(path)
    problems = []
    if (width, height) != (want_w, want_h):
        problems.append("image is %dx%d, expected %dx%d" % (width, height, want_w, want_h))
    counts = {}
    ink_quarters = [0, 0, 0, 0]
    nonwhite = 0
    for y, row in enumerate(rows):
        for x, px in enumerate(row):
            counts[px] = counts.get(px, 0) + 1
            if min(px) < 235:
                nonwhite += 1
                ink_quarters[(2 if y >= height // 2 else 0) + (1 if x >= width // 2 else 0)] += 1
    total = width * height
    share = nonwhite / total if total else 0
    print("%dx%d, %d distinct colours, %.1f%% non-white, ink by quarter %r"
          % (width, height, len(counts), share * 100, ink_quarters))
    if len(counts) < 64:
        problems.append("only %d distinct colours: blank or nearly" % len(counts))
    if share < 0.04:
        problems.append("only %.2f%% of the pixels are not white" % (share * 100))
    for q, n in enumerate(ink_quarters):
        if n < total // 400:
            problems.append("quarter %d of the page is (nearly) empty: %d ink pixels" % (q, n))
    for spec in colours:
        hexcode, minimum = spec.split(":")
        rgb = tuple(int(hexcode.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
        n = counts.get(rgb, 0)
        print("colour %s: %d pixels" % (hexcode, n))
        if n < int(minimum):
            problems.append("colour %s on %d pixels, expected at least %s" % (hexcode, n, minimum))
    return problems


def main(argv):
    if len(argv) >= 5 and argv[1] == "check":
        try:
            problems = check(argv[2], int(argv[3]), int(argv[4]), argv[5:])
        except (BadImage, zlib.error, OSError) as e:
            problems = [str(e)]
        for p in problems:
            print("bad image: " + p)
        return 1 if problems else 0
    if len(argv) == 5 and argv[1] == "blank":
        write_blank(argv[2], int(argv[3]), int(argv[4]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
