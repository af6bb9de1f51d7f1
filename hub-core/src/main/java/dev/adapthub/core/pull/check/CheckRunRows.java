package dev.adapthub.core.pull.check;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CheckRunRows extends JpaRepository<CheckRun, Long> {

    List<CheckRun> findByPullRequestIdAndHeadCommitOrderByIdAsc(long pullRequestId, String headCommit);

    List<CheckRun> findByPullRequestIdOrderByIdDesc(long pullRequestId);
}
