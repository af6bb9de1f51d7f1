package dev.adapthub.web.chip;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.spi.Capabilities;
import dev.adapthub.chips.spi.ChipBackendProvider;
import dev.adapthub.core.adaptation.AdaptationMatrix;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.measured.MeasuredResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /chips}: the catalog with sources, the backends that simulate each chip, and load
 * failures; {@code /chips/{id}}: one chip's figures, what its backend supports per engine, and
 * the public models validated on it, best estimate first.
 */
@Controller
class ChipController {

    private final ChipCenter chips;
    private final AdaptationMatrix matrix;
    private final MeasuredResults measured;

    ChipController(ChipCenter chips, AdaptationMatrix matrix, MeasuredResults measured) {
        this.chips = chips;
        this.matrix = matrix;
        this.measured = measured;
    }

    /** What a backend supports on a chip with one engine. */
    public record EngineSupport(String engine, Set<String> dataTypes, Set<String> kvCacheTypes,
            Set<String> quantizations, Set<String> attentionVariants) {
    }

    @GetMapping("/chips")
    String list(Model model) {
        model.addAttribute("chips", chips.chips());
        model.addAttribute("providers", chips.registry().providers());
        model.addAttribute("failures", chips.failures());
        return "chips/list";
    }

    @GetMapping("/chips/{id}")
    String show(@PathVariable String id, Model model) {
        ChipSpec chip = chips.chip(id);
        ChipBackendProvider backend = chips.backendFor(chip.id()).orElse(null);
        model.addAttribute("chip", chip);
        model.addAttribute("backend", backend);
        model.addAttribute("support", backend == null ? List.of() : support(backend, chip));
        model.addAttribute("failures", chips.failures());
        model.addAttribute("validated", matrix.onChip(chip.id()));
        model.addAttribute("measuredErrors", measured.errorsOnChip(chip.id()));
        return "chips/show";
    }

    private List<EngineSupport> support(ChipBackendProvider provider, ChipSpec chip) {
        Capabilities caps = chips.registry().backend(provider).capabilities(chip);
        List<EngineSupport> out = new ArrayList<>();
        for (String engine : new TreeSet<>(caps.engines())) {
            out.add(new EngineSupport(engine, sorted(caps.dataTypes().get(engine)),
                    sorted(caps.kvCacheTypes().get(engine)), sorted(caps.quantizations().get(engine)),
                    sorted(caps.attentionVariants().get(engine))));
        }
        return out;
    }

    private static Set<String> sorted(Set<String> values) {
        return values == null ? Set.of() : new TreeSet<>(values);
    }
}
