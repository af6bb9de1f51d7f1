package dev.adapthub.core.pull;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PullEvents extends JpaRepository<PullEvent, Long> {

    List<PullEvent> findByPullRequestIdOrderByIdAsc(long pullRequestId);

    List<PullEvent> findByPullRequestIdAndKindOrderByIdAsc(long pullRequestId, EventKind kind);
}
