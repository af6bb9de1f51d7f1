package dev.adapthub.chips.results;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.model.ModelArchitecture;
import java.util.List;

/**
 * What a config says a run of it must match.
 *
 * @param modelNames the model as the hub knows it ({@code owner/name} of the repository whose
 *                   {@code config.json} the config reads), most specific first
 * @param chip       the config's chip from the catalog; null when the catalog lacks it
 * @param model      the architecture, for physical limits; null when it could not be read
 * @param workload   the config's workload (null fields: not stated)
 */
public record RunExpectation(List<String> modelNames, String chipId, ChipSpec chip, int devices, int tensor,
        int pipeline, int expert, String engine, String engineVersion, ModelArchitecture model,
        MeasuredRun.Workload workload) {

    public RunExpectation {
        modelNames = List.copyOf(modelNames);
    }
}
