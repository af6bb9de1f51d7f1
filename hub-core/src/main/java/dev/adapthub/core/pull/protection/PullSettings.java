package dev.adapthub.core.pull.protection;

import dev.adapthub.git.merge.MergeMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A repository's stored pull request settings (absent: {@link PullOptions#DEFAULTS}). */
@Entity
@Table(name = "pull_settings")
class PullSettings {

    @Id
    @Column(name = "repository_id")
    private Long repositoryId;

    @Column(name = "merge_methods", nullable = false)
    private String mergeMethods;

    @Column(name = "extra_chips", nullable = false)
    private String extraChips;

    protected PullSettings() {
    }

    PullSettings(long repositoryId, PullOptions options) {
        this.repositoryId = repositoryId;
        update(options);
    }

    void update(PullOptions options) {
        this.mergeMethods = String.join(",", options.mergeMethods().stream().map(Enum::name).toList());
        this.extraChips = String.join(",", options.extraChips());
    }

    PullOptions options() {
        List<MergeMethod> methods = Arrays.stream(mergeMethods.split(",")).filter(s -> !s.isBlank())
                .map(MergeMethod::valueOf).toList();
        List<String> chips = Arrays.stream(extraChips.split(",")).filter(s -> !s.isBlank()).toList();
        return new PullOptions(methods, chips);
    }
}
