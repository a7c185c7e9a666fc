package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.credit.record.CreditRecordsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored grades in step with the records: every write of records (an upload, a repair or objection step,
 * a spot-check result — all announce {@link CreditRecordsChanged}) recomputes the snapshots of its legal persons
 * before the writer answers.
 */
@Component
class GradeSnapshotRefresh {

    private static final Logger log = LoggerFactory.getLogger(GradeSnapshotRefresh.class);

    private final GradeSnapshots snapshots;

    GradeSnapshotRefresh(GradeSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * The write is done whatever happens here; a failure leaves the snapshots of those subjects as they were, and a
     * full recomputation ({@code POST /v1/grade-recomputations}) repairs them.
     */
    @EventListener
    public void onRecordsChanged(CreditRecordsChanged changed) {
        try {
            snapshots.refreshSubjectsOf(changed.recordIds());
        } catch (RuntimeException e) {
            log.error("grades of the subjects of {} written records not recomputed; run a grade recomputation", changed.recordIds().size(), e);
        }
    }
}
