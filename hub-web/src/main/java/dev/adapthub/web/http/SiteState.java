package dev.adapthub.web.http;

import dev.adapthub.core.status.Incident;
import dev.adapthub.core.status.Incidents;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What every page shows beyond its own content: the banner of ongoing incidents. A page's ETag
 * ({@link PageEtag}) includes it, so opening or resolving an incident is never hidden behind a 304.
 */
@Component
public class SiteState {

    private final Incidents incidents;

    SiteState(Incidents incidents) {
        this.incidents = incidents;
    }

    /** The ongoing incidents as id, status and last change; cheap (the list is cached for seconds). */
    public String banner() {
        return incidents.ongoing().stream().map(SiteState::mark).collect(Collectors.joining(","));
    }

    private static String mark(Incident i) {
        return i.id() + ":" + i.status() + ":" + i.updatedAt();
    }
}
