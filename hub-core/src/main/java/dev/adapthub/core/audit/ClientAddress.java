package dev.adapthub.core.audit;

/**
 * The address of the client whose request is being served on this thread, set by the web layer
 * around each request, so audit entries carry it without the services knowing about HTTP.
 * Empty for background work.
 */
public final class ClientAddress {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ClientAddress() {
    }

    public static void set(String address) {
        CURRENT.set(address);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static String current() {
        return CURRENT.get();
    }
}
