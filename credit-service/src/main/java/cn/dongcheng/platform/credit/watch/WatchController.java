package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Credit watch", description = "信用监测: watch subjects and read what happens to them with a cursor")
public class WatchController {

    private final Watch watch;

    public WatchController(Watch watch) {
        this.watch = watch;
    }

    @GetMapping("/v1/watch-list")
    @Operation(summary = "The caller's watch list", description = "The list belongs to the token's subject; natural persons "
            + "are shown masked unless the role may see them.")
    public WatchListView list(CallerContext caller) {
        return watch.list(caller);
    }

    @PostMapping("/v1/watch-list/subjects")
    @Operation(summary = "Watch subjects", description = "{\"subjects\": [{\"uscc\"} | {\"idNumber\"}, …]}: legal persons by "
            + "code; natural persons only for credit officers and regulators (others: 403), ID numbers only in this body. An "
            + "invalid code or number is a 400 naming subjects[i] and the check that failed; a list that would exceed the "
            + "limit (credit.watch.max-subjects, default 1,000) a 400, more subjects than that in one request a 413. Nothing "
            + "is stored from a refused request. Events are recorded for a subject from when it is watched.")
    public WatchListView add(@RequestBody(required = false) WatchSubjectsInput body, CallerContext caller) {
        return watch.add(body, caller);
    }

    @PostMapping("/v1/watch-list/subjects:remove")
    @Operation(summary = "Stop watching subjects", description = "Same body as adding; subjects not on the list are ignored.")
    public WatchListView remove(@RequestBody(required = false) WatchSubjectsInput body, CallerContext caller) {
        return watch.remove(body, caller);
    }

    @GetMapping("/v1/watch-list/events")
    @Operation(summary = "Events about the watched subjects, with a cursor", description = "NEW_RECORD, RECORD_CHANGED, "
            + "EXPIRED (left the public view at Beijing midnight), REPAIRED, OBJECTION_OPENED, OBJECTION_DECIDED and "
            + "GRADE_CHANGED (old and new score, grade and risk class), oldest first in a stable order. Keep nextCursor and "
            + "send it back: it survives restarts, no event is handed out twice or skipped; at the end it is the position "
            + "reached, to poll with. Events are handed out a few seconds after they are recorded (settledBefore). An "
            + "enterprise reads only events whose content was public. A cursor this feed did not issue is a 400.")
    public WatchEventPage events(@RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor,
                                 CallerContext caller) {
        return watch.events(size, cursor, caller);
    }
}
