package dev.adapthub.web.popularity;

import dev.adapthub.web.support.H2HubTest;

/** {@link PopularityScenarios} on the embedded H2 database (the default datasource): the portable upsert. */
@H2HubTest
class PopularityH2Test extends PopularityScenarios {
}
