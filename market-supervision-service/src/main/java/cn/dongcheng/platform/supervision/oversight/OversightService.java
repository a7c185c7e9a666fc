package cn.dongcheng.platform.supervision.oversight;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.time.DistrictTime;
import cn.dongcheng.platform.supervision.pool.FrozenPoolRecord;
import cn.dongcheng.platform.supervision.pool.TaskPools;
import cn.dongcheng.platform.supervision.task.SpotCheckTask;
import cn.dongcheng.platform.supervision.task.SpotCheckTasks;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plan's oversight figures: its tasks, their frozen pools (N, planned n) and the counts of two aggregations. */
@Service
public class OversightService {

    private final SpotCheckTasks tasks;
    private final TaskPools pools;
    private final OversightCounts counts;
    private final Clock clock;

    public OversightService(SpotCheckTasks tasks, TaskPools pools, OversightCounts counts, Clock clock) {
        this.tasks = tasks;
        this.pools = pools;
        this.counts = counts;
        this.clock = clock;
    }

    public PlanFigures ofPlan(String planId) {
        List<SpotCheckTask> ofPlan = new ArrayList<>();
        String cursor = null;
        do {
            Page<SpotCheckTask> page = tasks.ofPlan(planId, PageRequest.of(PageRequest.MAX_SIZE, cursor));
            ofPlan.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.DEFAULT_ZONE));
        Map<String, Map<String, StratumCounts>> counted = counts.of(ofPlan.stream().map(SpotCheckTask::taskId).toList(), today);
        List<TaskFigures> figures = new ArrayList<>();
        for (SpotCheckTask task : ofPlan) {
            Optional<FrozenPoolRecord> pool = pools.find(task.taskId());
            Map<String, Integer> poolSizes = new LinkedHashMap<>();
            pool.ifPresent(p -> p.strata().forEach((stratum, codes) -> poolSizes.put(stratum, codes.size())));
            figures.add(OversightFigures.task(task.taskId(), poolSizes, pool.map(FrozenPoolRecord::sampleSizes).orElse(Map.of()),
                    counted.getOrDefault(task.taskId(), Map.of())));
        }
        return OversightFigures.plan(planId, today.toString(), figures);
    }
}
