package dev.adapthub.git.read;

/**
 * Bounds on how much diff one page shows. Files beyond {@code maxFiles} are counted but not
 * listed; blobs over {@code maxBlobBytes} are marked too large without diffing; a file's patch is
 * cut at a line boundary after {@code maxPatchBytesPerFile}; once {@code maxTotalPatchBytes} are
 * used, later files are listed without their patch.
 */
public record DiffLimits(int maxFiles, long maxBlobBytes, int maxPatchBytesPerFile, int maxTotalPatchBytes,
        int contextLines) {
    public static final DiffLimits DEFAULTS = new DiffLimits(300, 1 << 20, 256 << 10, 2 << 20, 3);

    public DiffLimits {
        if (maxFiles < 1 || maxBlobBytes < 1 || maxPatchBytesPerFile < 1 || maxTotalPatchBytes < 1
                || contextLines < 0) {
            throw new IllegalArgumentException("diff limits must be positive");
        }
    }
}
