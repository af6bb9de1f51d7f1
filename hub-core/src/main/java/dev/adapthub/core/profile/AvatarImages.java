package dev.adapthub.core.profile;

import dev.adapthub.core.common.InvalidInputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an uploaded avatar and turns it into what the hub keeps. The type is decided by the
 * file's first bytes, never by its name or the browser's word: PNG, JPEG or WebP. PNG and JPEG are
 * decoded with ImageIO (at a reduced resolution when large, so a big image costs little memory),
 * scaled to fit {@link #SIZE}² and written as a fresh PNG, which carries no metadata (no EXIF
 * location, no comments). The JDK cannot decode WebP: its size is read from the header and its
 * metadata chunks (EXIF, XMP, ICC) are dropped, the image data is kept as it is.
 */
public final class AvatarImages {

    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_DIMENSION = 4096;
    /** The side of the stored square (at most); pages show avatars at up to 160 px on dense screens. */
    static final int SIZE = 256;

    /** What is stored and served. */
    public record Avatar(byte[] bytes, String contentType) {
    }

    private AvatarImages() {
    }

    /** @throws InvalidInputException (field {@code avatar}) saying what is wrong with the file */
    public static Avatar accept(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw invalid("Choose an image file to upload.");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(bytes.length);
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) || startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return new Avatar(reencode(bytes), "image/png");
        }
        if (bytes.length >= 12 && startsWith(bytes, 'R', 'I', 'F', 'F')
                && Arrays.equals(Arrays.copyOfRange(bytes, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
            return new Avatar(WebpImages.stripMetadata(bytes), "image/webp");
        }
        throw invalid("This is not a PNG, JPEG or WebP image (judged by its content, not its name).");
    }

    /** The refusal of a file of {@code size} bytes, over {@link #MAX_BYTES}: callers may refuse before reading it. */
    public static InvalidInputException tooLarge(long size) {
        return invalid("The image has " + (size + 1023) / 1024 + " KiB; an avatar may have at most 1024 KiB (1 MiB).");
    }

    static InvalidInputException invalid(String message) {
        return new InvalidInputException("avatar", message);
    }

    static void requireDimensions(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw invalid("The image has no pixels (" + width + "×" + height + ").");
        }
        if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw invalid("The image is " + width + "×" + height + " pixels; at most " + MAX_DIMENSION + "×"
                    + MAX_DIMENSION + ".");
        }
    }

    private static byte[] reencode(byte[] bytes) {
        BufferedImage decoded;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalid("The image could not be read: its header is damaged.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                requireDimensions(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(width, height) / (2 * SIZE));
                param.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw invalid("The image could not be read: it is damaged or cut short (" + e.getMessage() + ").");
        }
        return png(scale(decoded));
    }

    private static BufferedImage scale(BufferedImage source) {
        double factor = Math.min(1.0, (double) SIZE / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
