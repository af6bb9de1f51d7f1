package dev.adapthub.chips.validate;

/**
 * A parsed engine version ("0.6.4", "0.9.0rc1"); {@link #LATEST} when none was given.
 * Only major and minor matter to the memory model.
 */
record EngineVersion(int major, int minor) {

    static final EngineVersion LATEST = new EngineVersion(Integer.MAX_VALUE, 0);

    static EngineVersion parse(String text) {
        if (text == null || text.isBlank()) {
            return LATEST;
        }
        String[] parts = text.replaceFirst("^v", "").split("[.]");
        try {
            int major = Integer.parseInt(parts[0].replaceAll("\\D.*", ""));
            int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return new EngineVersion(major, minor);
        } catch (NumberFormatException e) {
            return LATEST;
        }
    }

    boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }
}
