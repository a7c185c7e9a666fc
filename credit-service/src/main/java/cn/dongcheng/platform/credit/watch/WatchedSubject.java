package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One subject on one owner's watch list, as stored in {@code credit-watch-subjects} under a digest of owner and
 * subject (so adding it again writes nothing new). {@code owner} is the token's {@code sub}, never a value sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WatchedSubject(String owner, SubjectType subjectType, String subjectKey, String addedAt) {
}
