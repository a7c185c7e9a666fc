package cn.dongcheng.platform.supervision.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An entity drawn for an item on day d stays out of the pools for that item while today is before d + the item's
 * frequencyWindowDays (no window, or 0: never kept out). For a joint task one visit covers every item, so an entity
 * inside the window of any of the task's items is left out: drawing it would inspect it again for that item too soon.
 */
public final class FrequencyWindow {

    private final Map<String, Integer> windowDaysByItem;
    private final LocalDate today;

    public FrequencyWindow(Map<String, Integer> windowDaysByItem, LocalDate today) {
        this.windowDaysByItem = Map.copyOf(windowDaysByItem);
        this.today = today;
    }

    public static FrequencyWindow of(SpotCheckTask task, LocalDate today) {
        return new FrequencyWindow(task.items().stream().filter(i -> i.frequencyWindowDays() != null && i.frequencyWindowDays() > 0)
                .collect(Collectors.toMap(TaskItem::code, TaskItem::frequencyWindowDays)), today);
    }

    /** The items with a window, and the earliest drawing day that can still be inside one. */
    public Map<String, Integer> windowDaysByItem() {
        return windowDaysByItem;
    }

    public LocalDate earliestDayInside() {
        int longest = windowDaysByItem.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return today.minusDays(longest - 1L);
    }

    /** The item whose window an entity drawn on {@code drawnOn} for {@code items} is still inside, if any. */
    public Optional<String> keepsOut(List<String> items, LocalDate drawnOn) {
        for (String item : items) {
            Integer days = windowDaysByItem.get(item);
            if (days != null && today.isBefore(drawnOn.plusDays(days))) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
