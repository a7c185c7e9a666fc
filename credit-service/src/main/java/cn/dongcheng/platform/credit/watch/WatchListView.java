package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The caller's watch list: its subjects (natural persons masked unless the role may see them) and the limit. */
public record WatchListView(List<Entry> subjects, int count, int limit) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(SubjectType subjectType, String uscc, String idNumber, Boolean subjectMasked, String addedAt) {
    }
}
