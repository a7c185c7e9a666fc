package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.credit.sanction.SanctionCheckRequest;

import java.util.List;

/**
 * Subjects to add to or remove from the caller's watch list, each {@code {"uscc"}} or {@code {"idNumber"}} as in a
 * sanctions check; ID numbers travel only in this body, never in a URL.
 */
public record WatchSubjectsInput(List<SanctionCheckRequest.Subject> subjects) {
}
