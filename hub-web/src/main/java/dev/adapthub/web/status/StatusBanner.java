package dev.adapthub.web.status;

import dev.adapthub.core.status.Incident;
import dev.adapthub.core.status.Incidents;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What the banner fragment ({@code status/banner.html}, included by the page layout) asks on every
 * page: the ongoing incidents, from {@link Incidents#ongoing()}'s cache (no query per page).
 */
@Component("statusBanner")
public class StatusBanner {

    private final Incidents incidents;

    StatusBanner(Incidents incidents) {
        this.incidents = incidents;
    }

    /** The ongoing incidents; none when the database cannot be read, so no page fails for its banner. */
    public List<Incident> ongoing() {
        try {
            return incidents.ongoing();
        } catch (DataAccessException e) {
            return List.of();
        }
    }
}
