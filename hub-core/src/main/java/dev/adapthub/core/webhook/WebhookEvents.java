package dev.adapthub.core.webhook;

import java.util.List;

/** The events a webhook can subscribe to, as the {@code X-Hub-Event} header names them. */
public final class WebhookEvents {

    public static final String PUSH = "push";
    public static final String PULL_REQUEST = "pull_request";
    public static final String CHECK_RUN = "check_run";
    public static final String ADAPTATION = "adaptation";
    public static final String REPOSITORY = "repository";
    /** Sent once when a hook is created, to every hook whatever it subscribes to. */
    public static final String PING = "ping";

    public static final List<String> ALL = List.of(PUSH, PULL_REQUEST, CHECK_RUN, ADAPTATION, REPOSITORY);

    private WebhookEvents() {
    }
}
