package dev.adapthub.web.tools;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.web.http.PageEtag;
import dev.adapthub.web.layout.PageSlice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /tools}: the Tool Center, tools by category, chips, chip families and vendors. */
@Controller
class ToolCenterController {

    static final List<String> CATEGORIES = List.of("inference-engine", "quantizer", "converter", "compiler",
            "profiler", "runtime");
    static final int PAGE_SIZE = 50;

    private final ToolCenter tools;

    ToolCenterController(ToolCenter tools) {
        this.tools = tools;
    }

    @GetMapping("/tools")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String family,
            @RequestParam(required = false) String vendor, @RequestParam(required = false) String chip,
            @RequestParam(required = false) String category, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        ToolQuery query = new ToolQuery(q, family, vendor, chip, category, ToolQuery.Sort.parse(sort));
        PageSlice<Tool> slice = PageSlice.of(tools.search(query), page, PAGE_SIZE);
        List<String> vendors = tools.vendors();
        // Tools are records of what the page shows (card, counts, update time); the chip catalog is fixed.
        if (PageEtag.answered(request, response, query, slice.number(), slice.totalPages(), slice.items(), vendors)) {
            return null;
        }
        model.addAttribute("query", query);
        model.addAttribute("slice", slice);
        model.addAttribute("tools", slice.items());
        model.addAttribute("families", ChipFamily.values());
        model.addAttribute("vendors", vendors);
        model.addAttribute("chips", tools.catalog());
        model.addAttribute("categories", CATEGORIES);
        return "tools/list";
    }
}
