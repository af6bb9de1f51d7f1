package dev.adapthub.web.support;

/**
 * The second test lane of hub-web (see the Surefire configuration in {@code hub-web/pom.xml}): test
 * classes that run the packaged hub as child processes are marked
 * {@code @Execution(ExecutionMode.CONCURRENT)} and {@code @ResourceLock(ChildProcessLane.LOCK)}. They
 * run beside the in-process tests, one class at a time, so at most one test's hubs share the machine
 * with the main lane.
 */
public final class ChildProcessLane {

    /** The resource all child-process test classes lock, so they never overlap each other. */
    public static final String LOCK = "adapthub.child-process-hubs";

    private ChildProcessLane() {
    }
}
