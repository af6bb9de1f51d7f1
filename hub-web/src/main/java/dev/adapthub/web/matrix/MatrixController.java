package dev.adapthub.web.matrix;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.core.adaptation.AdaptationMatrix;
import dev.adapthub.core.adaptation.AdaptationMatrix.Matrix;
import dev.adapthub.core.adaptation.MatrixEntry;
import dev.adapthub.core.adaptation.MatrixFilter;
import dev.adapthub.web.http.PageEtag;
import dev.adapthub.web.popularity.ConfigUsage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /matrix}: public models × chips, each cell the best config on the default branch; the
 * same as JSON at {@code /api/matrix}, readable without a token (private repositories never
 * appear in either).
 */
@Controller
class MatrixController {

    private final AdaptationMatrix matrices;
    private final ConfigUsage usage;

    MatrixController(AdaptationMatrix matrices, ConfigUsage usage) {
        this.matrices = matrices;
        this.usage = usage;
    }

    @GetMapping("/matrix")
    String page(@RequestParam(required = false) String family, @RequestParam(required = false) String vendor,
            @RequestParam(required = false) String engine, @RequestParam(required = false) String quantization,
            @RequestParam(required = false) String minTps, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        MatrixFilter filter = new MatrixFilter(family, vendor, engine, quantization, MatrixFilter.parseMin(minTps));
        // The page is the filtered matrix of one snapshot with the download counts of one snapshot.
        if (PageEtag.answered(request, response, matrices.stamp(), usage.stamp(), filter)) {
            return null;
        }
        model.addAttribute("filter", filter);
        model.addAttribute("matrix", matrices.matrix(filter));
        model.addAttribute("families", ChipFamily.values());
        return "matrix/matrix";
    }

    @GetMapping(path = "/api/matrix", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> json(@RequestParam(required = false) String family,
            @RequestParam(required = false) String vendor, @RequestParam(required = false) String engine,
            @RequestParam(required = false) String quantization, @RequestParam(required = false) String minTps) {
        MatrixFilter filter = new MatrixFilter(family, vendor, engine, quantization, MatrixFilter.parseMin(minTps));
        Matrix matrix = matrices.matrix(filter);
        List<Map<String, Object>> chips = new ArrayList<>();
        for (ChipSpec c : matrix.chips()) {
            chips.add(Map.of("id", c.id(), "name", c.name(), "vendor", c.vendor(), "family", c.family().name()));
        }
        List<Map<String, Object>> models = new ArrayList<>();
        for (String name : matrix.models()) {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (ChipSpec c : matrix.chips()) {
                MatrixEntry e = matrix.cell(name, c.id());
                if (e != null) {
                    cells.put(c.id(), cell(e, usage.downloads(e)));
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", name);
            row.put("cells", cells);
            models.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filters", Map.of("family", filter.family(), "vendor", filter.vendor(), "engine", filter.engine(),
                "quantization", filter.quantization(), "minTps", filter.minTokensPerSecond()));
        body.put("chips", chips);
        body.put("models", models);
        return body;
    }

    private static Map<String, Object> cell(MatrixEntry e, long downloads) {
        String base = "/" + e.repoUrlPath() + "/adaptations/" + e.chip() + "/" + e.file();
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("verdict", e.verdict().name());
        cell.put("engine", e.engine());
        cell.put("quantization", e.quantization());
        cell.put("outputTokensPerSecond", e.outputTokensPerSecond());
        cell.put("measuredOutputTokensPerSecond", e.measuredOutputTokensPerSecond());
        cell.put("measuredRuns", e.measuredRuns());
        cell.put("path", e.path());
        cell.put("commit", e.commitId());
        cell.put("stale", e.stale());
        cell.put("report", base + "/report");
        cell.put("download", e.passed() ? base : null);
        cell.put("downloads", downloads);
        return cell;
    }
}
