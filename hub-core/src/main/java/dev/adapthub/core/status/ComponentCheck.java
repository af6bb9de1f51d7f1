package dev.adapthub.core.status;

/**
 * One component of the status page, probed every minute and on each status request (cached for a
 * few seconds). A Spring bean of this type is a component: a feature adds one (object storage,
 * backups) by declaring a bean; ids are stable, they key the uptime history.
 */
public interface ComponentCheck {

    /** Stable id, lower case, at most 32 characters: {@code web}, {@code database}, … */
    String id();

    /** Where the component is listed: lower first. */
    default int order() {
        return 100;
    }

    /** Probes the component now; must answer within a few seconds and never throw. */
    Result check();

    /** What a probe found, with a one-line detail shown on the status page. */
    record Result(ComponentState state, String detail) {

        public static Result up(String detail) {
            return new Result(ComponentState.UP, detail);
        }

        public static Result degraded(String detail) {
            return new Result(ComponentState.DEGRADED, detail);
        }

        public static Result down(String detail) {
            return new Result(ComponentState.DOWN, detail);
        }
    }
}
