package dev.adapthub.core.collection;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Object ids and slugs in Hugging Face's form: {@code owner/title-slug-<24 hex>}. */
final class CollectionSlugs {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

    private CollectionSlugs() {
    }

    static String newObjectId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The title as a URL segment: lower-case letters and digits joined by single dashes. */
    static String titlePart(String title) {
        String part = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return part.isEmpty() ? "collection" : part;
    }

    /** The object id a slug ends with, when it has the form {@code owner/anything-<24 hex>}. */
    static Optional<String> objectId(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        int dash = slug.lastIndexOf('-');
        String id = dash < 0 ? slug.substring(slug.indexOf('/') + 1) : slug.substring(dash + 1);
        return OBJECT_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
