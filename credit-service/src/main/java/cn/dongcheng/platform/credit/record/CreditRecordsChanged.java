package cn.dongcheng.platform.credit.record;

import java.util.Set;

/**
 * Published (synchronously, in the writer's thread) once records were written: by an upload, whose accepted lines
 * changed them, or by a workflow decision that set a status. Listeners read the records as now stored; a listener's
 * failure must not fail the write that is already done.
 *
 * @param recordIds the records written (a re-delivered line that changed nothing is not among them)
 */
public record CreditRecordsChanged(Set<String> recordIds) {
    public CreditRecordsChanged {
        recordIds = Set.copyOf(recordIds);
    }
}
