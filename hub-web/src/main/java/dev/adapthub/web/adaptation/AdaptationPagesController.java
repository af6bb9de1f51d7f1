package dev.adapthub.web.adaptation;

import dev.adapthub.chips.calibration.Calibration;
import dev.adapthub.chips.results.ResultsLayout;
import dev.adapthub.core.adaptation.AdaptationDownloads;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.adaptation.AdaptationValidation;
import dev.adapthub.core.adaptation.ValidatedConfig;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.measured.MeasuredResults;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A model's validated configs by chip ({@code /{repo}/adaptations}) and the report page of each
 * ({@code /{repo}/adaptations/{chip}/{file}/report}). Errors are pages ({@code PageErrorAdvice});
 * a private repository is a 404 to whoever may not read it.
 */
@Controller
class AdaptationPagesController {

    private final RepoService repos;
    private final CurrentAccount current;
    private final AdaptationIndex index;
    private final AdaptationDownloads downloads;
    private final ChipCenter chips;
    private final ReportView reports;
    private final MeasuredResults measured;

    AdaptationPagesController(RepoService repos, CurrentAccount current, AdaptationIndex index,
            AdaptationDownloads downloads, ChipCenter chips, ReportView reports, MeasuredResults measured) {
        this.repos = repos;
        this.current = current;
        this.index = index;
        this.downloads = downloads;
        this.chips = chips;
        this.reports = reports;
        this.measured = measured;
    }

    /** One config row of the list page. */
    public record Row(AdaptationValidation validation, boolean stale, String staleReason, String why) {
    }

    @GetMapping("/{owner}/{name}/adaptations")
    String list(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            Model model) {
        Repo repo = repos.get(RepoKind.MODEL, owner, name, current.of(user));
        Map<String, List<Row>> byChip = new TreeMap<>();
        for (AdaptationValidation v : index.forRepository(repo)) {
            String reason = v.stale() ? v.staleReason() : index.staleReason(v);
            byChip.computeIfAbsent(v.chip(), k -> new java.util.ArrayList<>()).add(new Row(v, index.isStale(v),
                    reason, v.passed() ? null : AdaptationDownloads.errors(v)));
        }
        model.addAttribute("repo", repo);
        model.addAttribute("byChip", byChip);
        model.addAttribute("chipNames", chipNames());
        return "adaptations/list";
    }

    @GetMapping("/{owner}/{name}/adaptations/{chip}/{file}/report")
    String report(@PathVariable String owner, @PathVariable String name, @PathVariable String chip,
            @PathVariable String file, @AuthenticationPrincipal HubUser user, Model model) {
        Repo repo = repos.get(RepoKind.MODEL, owner, name, current.of(user));
        AdaptationValidation v = downloads.validation(repo, chip, file);
        model.addAttribute("repo", repo);
        model.addAttribute("v", v);
        model.addAttribute("stale", index.isStale(v));
        model.addAttribute("staleReason", v.stale() ? v.staleReason() : index.staleReason(v));
        model.addAttribute("why", v.passed() ? null : AdaptationDownloads.errors(v));
        model.addAttribute("report", reports.of(repo, v));
        model.addAttribute("base", "/" + repo.urlPath() + "/adaptations/" + chip + "/" + file);
        model.addAttribute("measured", measured.forConfig(repo, v.path()));
        model.addAttribute("measuredFolder", ResultsLayout.folderOf(v.path()));
        // How far estimates on this chip's family were from public measurements (docs/calibration.md).
        model.addAttribute("expectedError", chips.registry().catalog().find(chip)
                .flatMap(c -> Calibration.expectedError(c.family())).orElse(null));
        return "adaptations/report";
    }

    private Map<String, String> chipNames() {
        Map<String, String> names = new TreeMap<>();
        chips.chips().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }
}
