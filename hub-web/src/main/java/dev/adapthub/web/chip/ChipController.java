package dev.adapthub.web.chip;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.core.chip.ChipCenter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /chips}: the catalog with sources, the backends that simulate each chip, and load failures. */
@Controller
class ChipController {

    private final ChipCenter chips;

    ChipController(ChipCenter chips) {
        this.chips = chips;
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
        model.addAttribute("chip", chip);
        model.addAttribute("backend", chips.backendFor(chip.id()).orElse(null));
        return "chips/show";
    }
}
