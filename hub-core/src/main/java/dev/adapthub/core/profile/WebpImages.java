package dev.adapthub.core.profile;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * Reads a WebP file's size from its header and rebuilds the file without its metadata chunks:
 * the JDK has no WebP decoder, so this is as far as the hub can clean one. Only the chunks that
 * carry the image (VP8, VP8L, VP8X, ALPH, ANIM, ANMF) are kept, and VP8X's flags for the dropped
 * chunks are cleared.
 */
final class WebpImages {

    private static final Set<String> IMAGE_CHUNKS = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF");
    private static final int VP8X_METADATA_FLAGS = 0x20 | 0x08 | 0x04; // ICC, EXIF, XMP

    private WebpImages() {
    }

    static byte[] stripMetadata(byte[] file) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int width = -1;
        int height = -1;
        int at = 12;
        while (at + 8 <= file.length) {
            String fourcc = new String(file, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long size = u32(file, at + 4);
            long end = at + 8 + size;
            if (end > file.length) {
                throw AvatarImages.invalid("The WebP image is cut short: its " + fourcc.strip() + " chunk ends after the"
                        + " file.");
            }
            int data = at + 8;
            if (fourcc.equals("VP8X") && size >= 10) {
                file[data] = (byte) (file[data] & ~VP8X_METADATA_FLAGS);
                width = 1 + u24(file, data + 4);
                height = 1 + u24(file, data + 7);
            } else if (fourcc.equals("VP8L") && size >= 5 && width < 0) {
                int bits = (int) u32(file, data + 1);
                width = 1 + (bits & 0x3FFF);
                height = 1 + ((bits >>> 14) & 0x3FFF);
            } else if (fourcc.equals("VP8 ") && size >= 10 && width < 0) {
                width = u16(file, data + 6) & 0x3FFF;
                height = u16(file, data + 8) & 0x3FFF;
            }
            int padded = (int) (size + (size & 1));
            if (IMAGE_CHUNKS.contains(fourcc)) {
                chunks.write(file, at, (int) Math.min(8L + padded, file.length - at));
            }
            at += 8 + padded;
        }
        if (width < 0) {
            throw AvatarImages.invalid("The WebP image has no image data (no VP8, VP8L or VP8X chunk).");
        }
        AvatarImages.requireDimensions(width, height);
        byte[] body = chunks.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        out.writeBytes(new byte[] {'R', 'I', 'F', 'F'});
        int riffSize = body.length + 4;
        out.writeBytes(new byte[] {(byte) riffSize, (byte) (riffSize >>> 8), (byte) (riffSize >>> 16),
                (byte) (riffSize >>> 24)});
        out.writeBytes(new byte[] {'W', 'E', 'B', 'P'});
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
