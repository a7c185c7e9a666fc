package cn.dongcheng.platform.supervision.client;

import java.util.List;

/** A delivery of published results to credit-service ({@code POST /v1/spot-check-results}) and its answer. */
public record SpotCheckDelivery(List<Result> results) {

    /** {@code department} and {@code sourceId} (the result id) are credit-service's key: a re-sent result is stored once. */
    public record Result(String taskId, String uscc, String inspectionDate, String outcome, String details, String department,
                         String sourceId) {
    }

    public record Report(int stored, int duplicates, List<Item> results) {
    }

    public record Item(String department, String sourceId, String recordId, boolean duplicate) {
    }
}
