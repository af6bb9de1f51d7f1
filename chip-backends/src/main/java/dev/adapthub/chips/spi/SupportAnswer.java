package dev.adapthub.chips.spi;

import java.util.ArrayList;
import java.util.List;

/** A backend's answer to a {@link SupportQuery}: every refusal and caveat, in check order. */
public record SupportAnswer(List<Refusal> refusals) {

    public SupportAnswer {
        refusals = List.copyOf(refusals);
    }

    /** True when nothing blocks the config. */
    public boolean supported() {
        return refusals.stream().noneMatch(Refusal::blocking);
    }

    /** This answer plus more refusals. */
    public SupportAnswer plus(List<Refusal> more) {
        List<Refusal> all = new ArrayList<>(refusals);
        all.addAll(more);
        return new SupportAnswer(all);
    }
}
