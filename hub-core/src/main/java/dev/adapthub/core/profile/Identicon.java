package dev.adapthub.core.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The avatar of everyone who uploaded none: a 5×5 pattern, mirrored left to right, in a colour,
 * both taken from the SHA-256 of the lower-case name. The same name always gives the same image,
 * in every hub process, so it can be cached for long.
 */
public final class Identicon {

    private static final int CELLS = 5;
    private static final int CELL = 16;
    private static final int MARGIN = 8;

    private Identicon() {
    }

    /** A small SVG document (no scripts, no external references). */
    public static String svg(String name) {
        byte[] hash = sha256(name.toLowerCase(Locale.ROOT));
        int hue = ((hash[0] & 0xFF) << 8 | (hash[1] & 0xFF)) % 360;
        int saturation = 45 + (hash[2] & 0xFF) % 30;
        int lightness = 42 + (hash[3] & 0xFF) % 16;
        int side = CELLS * CELL + 2 * MARGIN;
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(side).append("\" height=\"")
                .append(side).append("\" viewBox=\"0 0 ").append(side).append(' ').append(side).append("\">")
                .append("<rect width=\"").append(side).append("\" height=\"").append(side)
                .append("\" fill=\"#f0f2f5\"/>")
                .append("<g fill=\"hsl(").append(hue).append(',').append(saturation).append("%,").append(lightness)
                .append("%)\">");
        int bit = 32;
        for (int column = 0; column < (CELLS + 1) / 2; column++) {
            for (int row = 0; row < CELLS; row++, bit++) {
                if ((hash[bit / 8] >> (bit % 8) & 1) == 0) {
                    continue;
                }
                cell(svg, column, row);
                if (column != CELLS - 1 - column) {
                    cell(svg, CELLS - 1 - column, row);
                }
            }
        }
        return svg.append("</g></svg>").toString();
    }

    private static void cell(StringBuilder svg, int column, int row) {
        svg.append("<rect x=\"").append(MARGIN + column * CELL).append("\" y=\"").append(MARGIN + row * CELL)
                .append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\"/>");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
