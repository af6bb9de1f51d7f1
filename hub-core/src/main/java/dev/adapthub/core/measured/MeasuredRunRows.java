package dev.adapthub.core.measured;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MeasuredRunRows extends JpaRepository<MeasuredRunRow, Long> {

    List<MeasuredRunRow> findByRepositoryIdOrderByRunPath(long repositoryId);

    List<MeasuredRunRow> findByRepositoryIdAndConfigPathOrderByRunPath(long repositoryId, String configPath);

    List<MeasuredRunRow> findByChipAndAcceptedTrue(String chip);

    List<MeasuredRunRow> findByAcceptedTrue();
}
