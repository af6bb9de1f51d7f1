package dev.adapthub.chips.validate;

import java.util.List;

/**
 * Check 0: says which engine version the models describe when the config names none or one the
 * engine profiles do not know (INFO: the prediction stands, with that caveat).
 */
final class EngineVersionCheck implements Check {

    @Override
    public void run(Context ctx, List<Finding> out) {
        ctx.config.engineMatch().note().ifPresent(note -> out.add(Finding.of(FindingCodes.ENGINE_VERSION_MODELLED,
                Severity.INFO, "engine.version", note, "set engine.version to the release you deploy, e.g. "
                        + ctx.config.profile().modelled())));
    }
}
