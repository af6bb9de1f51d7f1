package dev.adapthub.web.builder;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The config builder ({@code /builder?model=owner/name&chip=id}): a form whose every change asks
 * {@code /builder/preview} (htmx, GET) for the memory bar, roofline, estimate, findings and YAML,
 * and a CSRF-protected POST that opens the YAML as a pull request on the model repository, as
 * "Propose a change" does. Field errors are 400s with a message per field; nothing is created.
 */
@Controller
class BuilderController {

    /** The fields in form order; each has an inline message slot {@code err-<field>}. */
    static final List<String> FIELDS = List.of("model", "chip", "engine", "weights", "kvCache", "tensor", "pipeline",
            "maxModelLen", "maxNumSeqs", "inputTokens", "outputTokens", "concurrency", "utilization", "name");

    private final BuilderPreview previews;
    private final ChipCenter chips;
    private final CurrentAccount current;
    private final PullRequestService pulls;

    BuilderController(BuilderPreview previews, ChipCenter chips, CurrentAccount current, PullRequestService pulls) {
        this.previews = previews;
        this.chips = chips;
        this.current = current;
        this.pulls = pulls;
    }

    @GetMapping("/builder")
    String page(@RequestParam(required = false) String model, @RequestParam(required = false) String chip,
            @AuthenticationPrincipal HubUser user, Model view) {
        boolean cpu = chip != null && chips.registry().catalog().find(chip).map(c -> c.family() == ChipFamily.CPU)
                .orElse(false);
        BuilderForm form = BuilderForm.start(model, chip, BuilderForm.engineFor(chip, cpu));
        return page(view, form, previews.of(form, current.of(user)));
    }

    @GetMapping("/builder/preview")
    String preview(BuilderForm form, @AuthenticationPrincipal HubUser user, HttpServletRequest request,
            HttpServletResponse response, Model view) {
        BuilderPreview.Preview preview = previews.of(form, current.of(user));
        if (!preview.valid()) {
            refuse(request, response, preview.errors());
        }
        view.addAttribute("preview", preview);
        view.addAttribute("fields", FIELDS);
        return "builder/preview :: preview";
    }

    @PostMapping("/builder/propose")
    String propose(BuilderForm form, @RequestParam(required = false) String title,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model view) {
        Account actor = current.of(user);
        if (actor == null) {
            return "redirect:/login";
        }
        BuilderPreview.Preview preview = previews.of(form, actor);
        if (!preview.valid()) {
            refuse(request, response, preview.errors());
            return page(view, form, preview);
        }
        String heading = title == null || title.isBlank() ? "Add " + preview.path() : title.strip();
        try {
            PullRequest pr = pulls.openWithChanges(actor, preview.repo(), new NewPullRequest(heading,
                    "Written with the config builder; verdict of the validator: " + preview.report().verdict() + ".",
                    preview.repo().defaultBranch(), false, List.of()), null, heading,
                    List.of(new FileChange.Put(preview.path(), Content.of(preview.yaml().getBytes(StandardCharsets.UTF_8)))));
            return "redirect:/" + preview.repo().urlPath() + "/pulls/" + pr.number();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HubStatus.of(e).value());
            ClientErrorLog.log(request, response.getStatus(), e.getMessage());
            view.addAttribute("proposeError", e.getMessage());
            return page(view, form, preview);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Map<String, String> errors) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        ClientErrorLog.log(request, HttpServletResponse.SC_BAD_REQUEST, "config builder: " + errors);
    }

    private String page(Model view, BuilderForm form, BuilderPreview.Preview preview) {
        view.addAttribute("form", form);
        view.addAttribute("preview", preview);
        view.addAttribute("fields", FIELDS);
        view.addAttribute("chips", chips.chips().stream().sorted(Comparator.comparing(ChipSpec::id)).toList());
        view.addAttribute("engines", BuilderForm.ENGINES);
        view.addAttribute("weightTypes", BuilderForm.WEIGHT_TYPES);
        view.addAttribute("kvTypes", BuilderForm.KV_TYPES);
        return "builder/page";
    }
}
